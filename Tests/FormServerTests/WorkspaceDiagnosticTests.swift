import Foundation
import LSP
import Testing

@testable import FormServer

/// `workspace/diagnostic` over the files of a folder: progress, streamed partial results, cancellation, bounds.
@Suite struct WorkspaceDiagnosticTests {
  /// A workspace folder with `count` copies of the seed.
  private func folder(files count: Int) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-workspace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for index in 0..<count {
      try Data(Seed.text.utf8).write(to: folder.appendingPathComponent(String(format: "form-%03d.txt", index)))
    }
    return folder
  }

  private func client(_ folder: URL) throws -> TestClient {
    let client = TestClient()
    try client.initialize(
      capabilities: PullAndLeanDiagnosticsTests.pullCapabilities,
      workspaceFolders: [WorkspaceFolder(uri: folder.absoluteString, name: "w")])
    return client
  }

  /// Sends `workspace/diagnostic` with `params` beside an empty `previousResultIds`; returns its id.
  private func startScan(_ client: TestClient, _ params: [String: JSONValue]) -> RequestID {
    let id = client.nextRequestID()
    var all = params
    all["previousResultIds"] = []
    client.connection.send(.request(RequestMessage(id: id, method: WorkspaceDiagnosticParams.method, params: .object(all))))
    return id
  }

  @Test func progressReportsEachFileAndPartialResultsStreamThem() throws {
    let folder = try folder(files: 3)
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try client(folder)
    let id = startScan(client, ["workDoneToken": "work", "partialResultToken": "partial"])
    // The response is empty: every report came as a partial result, one file at a time.
    let response = try client.response(to: id).get()
    #expect(response == ["items": []])
    var streamed: [JSONValue] = []
    while let partial = client.notification(WorkDoneProgress.method, where: { $0?["token"] == "partial" }) {
      streamed += partial["value"]?["items"]?.arrayValue ?? []
      if streamed.count >= 3 { break }
    }
    #expect(streamed.count == 3)
    #expect(streamed.allSatisfy { $0["kind"] == "full" && $0["items"]?.arrayValue?.isEmpty == false })
    let progress = client.pending.compactMap { message -> JSONValue? in
      guard case .notification(let notification) = message, notification.method == WorkDoneProgress.method,
        notification.params?["token"] == "work" else { return nil }
      return notification.params?["value"]?["kind"]
    }
    #expect(progress == ["begin", "report", "report", "report", "end"])
  }

  @Test func editsAreServedWhileTheWorkspaceIsChecked() throws {
    let folder = try folder(files: 40)
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try client(folder)
    let scan = startScan(client, ["workDoneToken": "work"])
    // Once the scan has begun, a request sent now is answered before the scan ends: files are checked one per turn.
    _ = try #require(client.notification(WorkDoneProgress.method) { $0?["value"]?["kind"] == "begin" })
    let uri = folder.appendingPathComponent("open.txt").absoluteString
    try client.notify(DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: uri, languageId: "", version: 1, text: Seed.text)))
    let pulled = try client.request(DocumentDiagnosticParams.method, ["textDocument": ["uri": .string(uri)]]).get()
    #expect(pulled["kind"] == "full")
    #expect(!client.pending.contains { message in
      if case .response(let response) = message { return response.id == scan }
      return false
    })
    let items = try #require(try client.response(to: scan).get()["items"]?.arrayValue)
    #expect(items.count == 40)
  }

  @Test func cancellingStopsTheScan() throws {
    let folder = try folder(files: 200)
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try client(folder)
    let scan = startScan(client, ["workDoneToken": 7])
    _ = try #require(client.notification(WorkDoneProgress.method) { $0?["value"]?["kind"] == "begin" })
    try client.notify(WorkDoneProgressCancelParams(token: 7))
    #expect(client.response(to: scan).errorCode == ErrorCode.requestCancelled.rawValue)
    let end = try #require(client.notification(WorkDoneProgress.method) { $0?["value"]?["kind"] == "end" })
    #expect(end["value"]?["message"] == "cancelled")
  }

  @Test func onlyRegularFilesAreRead() throws {
    let folder = try folder(files: 1)
    defer { try? FileManager.default.removeItem(at: folder) }
    // A FIFO named like a form would block a plain read forever; a symlink to a device never ends.
    #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
    let client = try client(folder)
    let items = try #require(try client.request(WorkspaceDiagnosticParams.method, ["previousResultIds": []]).get()["items"]?.arrayValue)
    #expect(items.map { $0["uri"]?.stringValue?.hasSuffix("form-000.txt") } == [true])
  }
}
