import FormServer
import Foundation
import LSP
import FormTestSupport
import Testing

@Suite struct FeatureTests {
  private func client(locale: String? = nil) throws -> TestClient {
    let client = TestClient()
    try client.initialize(locale: locale)
    try client.open(Seed.uri, Seed.text)
    return client
  }

  private var document: TextDocumentIdentifier { TextDocumentIdentifier(uri: Seed.uri) }

  @Test func hoverOnBudgetListsTheCostItems() throws {
    let client = try client()
    let hover = try #require(try client.send(HoverParams(textDocument: document, position: Position(line: 9, character: 2))))
    let text = hover.contents.value
    #expect(text.contains("14万元"))
    #expect(text.contains("普法经费 15万元"))
    #expect(text.contains("法治创建经费 5万元"))
    #expect(text.contains("合计 **20万元**，超出预算 6万元"))
    // The rule's explanation comes with it, since JX301 covers the budget.
    #expect(text.contains("JX301"))
    #expect(hover.range == LSPRange(start: Position(line: 9, character: 1), end: Position(line: 9, character: 4)))
  }

  @Test func hoverOnAnAmountInWanAndYuan() throws {
    let client = try client(locale: "en")
    let column = try #require(Seed.column(of: "法治创建经费5万元", line: 56)) + "法治创建经费".utf16.count
    let hover = try #require(try client.send(HoverParams(textDocument: document, position: Position(line: 56, character: column + 1))))
    #expect(hover.contents.value.contains("**5万元** = 50000元"))
  }

  @Test func hoverOnACategoryCellShowsTheProfile() throws {
    let client = try client()
    // Line 27 of the file is `\t产出指标` (the first indicator row's 一级 cell).
    let line = try #require(Seed.text.components(separatedBy: "\n").firstIndex { $0 == "\t产出指标" })
    let hover = try #require(try client.send(HoverParams(textDocument: document, position: Position(line: line, character: 2))))
    #expect(hover.contents.value.contains("一级指标"))
    #expect(hover.contents.value.contains("数量指标"))
  }

  @Test func documentSymbolsNameTheFiveForms() throws {
    let client = try client()
    let symbols = try #require(try client.send(DocumentSymbolParams(textDocument: document)))
    #expect(symbols.count == 5)
    #expect(symbols.first?.name.hasPrefix("附件5-1") == true)
    #expect(symbols.first?.children?.map(\.name) == ["表头", "绩效指标"])
    #expect((symbols.first?.children?.last?.children?.count ?? 0) > 5)
    let folds = try #require(try client.send(FoldingRangeParams(textDocument: document)))
    #expect(folds.filter { $0.startLine == 0 }.count >= 1)
    #expect(folds.count >= 10)
  }

  @Test func formattingOnlyChangesWhitespace() throws {
    let client = try client()
    let edits = try #require(try client.send(DocumentFormattingParams(textDocument: document, options: FormattingOptions())))
    #expect(!edits.isEmpty)
    // Every edit, one line or several, replaces whitespace (line breaks included) with whitespace.
    let units = Array(Seed.text.utf16)
    var lineStarts = [0]
    for (index, unit) in units.enumerated() where unit == 0x0A { lineStarts.append(index + 1) }
    func offset(_ position: Position) -> Int { lineStarts[position.line] + position.character }
    var formatted = units
    for edit in edits.sorted(by: { offset($0.range.start) > offset($1.range.start) }) {
      let range = offset(edit.range.start)..<offset(edit.range.end)
      let old = String(decoding: units[range], as: UTF16.self)
      #expect(old.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(edit)")
      #expect(edit.newText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(edit)")
      formatted.replaceSubrange(range, with: Array(edit.newText.utf16))
    }
    // And so the text without its whitespace is unchanged.
    func visible(_ text: [UInt16]) -> String {
      String(String(decoding: text, as: UTF16.self).unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
    #expect(visible(formatted) == visible(units))
    #expect(formatted != units)
  }

  @Test func completionOffersCategoriesAndHeaderLabels() throws {
    let client = try client()
    let lines = Seed.text.components(separatedBy: "\n")
    let level1 = try #require(lines.firstIndex { $0 == "\t产出指标" })
    let categories = try #require(try client.send(CompletionParams(textDocument: document, position: Position(line: level1, character: 1))))
    #expect(categories.items.map(\.label).contains("效益指标"))
    let header = try #require(lines.firstIndex { $0 == "\t项目支出名称" })
    let labels = try #require(try client.send(CompletionParams(textDocument: document, position: Position(line: header, character: 3))))
    #expect(labels.items.map(\.label).contains("年度本级预算金额"))
    #expect(labels.items.first?.textEdit?.range.start == Position(line: header, character: 1))
  }

  @Test func inlayHintAfterTheBudget() throws {
    let client = try client()
    let hints = try #require(try client.send(InlayHintParams(
      textDocument: document, range: LSPRange(start: Position(line: 0, character: 0), end: Position(line: 20, character: 0)))))
    let hint = try #require(hints.first)
    #expect(hint.label.hasPrefix("成本合计 20万元"))
    #expect(hint.position == Position(line: 9, character: 4))
  }

  @Test func semanticTokensAreWellFormed() throws {
    let client = try client()
    let tokens = try #require(try client.send(SemanticTokensParams(textDocument: document)))
    #expect(tokens.data.count % 5 == 0)
    #expect(tokens.data.count > 100)
    // Decode and find the budget amount at (9, 1), length 3 (`14万`), type amount (1).
    var line = 0
    var character = 0
    var found = false
    for index in stride(from: 0, to: tokens.data.count, by: 5) {
      let deltaLine = Int(tokens.data[index])
      line += deltaLine
      character = deltaLine == 0 ? character + Int(tokens.data[index + 1]) : Int(tokens.data[index + 1])
      if line == 9 && character == 1 && tokens.data[index + 2] == 3 && tokens.data[index + 3] == 1 { found = true }
    }
    #expect(found)
  }
}

/// A table of several projects (Tests/Fixtures/templates/M1-budget-export-projects.txt) outlines as a form per
/// project, each spanning its own rows, in order.
@Suite struct ProjectTableSymbolTests {
  @Test func eachProjectIsASymbolOverItsRows() throws {
    let text = String(decoding: Fixtures.bytes(named: "templates/M1-budget-export-projects.txt"), as: UTF8.self)
    let uri = "file:///tmp/jixiao-tests/projects.txt"
    let client = TestClient()
    try client.initialize()
    _ = try client.open(uri, text)
    let symbols = try #require(try client.send(DocumentSymbolParams(textDocument: TextDocumentIdentifier(uri: uri))))
    #expect(symbols.map(\.name).map { $0.components(separatedBy: " ").last } == ["档案数字化加工", "档案库房安全维护", "档案开放利用宣传"])
    for (earlier, later) in zip(symbols, symbols.dropFirst()) {
      #expect(earlier.range.end <= later.range.start, "\(earlier.range) \(later.range)")
    }
    for symbol in symbols {
      for child in symbol.children ?? [] {
        #expect(symbol.range.start <= child.range.start && child.range.end <= symbol.range.end, "\(symbol.name) \(child.name)")
      }
      #expect(symbol.children?.last?.children?.count == 9)
    }
  }
}
