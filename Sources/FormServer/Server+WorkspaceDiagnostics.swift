import FormLint
import Foundation
import LSP

extension Server {
  /// At most this many form files are checked for one `workspace/diagnostic` request (open documents always are);
  /// the rest are named in a log message. A county's folder holds tens to hundreds of filings.
  static let maximumWorkspaceFiles = 2_000
  /// Files larger than this are skipped by workspace pulls (open them to check them): one 64 MB file would hold the
  /// server for seconds.
  static let maximumWorkspaceFileSize = 16 << 20

  /// `workspace/diagnostic`: reports for the open documents (from memory, the per-form bytes pushing uses) and for the
  /// form files of the workspace folders (read from disk), bounded by `maximumWorkspaceFiles` and
  /// `maximumWorkspaceFileSize`.
  ///
  /// The files are checked one per turn of the server's queue, so edits and other requests that arrive meanwhile are
  /// served between them; the client can cancel (`$/cancelRequest`, or the progress it asked for with a
  /// `workDoneToken`, which reports files done); with a `partialResultToken` each file's report is streamed as it is
  /// ready and the response itself is empty, as the spec requires.
  func startWorkspaceDiagnostic(_ request: RequestMessage) throws {
    let params = try request.decodeParams(WorkspaceDiagnosticParams.self)
    let previous = Dictionary(params.previousResultIds.map { ($0.uri, $0.value) }, uniquingKeysWith: { _, last in last })
    var scan = WorkspaceScan(id: request.id, previous: previous, partialResults: params.partialResultToken)
    var seen: Set<String> = []
    for document in documents.values.sorted(by: { $0.uri < $1.uri }) {
      if let path = document.path { seen.insert(path) }
      scan.add(uri: document.uri, version: document.version, resultID: resultID(document)) {
        document.serializedDiagnostics(session: session)
      }
    }
    var files = WorkspaceFiles.formFiles(in: session.workspaceFolders) { configurations.exclude(forFolder: $0) }
      .filter { !seen.contains($0) }
    if files.count > Server.maximumWorkspaceFiles {
      log(.warning, "The workspace holds \(files.count) form files; workspace diagnostics cover the first \(Server.maximumWorkspaceFiles) (open a file to check it)")
      files = Array(files.prefix(Server.maximumWorkspaceFiles))
    }
    scan.files = files
    if let token = params.workDoneToken {
      scan.progress = token
      workDoneTokens[token] = request.id
      sendNotification(WorkDoneProgress(token: token, value: .begin(title: "Jixiao", message: "0/\(files.count)", cancellable: true)))
    }
    continueWorkspaceScan(scan)
  }

  /// Checks the next file of a scan and schedules the rest behind whatever arrived meanwhile, or answers.
  private func continueWorkspaceScan(_ scan: WorkspaceScan) {
    var scan = scan
    guard lifecycle == .running else {
      endDeferred(scan.id)
      return
    }
    if isCancelled(scan.id) {
      if let token = scan.progress { sendNotification(WorkDoneProgress(token: token, value: .end(message: "cancelled"))) }
      connection.reply(to: scan.id, error: .requestCancelled)
      endDeferred(scan.id)
      return
    }
    if scan.next < scan.files.count {
      let path = scan.files[scan.next]
      scan.next += 1
      checkWorkspaceFile(path, into: &scan)
      if let token = scan.progress {
        let done = scan.next
        sendNotification(WorkDoneProgress(token: token, value: .report(
          message: "\(done)/\(scan.files.count)", percentage: done * 100 / max(1, scan.files.count))))
      }
      if let token = scan.partialResults, !scan.items.isEmpty {
        connection.send(
          notification: WorkDoneProgress.method,
          serializedParams: SerializedJSON.object([
            ("token", SerializedJSON(token)),
            ("value", SerializedJSON.object([("items", SerializedJSON.array(scan.items))])),
          ]))
        scan.items = []
      }
      let rest = scan
      queue.async { self.continueWorkspaceScan(rest) }
      return
    }
    logConfigurationWarnings()
    if let token = scan.progress { sendNotification(WorkDoneProgress(token: token, value: .end(message: nil))) }
    connection.reply(to: scan.id, serializedResult: SerializedJSON.object([("items", SerializedJSON.array(scan.items))]))
    endDeferred(scan.id)
  }

  /// Adds one file's report: `unchanged` when the client holds its result id (modification stamp and configuration),
  /// nothing when it is not a regular file or too large.
  private func checkWorkspaceFile(_ path: String, into scan: inout WorkspaceScan) {
    let uri = Session.uri(ofPath: path)
    // Only regular files (a FIFO would block the read, a device never end), and none above the size limit.
    guard let status = WorkspaceFiles.status(of: path), status.isRegular else { return }
    guard status.size <= Server.maximumWorkspaceFileSize else {
      log(.log, "\(path): \(status.size) bytes, above the \(Server.maximumWorkspaceFileSize) of workspace diagnostics; open it to check it")
      return
    }
    // Files on disk change without revisions: their result id is their modification stamp and the configuration.
    let result = "f\(status.stamp)-g\(configurationGeneration)"
    if scan.previous[uri] == result {
      scan.add(uri: uri, version: nil, resultID: result) { SerializedJSON.array(runs: []) }
      return
    }
    do {
      let source = try SourceFile.read(path: path, maximumSize: Server.maximumWorkspaceFileSize)
      let document = Document(
        uri: uri, version: 0, text: String(decoding: source.utf8, as: UTF8.self),
        resolved: configurations.resolve(documentPath: path), revision: 0)
      scan.add(uri: uri, version: nil, resultID: result) { document.serializedDiagnostics(session: session) }
    } catch {
      log(.warning, "\(error)")
    }
  }
}

/// A `workspace/diagnostic` request being answered.
struct WorkspaceScan: Sendable {
  let id: RequestID
  /// The result ids the client holds, by URI.
  let previous: [DocumentURI: String]
  let partialResults: JSONValue?
  var progress: JSONValue?
  var files: [String] = []
  var next = 0
  /// Reports not yet sent.
  var items: [SerializedJSON] = []

  init(id: RequestID, previous: [DocumentURI: String], partialResults: JSONValue?) {
    self.id = id
    self.previous = previous
    self.partialResults = partialResults
  }

  /// A document's report; `version` is sent even when null, as the spec requires.
  mutating func add(uri: DocumentURI, version: Int?, resultID: String, full: () -> SerializedJSON) {
    let extra = [("uri", SerializedJSON(.string(uri))), ("version", SerializedJSON(version.map(JSONValue.int) ?? .null))]
    items.append(Server.report(resultID: resultID, previous: previous[uri], extra: extra, items: full))
  }
}
