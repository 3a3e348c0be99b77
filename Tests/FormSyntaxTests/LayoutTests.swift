import FormSyntax
import FormTestSupport
import Testing

/// The TSV and Markdown front ends: reading, detection, the table view, escapes, writers.
@Suite("Layouts")
struct LayoutTests {
  /// Every form's rows of decoded cell texts.
  static func rows(_ tree: SyntaxTree) -> [[[String]]] {
    tree.nodes.map { node in node.rows.map { row in node.cells(of: row).map { node.text(ofCell: $0) } } }
  }

  /// Markdown cannot keep ASCII blanks at a cell's edges (GFM trims them).
  static func trimmedASCII(_ text: String) -> String {
    String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }

  @Test("the seed in TSV and in Markdown: detected per form, the same rows and cell texts as the notation",
    arguments: [Layout.tsv, .markdown])
  func seedInEachLayout(layout: Layout) {
    let notation = SyntaxTree(parsing: Fixtures.seedBytes)
    let converted = SyntaxTree(parsing: Fixtures.seedBytes(in: layout))
    #expect(converted.printedBytes == Fixtures.seedBytes(in: layout))
    #expect(notation.nodes.map(\.layout) == Array(repeating: .notation, count: 5))
    #expect(converted.nodes.map(\.layout) == Array(repeating: layout, count: 5))
    #expect(converted.nodes.map(\.isForm) == notation.nodes.map(\.isForm))
    let expected = Self.rows(notation).map { $0.map { $0.map { layout == .markdown ? Self.trimmedASCII($0) : $0 } } }
    #expect(Self.rows(converted) == expected)
    #expect(structureProblems(converted, source: Fixtures.seedBytes(in: layout)) == [])
    // Titles and annexes are read through the same classifier: the heading's text without its marks.
    #expect(converted.nodes[0].text(ofLine: 0) == "附件5-1")
    #expect(converted.nodes[0].text(ofLine: 1) == "2021年项目支出绩效目标表")
  }

  @Test func tsvQuotingAndEscapes() {
    let text = "附件5-1\n项目支出名称\t\"第一行\n第二行\"\t说\"明\n备注\t\"他说\"\"好\"\"\"\t\n"
    let tree = SyntaxTree(parsing: text)
    let node = tree.nodes[0]
    #expect(node.layout == .tsv)
    #expect(Self.rows(tree) == [[["项目支出名称", "第一行\n第二行", "说\"明"], ["备注", "他说\"好\"", ""]]])
    #expect(node.rows[0].lines == 1..<3)
    #expect(node.lines.map(\.kind) == [.free, .row, .row, .row])
    // The map: text offset of the second `"` (after 他说") is past the doubled quote in the file.
    let cell = node.content(ofCell: node.cells[4])
    let quoteText = Array(cell.text.utf8).firstIndex(of: 0x22)!
    let nodeOffset = cell.map.nodeOffset(quoteText)
    #expect(node.text(nodeOffset..<(nodeOffset + 2)) == "\"\"")
    #expect(cell.map.nodeRange(quoteText..<(quoteText + 1)) == nodeOffset..<(nodeOffset + 2))
    #expect(cell.map.textOffset(ofNodeOffset: nodeOffset + 2) == quoteText + 1)
    #expect(tree.printedBytes == Array(text.utf8))
  }

  @Test func tsvStrayQuoteIsText() {
    let tree = SyntaxTree(parsing: "附件5-1\n\"未闭合\t值\n下一行\t值\n")
    #expect(Self.rows(tree) == [[["\"未闭合", "值"], ["下一行", "值"]]])
  }

  @Test func markdownTablesHeadingsAndEscapes() {
    let text = """
      ## 附件5-1
      # 2021年项目支出绩效目标表
      填报单位：（盖章） 单位：万元

      | 项目支出名称 | a\\|b | 预算部门 | 第一行<br>第二行 |
      |---|:---:|---|---|
      | 年度本级预算金额 | 14万　 |
      |  | <BR/>满意 |

      | 不是表格 |
      段落

      """
    let tree = SyntaxTree(parsing: text)
    #expect(tree.nodes.count == 1)
    let node = tree.nodes[0]
    #expect(node.layout == .markdown)
    #expect(Self.rows(tree) == [[["项目支出名称", "a|b", "预算部门", "第一行\n第二行"], ["年度本级预算金额", "14万　"], ["", "\n满意"]]])
    #expect(node.lines.map(\.kind) == [.free, .free, .free, .blank, .row, .delimiter, .row, .row, .blank, .free, .free])
    #expect(node.tables.count == 1 && node.tables[0].lines == 4..<8)
    #expect(node.text(ofLine: 0) == "附件5-1" && node.lines[0].isFormBoundary)
    #expect(node.lines[1].isFormBoundary)
    let escaped = node.content(ofCell: node.cells[3])
    #expect(escaped.map.nodeRange(9..<10) == escaped.range.lowerBound + 9..<escaped.range.lowerBound + 13)
    #expect(tree.printedFromTokens() == Array(text.utf8))
    #expect(structureProblems(tree, source: Array(text.utf8)) == [])
  }

  /// GFM's backslash escapes: `\\` reads `\` and lets the next `|` separate, `\|` and `\*` read the punctuation, a
  /// backslash before anything else is itself. The writer escapes so that every text reads back (markdown-it-py agrees:
  /// Scripts/layouts/check_markdown_escapes.py).
  @Test func markdownBackslashesReadAsGFMDoes() {
    let text = "## 附件5-1\n\n| 名称 | 值 | 备注 |\n| --- | --- | --- |\n| a\\\\b | c\\\\| d\\*e\\z |\n"
    let tree = SyntaxTree(parsing: text)
    #expect(Self.rows(tree) == [[["名称", "值", "备注"], ["a\\b", "c\\", "d*e\\z"]]])
    #expect(tree.printedFromTokens() == Array(text.utf8))
    let texts = ["a\\b", "x\\", "\\|", "\\*", "a\\z", "|", "\\\n行", "\\\\", "写<br>不换行", "<BR />", "<b>"]
    let node = tree.nodes[0]
    let row = node.rowText(texts, lineBreak: "\n")
    #expect(row == "| a\\b | x\\\\ | \\\\\\| | \\\\* | a\\z | \\| | \\\\<br>行 | \\\\\\\\ | 写\\<br>不换行 | \\<BR /> | <b> |\n")
    let header = "| " + texts.indices.map { "h\($0)" }.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: texts.count) + "\n"
    let back = SyntaxTree(parsing: "## 附件5-1\n\n" + header + row)
    #expect(Self.rows(back).first?.last == texts)
    #expect(Layout.markdown.writtenCell("a|b\\") == "a\\|b\\\\" && Layout.tsv.writtenCell("a\tb") == "\"a\tb\"")
  }

  @Test func aPipeRowNeverStartsAForm() {
    let tree = SyntaxTree(parsing: "# 2021年项目支出绩效目标表\n\n| 2021年项目支出绩效目标表 | x |\n|---|---|\n")
    #expect(tree.nodes.count == 1)
    #expect(tree.nodes[0].rows.count == 1)
  }

  @Test func detectionPerFormAndPinning() {
    let notation = "附件5-1\n\t项目支出名称\n\t普法经费\n\n"
    let tsv = "附件5-2\n项目支出名称\t法律援助经费\n"
    let markdown = "## 附件5-3\n\n| 项目支出名称 | 矫正经费 |\n| --- | --- |\n"
    let mixed = SyntaxTree(parsing: notation + tsv + markdown)
    #expect(mixed.nodes.map(\.layout) == [.notation, .tsv, .markdown])
    #expect(Self.rows(mixed) == [[["项目支出名称", "普法经费"]], [["项目支出名称", "法律援助经费"]], [["项目支出名称", "矫正经费"]]])
    let pinned = SyntaxTree(parsing: notation + tsv, layout: .pinned(.tsv))
    #expect(pinned.nodes.map(\.layout) == [.tsv, .tsv])
    #expect(Self.rows(pinned)[0] == [["", "项目支出名称"], ["", "普法经费"]])
    // A form without any table: the fallback, which `.md` files set to Markdown.
    #expect(SyntaxTree(parsing: "# 2021年项目支出绩效目标表\n").nodes[0].layout == .notation)
    #expect(SyntaxTree(parsing: "# 2021年项目支出绩效目标表\n", layout: .forFile(named: "a.md")).nodes[0].layout == .markdown)
    #expect(LayoutPolicy.forFile(named: "a.md", pinned: .tsv) == .pinned(.tsv))
    // Pinned notation reads a heading as the notation does: its `#` stays text.
    #expect(SyntaxTree(parsing: "## 附件5-1\n", layout: .pinned(.notation)).nodes[0].isForm == false)
  }

  @Test func writersEscapeInTheirLayout() {
    let tsv = SyntaxTree(parsing: "附件5-1\n名称\t值\n").nodes[0]
    #expect(tsv.rowText(["a\tb", "c", "他说\"好\""], lineBreak: "\n") == "\"a\tb\"\tc\t\"他说\"\"好\"\"\"\n")
    let value = tsv.cells[1].content
    #expect(tsv.writing(value, "两\n行") == (value, "\"两\n行\""))
    #expect(tsv.writing(value, "20万") == (value, "20万"))
    #expect(tsv.offset(afterRow: 0) == tsv.length)
    let markdown = SyntaxTree(parsing: "## 附件5-1\n\n| 名称 | 值 |\n| --- | --- |\n| 预算 | 14万 |\n").nodes[0]
    #expect(markdown.rowText(["a|b", "第一行\n第二行"], lineBreak: "\n") == "| a\\|b | 第一行<br>第二行 |\n")
    let budget = markdown.cells[3].content
    #expect(markdown.writing(budget, "2|0\r\n万") == (budget, "2\\|0<br>万"))
    #expect(markdown.offset(beforeRow: 0) == nil)
    #expect(markdown.offset(beforeRow: 1) == markdown.lines[4].start)
    let notation = SyntaxTree(parsing: "附件5-1\n\t名称\n\t值\n\n").nodes[0]
    #expect(notation.rowText(["a", "b"], lineBreak: "\r\n") == "\ta\r\n\tb\r\n\r\n")
    #expect(notation.writing(notation.cells[1].content, "a|b\n") == (notation.cells[1].content, "a|b\n"))
  }

  @Test("2,000 random texts per layout: round trip, token partition, invariants", arguments: Layout.allCases)
  func randomTexts(layout: Layout) {
    var random = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x5EED_0007)
    let pieces = RandomLayoutEdit.fragments(for: layout).map { Array($0.utf8) } + NotationAlphabet.pieces
    for iteration in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...40, using: &random) { bytes += pieces.randomElement(using: &random)! }
      for policy in [LayoutPolicy.automatic, .pinned(layout)] {
        let tree = SyntaxTree(parsing: bytes, layout: policy)
        let problems = structureProblems(tree, source: bytes)
        guard problems.isEmpty else {
          fail("\(random.seedDescription), text \(iteration) (\(policy)): \"\(escaped(bytes))\"\nproblems: \(problems)")
          return
        }
      }
    }
  }
}
