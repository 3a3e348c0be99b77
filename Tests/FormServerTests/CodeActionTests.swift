import FormLint
import FormSyntax
import Foundation
import LSP
import Testing

@testable import FormServer

@Suite struct CodeActionTests {
  private func actions(_ client: TestClient, range: LSPRange, diagnostics: [LSP.Diagnostic], only: [CodeActionKind]? = nil) throws
    -> [JSONValue]
  {
    let params = CodeActionParams(
      textDocument: TextDocumentIdentifier(uri: Seed.uri), range: range,
      context: CodeActionContext(diagnostics: diagnostics, only: only))
    return try client.request(CodeActionParams.method, JSONValue(encoding: params)).get().arrayValue ?? []
  }

  @Test func budgetQuickFixComesFromDiagnosticData() throws {
    let client = TestClient()
    try client.initialize()
    let diagnostics = try client.open(Seed.uri, Seed.cappedText)
    let budget = try #require(diagnostics.first { $0.code == "JX301" })
    let result = try actions(client, range: budget.range, diagnostics: [budget], only: [.quickFix])
    // No fix edits the budget (#16 item 4): the single cap of the cost row is set to the budget.
    #expect(!result.contains { $0["title"]?.stringValue?.hasPrefix("把预算金额改为") == true })
    let fix = try #require(result.first { $0["title"]?.stringValue == "把成本指标值改为 ≤14万元（预算）" })
    #expect(fix["kind"] == "quickfix")
    let edit = try #require(fix["edit"]?["changes"]?[Seed.uri]?[0])
    #expect(edit["newText"] == "≤14万元")
    #expect(edit["range"]?["start"]?["line"] == 55)
    // Also offered: ignoring the rule in this form.
    #expect(result.contains { $0["title"]?.stringValue == "在本表（附件5-1）忽略 JX301" })
  }

  @Test func fixAllAppliesSafeFixesOnly() throws {
    let client = TestClient()
    try client.initialize(capabilities: [
      "workspace": ["workspaceEdit": ["documentChanges": true]],
      "textDocument": ["publishDiagnostics": ["relatedInformation": true]],
    ])
    let diagnostics = try client.open(Seed.uri, Seed.text)
    let result = try actions(
      client, range: LSPRange(at: Position(line: 0, character: 0)), diagnostics: [],
      only: [CodeActionKind(rawValue: "source.fixAll")])
    let fixAll = try #require(result.first)
    #expect(result.count == 1)
    #expect(fixAll["kind"] == "source.fixAll.jixiao")
    let change = try #require(fixAll["edit"]?["documentChanges"]?[0])
    #expect(change["textDocument"]?["version"] == 1)
    let edits = try #require(change["edits"]?.arrayValue)
    // Exactly the linter's safe fixes (one pass suffices for the seed), none of the unsafe ones.
    let tree = SyntaxTree(parsing: Seed.text)
    let mapping = PositionMapping(tree: tree, unit: .utf16)
    let fixes = Linter().lint(tree).flatMap(\.fixes)
    func lsp(_ fixes: [Fix]) throws -> Set<JSONValue> {
      Set(try fixes.flatMap(\.edits).map { try JSONValue(encoding: LSPTextEdit(range: mapping.range($0.range), newText: $0.newText)) })
    }
    #expect(!diagnostics.isEmpty)
    #expect(Set(edits) == (try lsp(fixes.filter(\.isSafe))))
    #expect(Set(edits).isDisjoint(with: try lsp(fixes.filter { !$0.isSafe })))
    // The budget (an unsafe fix) is untouched.
    #expect(!edits.contains { $0["newText"] == "20万" })
  }

  @Test func resolveComputesTheEditLazily() throws {
    let client = TestClient()
    try client.initialize(capabilities: [
      "textDocument": [
        "codeAction": ["resolveSupport": ["properties": ["edit"]]], "publishDiagnostics": ["relatedInformation": true],
      ]
    ])
    let diagnostics = try client.open(Seed.uri, Seed.cappedText)
    let budget = try #require(diagnostics.first { $0.code == "JX301" })
    let result = try actions(client, range: budget.range, diagnostics: [budget], only: [.quickFix])
    let fix = try #require(result.first { $0["title"]?.stringValue == "把成本指标值改为 ≤14万元（预算）" })
    #expect(fix["edit"] == nil)
    #expect(fix["data"] != nil)
    let resolved = try client.request("codeAction/resolve", fix).get()
    #expect(resolved["edit"]?["changes"]?[Seed.uri]?[0]?["newText"] == "≤14万元")
    #expect(resolved["title"] == fix["title"])
  }

  /// The quick fix "ignore JX301 in this form" offered for a JX301 finding of the document at `uri`.
  static func ignoreAction(_ client: TestClient, uri: DocumentURI, for budget: LSP.Diagnostic) throws -> JSONValue {
    let params = CodeActionParams(
      textDocument: TextDocumentIdentifier(uri: uri), range: budget.range,
      context: CodeActionContext(diagnostics: [budget], only: [.quickFix]))
    let result = try client.request(CodeActionParams.method, JSONValue(encoding: params)).get().arrayValue ?? []
    return try #require(result.first { $0["title"]?.stringValue?.contains("忽略 JX301") == true })
  }

  @Test func ignoreRuleCreatesOrEditsTheConfigurationFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-ignore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let uri = folder.appendingPathComponent("seed.txt").absoluteString
    let client = TestClient()
    try client.initialize(
      capabilities: [
        "workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]],
        "textDocument": ["publishDiagnostics": ["relatedInformation": true]],
      ],
      workspaceFolders: [WorkspaceFolder(uri: folder.absoluteString, name: "w")])
    let diagnostics = try client.open(uri, Seed.text)
    let budget = try #require(diagnostics.first { $0.code == "JX301" })
    let ignore = try Self.ignoreAction(client, uri: uri, for: budget)
    let changes = try #require(ignore["edit"]?["documentChanges"]?.arrayValue)
    #expect(changes.first?["kind"] == "create")
    let configURI = folder.appendingPathComponent(".jixiao.json").absoluteString
    #expect(changes.first?["uri"]?.stringValue == configURI)
    let text = try #require(changes.last?["edits"]?[0]?["newText"]?.stringValue)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let ignores = object?["ignores"] as? [[String: Any]]
    #expect(ignores?.first?["form"] as? String == "5-1")
    #expect(ignores?.first?["rules"] as? [String] == ["JX301"])
    // Scoped to this file: 附件5-1 of every other file in the folder is still checked.
    #expect(ignores?.first?["path"] as? String == "seed.txt")

    // With the file written and reported, the finding disappears from that form only.
    try Data(text.utf8).write(to: folder.appendingPathComponent(".jixiao.json"))
    try client.notify(DidChangeWatchedFilesParams(changes: [FileEvent(uri: configURI, type: .created)]))
    let after = try client.publishedDiagnostics(uri: uri, version: 1)
    #expect(after.filter { $0.code == "JX301" }.count == 2)
    #expect(!after.contains { $0.code == "JX301" && $0.range.start.line == 9 })
  }

  /// An existing one-line `.jixiao.json` that starts with a byte order mark: the edit replaces exactly the text an
  /// editor shows (the mark is not part of it), so its end is the line's last column, not one past it.
  @Test func ignoreRuleEditEndsAtTheEndOfAConfigurationWithAByteOrderMark() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-ignore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let configuration = #"{"rules": {"JX502": false}}"#
    try Data([0xEF, 0xBB, 0xBF] + Array(configuration.utf8)).write(to: folder.appendingPathComponent(".jixiao.json"))
    let uri = folder.appendingPathComponent("seed.txt").absoluteString
    let client = TestClient()
    try client.initialize(workspaceFolders: [WorkspaceFolder(uri: folder.absoluteString, name: "w")])
    let diagnostics = try client.open(uri, Seed.text)
    let budget = try #require(diagnostics.first { $0.code == "JX301" })
    let ignore = try Self.ignoreAction(client, uri: uri, for: budget)
    let configURI = folder.appendingPathComponent(".jixiao.json").absoluteString
    let edit = try #require(ignore["edit"]?["changes"]?[configURI]?[0])
    #expect(edit["range"]?["start"] == ["line": 0, "character": 0])
    #expect(edit["range"]?["end"] == ["line": 0, "character": .int(configuration.utf16.count)])
    let object = try JSONSerialization.jsonObject(with: Data((edit["newText"]?.stringValue ?? "").utf8)) as? [String: Any]
    #expect((object?["rules"] as? [String: Bool])?["JX502"] == false)
    #expect((object?["ignores"] as? [[String: Any]])?.first?["rules"] as? [String] == ["JX301"])
  }

  /// The ignore action, applied as the editor would: the file written, then saved (no watched-file events, as in
  /// Neovim 0.7); the other file's 附件5-1 keeps its JX301.
  @Test func ignoreRuleSilencesOnlyThisFileAfterTheConfigurationIsSaved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-ignore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let uri = folder.appendingPathComponent("seed.txt").absoluteString
    let other = folder.appendingPathComponent("other.txt").absoluteString
    let client = TestClient()
    try client.initialize(workspaceFolders: [WorkspaceFolder(uri: folder.absoluteString, name: "w")])
    let diagnostics = try client.open(uri, Seed.text)
    #expect(try client.open(other, Seed.text).contains { $0.code == "JX301" && $0.range.start.line == 9 })
    let budget = try #require(diagnostics.first { $0.code == "JX301" && $0.range.start.line == 9 })
    let ignore = try Self.ignoreAction(client, uri: uri, for: budget)
    let configURI = folder.appendingPathComponent(".jixiao.json").absoluteString
    let text = try #require(ignore["edit"]?["changes"]?[configURI]?[0]?["newText"]?.stringValue)
    try Data(text.utf8).write(to: folder.appendingPathComponent(".jixiao.json"))
    try client.notify(DidSaveTextDocumentParams(textDocument: TextDocumentIdentifier(uri: configURI)))
    let after = try client.publishedDiagnostics(uri: uri, version: 1)
    #expect(!after.contains { $0.code == "JX301" && $0.range.start.line == 9 })
    let untouched = try client.publishedDiagnostics(uri: other, version: 1)
    #expect(untouched.contains { $0.code == "JX301" && $0.range.start.line == 9 })
  }

  /// A configuration edited outside the editor (or in a buffer the client does not send) is read again when a
  /// form is saved or opened.
  @Test func configurationChangedOnDiskIsReadAgainOnTheNextSave() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-stale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let uri = folder.appendingPathComponent("seed.txt").absoluteString
    let client = TestClient()
    try client.initialize(workspaceFolders: [WorkspaceFolder(uri: folder.absoluteString, name: "w")])
    #expect(try client.open(uri, Seed.text).contains { $0.code == "JX301" })
    try Data(#"{"rules": {"JX301": "off"}}"#.utf8).write(to: folder.appendingPathComponent(".jixiao.json"))
    try client.notify(DidSaveTextDocumentParams(textDocument: TextDocumentIdentifier(uri: uri)))
    #expect(!(try client.publishedDiagnostics(uri: uri, version: 1)).contains { $0.code == "JX301" })
    try Data(#"{"rules": {"JX301": "warning"}}"#.utf8).write(to: folder.appendingPathComponent(".jixiao.json"))
    try client.notify(DidSaveTextDocumentParams(textDocument: TextDocumentIdentifier(uri: uri)))
    let again = try client.publishedDiagnostics(uri: uri, version: 1)
    #expect(again.contains { $0.code == "JX301" && $0.severity == .warning })
  }

  @Test func largeFixesAreResolvedOnRequest() throws {
    let client = TestClient()
    try client.initialize()
    // Forty forms numbered 5-1, 5-3, 5-4 …: renumbering after the gap edits every later annex and project number.
    let numbers = [1] + Array(3...41)
    let text = numbers.map { "附件5-\($0)\n2021年项目支出绩效目标表\n\t项目支出名称\n\t\($0)、项目\($0)\n\n" }.joined()
    let diagnostics = try client.open(Seed.uri, text)
    let sequence = try #require(diagnostics.first { $0.code == "JX601" })
    let result = try actions(client, range: sequence.range, diagnostics: [sequence], only: [.quickFix])
    let fix = try #require(result.first { $0["edit"]?["changes"]?[Seed.uri]?.arrayValue?.count ?? 0 > 32 })
    #expect(fix["kind"] == "quickfix")
  }
}
