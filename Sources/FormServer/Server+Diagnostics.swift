import Dispatch
import FormLint
import FormSyntax
import Foundation
import LSP

extension Server {
  /// Called after a document's text or configuration changed: pushes (debounced) or, with pull diagnostics,
  /// leaves it to the client, which pulls after each change anyway.
  func diagnosticsChanged(_ uri: DocumentURI) {
    guard !session.usesPullDiagnostics, let document = documents[uri] else { return }
    let version = document.version
    let revision = document.revision
    scheduledPublish[uri] = revision
    let publish: @Sendable () -> Void = { [self] in
      // Dropped when a newer change arrived meanwhile: that change scheduled its own publish.
      guard lifecycle == .running, scheduledPublish[uri] == revision, let document = documents[uri],
        document.revision == revision
      else { return }
      scheduledPublish[uri] = nil
      let clock = ContinuousClock()
      let start = clock.now
      _ = document.findingsPerNode
      let linted = clock.now
      let diagnostics = document.serializedDiagnostics(session: session)
      let converted = clock.now
      connection.send(
        notification: PublishDiagnosticsParams.method,
        serializedParams: SerializedJSON.object([
          ("uri", SerializedJSON(.string(uri))), ("version", SerializedJSON(.int(version))), ("diagnostics", diagnostics),
        ]))
      if options.logsTiming {
        log(.log, "published \(diagnostics.byteCount) bytes of diagnostics of \(uri) v\(version): lint \(linted - start), convert \(converted - linted), send \(clock.now - converted)")
      }
    }
    if options.debounceMilliseconds <= 0 {
      queue.async(execute: publish)
    } else {
      queue.asyncAfter(deadline: .now() + .milliseconds(options.debounceMilliseconds), execute: publish)
    }
  }

  /// The result id of a document's current diagnostics: the configuration generation and the revision at which its
  /// diagnostics last changed, so a pull after an edit that changed no diagnostic is answered `unchanged`.
  func resultID(_ document: Document) -> String {
    "g\(configurationGeneration).r\(document.diagnosticsRevision(session: session))"
  }

  func documentDiagnostic(_ params: DocumentDiagnosticParams) throws -> SerializedJSON {
    let document = try document(params.textDocument.uri)
    return Server.report(resultID: resultID(document), previous: params.previousResultId) {
      document.serializedDiagnostics(session: session)
    }
  }

  /// A document report: `unchanged` when the client holds `resultID` already, else the full list; `extra` members
  /// (a workspace report's `uri` and `version`) come first.
  static func report(
    resultID: String, previous: String?, extra: [(key: String, value: SerializedJSON)] = [], items: () -> SerializedJSON
  ) -> SerializedJSON {
    if previous == resultID {
      return SerializedJSON.object(extra + [("kind", SerializedJSON("unchanged")), ("resultId", SerializedJSON(.string(resultID)))])
    }
    return SerializedJSON.object(
      extra + [("kind", SerializedJSON("full")), ("resultId", SerializedJSON(.string(resultID))), ("items", items())])
  }

  /// Diagnostics of every form file (`*.txt`) in the workspace folders: open documents from memory, the rest from disk.
  func workspaceDiagnostic(_ params: WorkspaceDiagnosticParams, id: RequestID) throws -> SerializedJSON {
    let previous = Dictionary(params.previousResultIds.map { ($0.uri, $0.value) }, uniquingKeysWith: { _, last in last })
    var items: [SerializedJSON] = []
    func add(_ uri: DocumentURI, version: Int?, result: String, full: () -> SerializedJSON) {
      let extra = [("uri", SerializedJSON(.string(uri))), ("version", SerializedJSON(version.map(JSONValue.int) ?? .null))]
      items.append(Server.report(resultID: result, previous: previous[uri], extra: extra, items: full))
    }
    var seen: Set<String> = []
    for document in documents.values.sorted(by: { $0.uri < $1.uri }) {
      if let path = document.path { seen.insert(path) }
      add(document.uri, version: document.version, result: resultID(document)) { document.serializedDiagnostics(session: session) }
    }
    let files = WorkspaceFiles.formFiles(in: session.workspaceFolders) { configurations.exclude(forFolder: $0) }
    for path in files where !seen.contains(path) {
      if isCancelled(id) { throw ResponseError.requestCancelled }
      let uri = Session.uri(ofPath: path)
      guard let stamp = WorkspaceFiles.stamp(of: path) else { continue }
      // Files on disk change without revisions: their result id is their modification stamp and the configuration.
      let result = "f\(stamp)-g\(configurationGeneration)"
      if previous[uri] == result {
        add(uri, version: nil, result: result) { SerializedJSON.array(runs: []) }
        continue
      }
      do {
        let source = try SourceFile.read(path: path)
        let document = Document(
          uri: uri, version: 0, text: String(decoding: source.utf8, as: UTF8.self),
          resolved: configurations.resolve(documentPath: path), revision: 0)
        add(uri, version: nil, result: result) { document.serializedDiagnostics(session: session) }
      } catch {
        log(.warning, "\(error)")
      }
    }
    logConfigurationWarnings()
    return SerializedJSON.object([("items", SerializedJSON.array(items))])
  }

  /// Rereads configuration files and settings, reconfigures the open documents and refreshes their diagnostics.
  func reloadConfiguration() {
    configurations.invalidate()
    configurationGeneration += 1
    for document in documents.values {
      document.reconfigure(configurations.resolve(documentPath: document.path), revision: nextRevision())
    }
    logConfigurationWarnings()
    if session.usesPullDiagnostics {
      if session.params.supportsDiagnosticRefresh { sendRequest(DiagnosticRefreshRequest()) }
    } else {
      for uri in documents.keys { diagnosticsChanged(uri) }
    }
  }

  func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
    if params.changes.contains(where: { Server.isConfigurationFile($0.uri) }) { reloadConfiguration() }
  }

  func didChangeConfiguration(_ params: DidChangeConfigurationParams) {
    // Clients that send null expect the server to pull; without that, keep the current settings and reread files.
    if params.settings.objectValue != nil {
      configurations.setEditorSettings(params.settings)
      applyServerSettings()
    }
    reloadConfiguration()
  }
}

/// The form files of the workspace, found on disk.
enum WorkspaceFiles {
  /// Every form file below the folders (`FormFiles.discover`, as `jixiao check FOLDER` finds them), sorted,
  /// without duplicates; `exclude` gives each folder's excluded patterns (its configuration's).
  static func formFiles(in folders: [String], exclude: (String) -> [String]) -> [String] {
    var found: Set<String> = []
    for folder in folders {
      for path in FormFiles.discover(in: folder, exclude: exclude(folder)) { found.insert(URL(fileURLWithPath: path).standardizedFileURL.path) }
    }
    return found.sorted()
  }

  /// Modification time and size, which change when the file does.
  static func stamp(of path: String) -> String? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    let size = (attributes[.size] as? Int) ?? 0
    return "\(Int(date * 1000))-\(size)"
  }
}
