import Foundation
import LSP
import Testing

@testable import FormServer

/// Pull reports are the pushed bytes; result ids follow the diagnostics and the configuration; diagnostics are lean
/// (a key in `data`, links only to pages that exist) and fixes come by `codeAction/resolve`.
@Suite struct PullAndLeanDiagnosticsTests {
  static let pullCapabilities: JSONValue = [
    "textDocument": [
      "diagnostic": [:], "publishDiagnostics": ["relatedInformation": true, "codeDescriptionSupport": true],
      "codeAction": ["resolveSupport": ["properties": ["edit"]]],
    ],
    "workspace": ["diagnostics": ["refreshSupport": true]],
  ]

  private func pull(_ client: TestClient, _ uri: DocumentURI = Seed.uri, previous: String? = nil) throws -> JSONValue {
    var params: JSONValue = ["textDocument": ["uri": .string(uri)]]
    if let previous { params = params.setting("previousResultId", .string(previous)) }
    return try client.request(DocumentDiagnosticParams.method, params).get()
  }

  private func change(_ client: TestClient, version: Int, line: Int, character: Int, delete: Int = 0, text: String) throws {
    let range = LSPRange(
      start: Position(line: line, character: character), end: Position(line: line, character: character + delete))
    try client.notify(DidChangeTextDocumentParams(
      textDocument: VersionedTextDocumentIdentifier(uri: Seed.uri, version: version),
      contentChanges: [TextDocumentContentChangeEvent(range: range, text: text)]))
  }

  @Test func pulledItemsAreWhatAPushClientGets() throws {
    let pusher = TestClient()
    try pusher.initialize()
    let pushed = try pusher.open(Seed.uri, Seed.text)
    let puller = TestClient()
    try puller.initialize(capabilities: Self.pullCapabilities)
    try puller.notify(DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: Seed.uri, languageId: "", version: 1, text: Seed.text)))
    let report = try pull(puller)
    #expect(report["kind"] == "full")
    let items = try #require(report["items"]).decode([Diagnostic].self)
    #expect(!items.isEmpty)
    #expect(items == pushed)
  }

  @Test func resultIDsFollowTheDiagnosticsNotTheKeystrokes() throws {
    let client = TestClient()
    try client.initialize(capabilities: Self.pullCapabilities)
    try client.notify(DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: Seed.uri, languageId: "", version: 1, text: Seed.text)))
    let first = try #require(try pull(client)["resultId"]?.stringValue)
    #expect(try pull(client, previous: first) == ["kind": "unchanged", "resultId": .string(first)])

    // A character typed at the end of the last line of the file (no finding there, none moves): still unchanged.
    let lines = Seed.text.components(separatedBy: "\n")
    let last = lines.count - 1
    try change(client, version: 2, line: last, character: lines[last].utf16.count, text: "\n")
    #expect(try pull(client, previous: first)["kind"] == "unchanged")

    // Fixing the first budget (14万 → 20万) changes the diagnostics: a full report with a new id.
    try change(client, version: 3, line: 9, character: 1, delete: 2, text: "20")
    let fixed = try pull(client, previous: first)
    #expect(fixed["kind"] == "full")
    let second = try #require(fixed["resultId"]?.stringValue)
    #expect(second != first)
    #expect(fixed["items"]?.arrayValue?.filter { $0["code"] == "JX301" }.count == 2)

    // A configuration change bumps the generation: a full report even though the text is the same, and a refresh.
    try client.notify(DidChangeConfigurationParams(settings: ["rules": ["JX301": "off"]]))
    _ = try #require(client.request(from: DiagnosticRefreshRequest.method))
    let reconfigured = try pull(client, previous: second)
    #expect(reconfigured["kind"] == "full")
    #expect(reconfigured["resultId"]?.stringValue != second)
    #expect(reconfigured["items"]?.arrayValue?.contains { $0["code"] == "JX301" } == false)
  }

  @Test func workspaceReportCoversOpenDocumentsAndFilesOnDisk() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-workspace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let onDisk = folder.appendingPathComponent("b.txt")
    try Data(Seed.text.utf8).write(to: onDisk)
    let open = folder.appendingPathComponent("a.txt").absoluteString
    let client = TestClient()
    try client.initialize(
      capabilities: Self.pullCapabilities, workspaceFolders: [WorkspaceFolder(uri: folder.absoluteString, name: "w")])
    try client.notify(DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: open, languageId: "", version: 4, text: Seed.text)))
    let report = try client.request(WorkspaceDiagnosticParams.method, ["previousResultIds": []]).get()
    let items = try #require(report["items"]?.arrayValue)
    #expect(items.count == 2)
    let openReport = try #require(items.first { $0["uri"]?.stringValue == open })
    #expect(openReport["version"] == 4)
    #expect(openReport["kind"] == "full")
    let diskReport = try #require(items.first { $0["uri"]?.stringValue == Session.uri(ofPath: onDisk.path) })
    #expect(diskReport["version"] == .null)
    #expect(diskReport["items"]?.arrayValue?.count == openReport["items"]?.arrayValue?.count)

    // With the result ids the client now holds, nothing changed: every report is `unchanged`.
    let previous: [JSONValue] = items.map { ["uri": $0["uri"]!, "value": $0["resultId"]!] }
    let again = try client.request(WorkspaceDiagnosticParams.method, ["previousResultIds": .array(previous)]).get()
    #expect(again["items"]?.arrayValue?.map { $0["kind"] } == [.string("unchanged"), .string("unchanged")])
  }

  @Test func diagnosticsAreLeanAndFixesComeByResolve() throws {
    let client = TestClient()
    try client.initialize(capabilities: Self.pullCapabilities)
    try client.notify(
      DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: Seed.uri, languageId: "", version: 1, text: Seed.cappedText)))
    let items = try #require(try pull(client)["items"]?.arrayValue)
    for item in items {
      // The key is short; no fix titles, edits or flags ride along.
      let key = try #require(item["data"]?.stringValue)
      #expect(key.utf8.count <= 12)
    }
    let budget = try #require(items.first { $0["code"] == "JX301" })
    let params: JSONValue = [
      "textDocument": ["uri": .string(Seed.uri)], "range": budget["range"]!,
      "context": ["diagnostics": [budget], "only": ["quickfix"]],
    ]
    let actions = try #require(try client.request(CodeActionParams.method, params).get().arrayValue)
    let fix = try #require(actions.first { $0["title"] == "把成本指标值改为 ≤14万元（预算）" })
    #expect(fix["edit"] == nil)
    let resolved = try client.request(CodeActionResolveRequest.method, fix).get()
    let edit = try #require(resolved["edit"]?["changes"]?[Seed.uri]?[0])
    #expect(edit["newText"] == "≤14万元")
    #expect(edit["range"]?["start"]?["line"] == 55)

    // After the finding is gone, its key resolves to nothing: the client is told the content changed.
    try change(client, version: 2, line: 9, character: 1, delete: 2, text: "20")
    _ = try pull(client)
    #expect(client.request(CodeActionResolveRequest.method, fix).errorCode == ErrorCode.contentModified.rawValue)
  }

  @Test func codeDescriptionLinksOnlyPagesThatExist() throws {
    // A folder holding JX301's page only.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-docs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("# JX301\n".utf8).write(to: folder.appendingPathComponent("JX301-budget-mismatch.md"))

    func diagnostics(
      folder: String?, settings: JSONValue? = nil, capabilities: JSONValue = TestClient.defaultCapabilities
    ) throws -> [Diagnostic] {
      var options = ServerOptions(debounceMilliseconds: 0, logsToStandardError: false)
      options.ruleDocumentationFolder = folder
      let client = TestClient(options: options)
      try client.initialize(capabilities: capabilities, initializationOptions: settings)
      return try client.open(Seed.uri, Seed.text)
    }
    let linked = try diagnostics(folder: folder.path)
    #expect(linked.first { $0.code == "JX301" }?.codeDescription?.href
      == folder.appendingPathComponent("JX301-budget-mismatch.md").absoluteString)
    #expect(linked.contains { $0.code != "JX301" })
    #expect(linked.filter { $0.code != "JX301" }.allSatisfy { $0.codeDescription == nil })

    #expect(try diagnostics(folder: nil).allSatisfy { $0.codeDescription == nil })
    // A client that does not declare `codeDescriptionSupport` gets no links, on push or on pull.
    let plain: JSONValue = ["textDocument": ["publishDiagnostics": ["relatedInformation": true]]]
    let unlinked = try diagnostics(folder: folder.path, capabilities: plain)
    #expect(unlinked.count == linked.count)
    #expect(unlinked.allSatisfy { $0.codeDescription == nil })
    var options = ServerOptions(debounceMilliseconds: 0, logsToStandardError: false)
    options.ruleDocumentationFolder = folder.path
    let puller = TestClient(options: options)
    try puller.initialize(capabilities: ["textDocument": ["diagnostic": ["codeDescriptionSupport": true]]])
    try puller.notify(DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: Seed.uri, languageId: "", version: 1, text: Seed.text)))
    let pulled = try #require(try pull(puller)["items"]).decode([Diagnostic].self)
    #expect(pulled.filter { $0.codeDescription != nil }.map(\.code) == linked.filter { $0.codeDescription != nil }.map(\.code))

    let configured = try diagnostics(folder: nil, settings: ["docsURL": "https://docs.example.org/jixiao/rules/"])
    #expect(configured.first { $0.code == "JX301" }?.codeDescription?.href
      == "https://docs.example.org/jixiao/rules/JX301-budget-mismatch.md")
  }
}
