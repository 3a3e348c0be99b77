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
      tellTruncation(document)
      let linted = clock.now
      let diagnostics = document.serializedDiagnostics(session: session)
      let converted = clock.now
      // Superseded by a later publish of the same document while still queued: only the latest is written.
      let params = SerializedJSON.object([
        ("uri", SerializedJSON(.string(uri))), ("version", SerializedJSON(.int(version))), ("diagnostics", diagnostics),
      ])
      connection.send(body: Message.body(notification: PublishDiagnosticsParams.method, params: params), coalescingKey: uri)
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

  /// Tells the user, once, that a document's findings were capped (ruff says so too; silence would read as "that is
  /// all"): a `window/showMessage` warning naming the cap and the line from which the text was not fully checked.
  func tellTruncation(_ document: Document) {
    guard let offset = document.truncation else {
      document.toldTruncation = false
      return
    }
    guard !document.toldTruncation else { return }
    document.toldTruncation = true
    let cap = document.maximumFindings
    let line = document.tree.position(of: offset, in: .utf8).line + 1
    let name = URL(string: document.uri)?.lastPathComponent ?? document.uri
    let text = LocalizedText(
      zh: "\(name)：问题超过 \(cap) 个，只显示前 \(cap) 个；第 \(line) 行起的内容未完整检查",
      en: "\(name): more than \(cap) findings; showing the first \(cap); not fully checked from line \(line) on")
    log(.warning, text.en)
    guard lifecycle != .exited else { return }
    try? connection.send(notification: ShowMessageParams(type: .warning, message: text.text(document.language)))
  }

  /// The result id of a document's current diagnostics: the configuration generation and the revision at which its
  /// diagnostics last changed, so a pull after an edit that changed no diagnostic is answered `unchanged`.
  func resultID(_ document: Document) -> String {
    "g\(configurationGeneration).r\(document.diagnosticsRevision(session: session))"
  }

  func documentDiagnostic(_ params: DocumentDiagnosticParams) throws -> SerializedJSON {
    let document = try document(params.textDocument.uri)
    _ = document.findingsPerNode
    tellTruncation(document)
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

  /// What a workspace scan needs to know of a path (following symlinks): whether it is a regular file, its size and
  /// a stamp (modification time and size) that changes when the file does.
  static func status(of path: String) -> (isRegular: Bool, size: Int, stamp: String)? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    let milliseconds = Int(status.st_mtim.tv_sec) * 1000 + Int(status.st_mtim.tv_nsec) / 1_000_000
    let size = Int(status.st_size)
    return (status.st_mode & S_IFMT == S_IFREG, size, "\(milliseconds)-\(size)")
  }
}
