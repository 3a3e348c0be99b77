import FormServer
import Foundation
import LSP
import Testing

@Suite struct DiagnosticsTests {
  @Test func seedHasBudgetMismatchAtTheBudgetCell() throws {
    let client = TestClient()
    try client.initialize()
    let diagnostics = try client.open(Seed.uri, Seed.text)
    let budget = try #require(diagnostics.first { $0.code == "JX301" })
    // Line 10 of the file is `\t14万　`: after the TAB, UTF-16 column 1; the U+3000 is not part of the range.
    #expect(budget.range == LSPRange(start: Position(line: 9, character: 1), end: Position(line: 9, character: 4)))
    #expect(budget.source == "jixiao")
    #expect(budget.severity == .error)
    // The link is to the rule's generated page, which exists (here, the checkout's Documentation/Rules).
    let href = try #require(budget.codeDescription?.href)
    #expect(href.hasPrefix("file://") && href.hasSuffix("JX301-budget-mismatch.md"))
    #expect(FileManager.default.fileExists(atPath: try #require(URL(string: href)).path))
    #expect(budget.message.contains("20万元"))
    let related = try #require(budget.relatedInformation?.first)
    #expect(related.location.uri == Seed.uri)
    // The cost row's 绩效标准 cell (普法经费15万元、法治创建经费5万元) on line 57.
    #expect(related.location.range.start == Position(line: 56, character: 1))
    // Fixes are not carried: `data` is the small key code actions find the finding by.
    #expect(budget.data?.stringValue?.count ?? 99 <= 12)
    #expect(diagnostics.filter { $0.code == "JX301" }.count == 3)
  }

  @Test func englishFollowsLocale() throws {
    let client = TestClient()
    try client.initialize(locale: "en-US")
    let diagnostics = try client.open(Seed.uri, Seed.text)
    #expect(diagnostics.first { $0.code == "JX301" }?.message.hasPrefix("The amounts") == true)
  }

  @Test func incrementalChangeMatchesFreshOpen() throws {
    let client = TestClient()
    try client.initialize()
    try client.open(Seed.uri, Seed.text)
    // Fix the first budget (14万 → 20万) by replacing "14" with "20" at (9,1)-(9,3).
    let change = TextDocumentContentChangeEvent(
      range: LSPRange(start: Position(line: 9, character: 1), end: Position(line: 9, character: 3)), text: "20")
    try client.notify(DidChangeTextDocumentParams(
      textDocument: VersionedTextDocumentIdentifier(uri: Seed.uri, version: 2), contentChanges: [change]))
    let afterEdit = try client.publishedDiagnostics(uri: Seed.uri, version: 2)
    #expect(afterEdit.filter { $0.code == "JX301" }.count == 2)
    let edited = Seed.text.replacingOccurrences(of: "\t14万", with: "\t20万")
    let fresh = try client.open("file:///tmp/jixiao-tests/fresh.txt", edited)
    #expect(afterEdit.map(\.range) == fresh.map(\.range))
    #expect(afterEdit.map(\.code) == fresh.map(\.code))
  }

  @Test func multiByteColumnsAreExactInEveryEncoding() throws {
    // 𠀀 is two UTF-16 units and four bytes; U+3000 one unit and three bytes.
    let text = Seed.text.replacingOccurrences(of: "\t14万", with: "\t14万")
      .replacingOccurrences(of: "全面完成2020年法律援助工作计划。", with: "𠀀全面完成2020年法律援助工作计划。")
    for (encoding, unitsBefore) in [("utf-16", 1 + 2 + 4), ("utf-8", 1 + 4 + 12), ("utf-32", 1 + 1 + 4)] {
      let client = TestClient()
      try client.initialize(capabilities: [
        "general": ["positionEncodings": [.string(encoding)]],
        "textDocument": ["publishDiagnostics": ["relatedInformation": true]],
      ])
      let diagnostics = try client.open(Seed.uri, text)
      // Line 129: TAB, 𠀀, 全面完成 then 2020年 (JX401).
      let year = try #require(diagnostics.first { $0.code == "JX401" && $0.range.start.line == 128 }, "\(encoding)")
      #expect(year.range.start.character == unitsBefore, "\(encoding)")
      let budget = try #require(diagnostics.first { $0.code == "JX301" })
      #expect(budget.range.start.character == 1)
    }
  }

  @Test func pullDiagnosticsWithResultIDs() throws {
    let client = TestClient()
    try client.initialize(capabilities: ["textDocument": ["diagnostic": [:]]])
    try client.notify(DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: Seed.uri, languageId: "", version: 1, text: Seed.text)))
    let first = try client.send(DocumentDiagnosticParams(textDocument: TextDocumentIdentifier(uri: Seed.uri)))
    guard case .full(let resultID?, let items) = first else {
      Issue.record("expected a full report with a result id")
      return
    }
    #expect(items.contains { $0.code == "JX301" })
    let second = try client.send(
      DocumentDiagnosticParams(textDocument: TextDocumentIdentifier(uri: Seed.uri), previousResultId: resultID))
    #expect(second == .unchanged(resultId: resultID))
    // No push for a pull client.
    #expect(!client.pending.contains { $0.method == PublishDiagnosticsParams.method })
  }

  @Test func outOfRangeChangeIsClampedAndServerLivesOn() throws {
    let client = TestClient()
    try client.initialize()
    try client.open(Seed.uri, "附件1\n")
    let change = TextDocumentContentChangeEvent(
      range: LSPRange(start: Position(line: 99, character: 5), end: Position(line: 120, character: 0)), text: "x")
    try client.notify(DidChangeTextDocumentParams(
      textDocument: VersionedTextDocumentIdentifier(uri: Seed.uri, version: 2), contentChanges: [change]))
    _ = try client.publishedDiagnostics(uri: Seed.uri, version: 2)
    #expect(client.request("jixiao/nonsense").errorCode == ErrorCode.methodNotFound.rawValue)
  }
}
