import FormSyntax
import FormTestSupport
import Testing

@Suite("Structure of the seed and the form-boundary rules")
struct SeedStructureTests {
  let tree = SyntaxTree(parsing: Fixtures.seedBytes)

  /// The cell whose first line is the 0-based document line `line`.
  func cell(atLine line: Int) -> (node: FormNode, cell: SyntaxCell)? {
    let nodeIndex = tree.nodeFirstLines.lastIndex { $0 <= line }!
    let node = tree.nodes[nodeIndex]
    let local = line - tree.nodeFirstLines[nodeIndex]
    return node.cells.first { $0.firstLine == local }.map { (node, $0) }
  }

  @Test func fiveFormsWithoutPreamble() {
    #expect(tree.nodes.count == 5)
    #expect(tree.nodes.allSatisfy { $0.isForm })
    #expect(tree.nodeFirstLines == [0, 108, 216, 322, 429])
    #expect(tree.nodes.map { $0.text(ofLine: 0) } == (1...5).map { "附件5-\($0)" })
    #expect(tree.nodes.allSatisfy { $0.text(ofLine: 1) == "2021年项目支出绩效目标表" })
    #expect(tree.nodes.allSatisfy { $0.lines[0].isFormBoundary && $0.lines[1].isFormBoundary })
    #expect(tree.lineCount == 537)
    #expect(tree.byteCount == 10_536)
  }

  @Test func cellsRowsAndFreeLinesPerForm() {
    // Counted independently with awk over the fixture: 82 TAB lines per form, 17 rows, 4 free lines.
    #expect(tree.nodes.map(\.cells.count) == [82, 82, 82, 82, 82])
    #expect(tree.nodes.map(\.rows.count) == [17, 17, 17, 17, 17])
    #expect(tree.nodes.map { $0.lines.filter { $0.kind == .continuation }.count } == [1, 3, 1, 2, 2])
    #expect(tree.nodes.map { $0.lines.filter { $0.kind == .free }.count } == [4, 4, 4, 4, 4])
    #expect(tree.nodes.map(\.tables.count) == [1, 1, 1, 1, 1])
  }

  @Test func multiLineCells() throws {
    let indicators = try #require(cell(atLine: 22))
    #expect(indicators.cell.lineCount == 2)
    #expect(indicators.node.text(ofCell: indicators.cell) == "本年度\n绩效指标")

    // 1-based lines 414/415: a TAB alone, then 满意: the cell's text starts with its inner line break.
    let satisfaction = try #require(cell(atLine: 413))
    #expect(satisfaction.cell.lineCount == 2)
    #expect(satisfaction.node.text(ofCell: satisfaction.cell) == "\n满意")
    #expect(satisfaction.node.lines[satisfaction.cell.firstLine + 1].kind == .continuation)
  }

  @Test func signatureLineIsFree() {
    let form = tree.nodes[0]
    #expect(form.lines[105].kind == .free)
    #expect(form.text(ofLine: 105).hasPrefix("填表人："))
    #expect(form.blocks.suffix(3) == [.freeLine(105), .blankLine(106), .blankLine(107)])
    #expect(form.blocks.prefix(4) == [.freeLine(0), .freeLine(1), .freeLine(2), .table(0)])
    // Form 3's signature line is followed directly by the next annex line.
    #expect(tree.nodes[1].lines.last.map { $0.kind } == .free)
    #expect(tree.nodes[1].text(ofLine: tree.nodes[1].lines.count - 1).hasPrefix("填表人："))
  }

  @Test func firstRowOfTheFirstForm() {
    let form = tree.nodes[0]
    let row = form.rows[0]
    #expect(form.cells(of: row).map { form.text(ofCell: $0) } == ["项目支出名称", "1、普法、法治创建经费", "预算部门", "临武县司法局"])
    #expect(row.terminator == 7)
    #expect(row.lines == 3..<8)
  }

  // MARK: Form-boundary rules on small texts

  func shape(_ text: String) -> [String] {
    let tree = SyntaxTree(parsing: text)
    return tree.nodes.indices.map { index in
      let node = tree.nodes[index]
      let kinds = node.lines.map { line -> String in
        switch line.kind {
        case .blank: "b"
        case .free: line.isFormBoundary ? "F" : "f"
        case .cellStart: "c"
        case .continuation: "+"
        case .row: "r"
        case .delimiter: "d"
        }
      }
      return (node.isForm ? "form@" : "preamble@") + "\(tree.nodeFirstLines[index]):" + kinds.joined()
    }
  }

  @Test func titleWithoutAnnexStartsAForm() {
    #expect(shape("说明\n2021年项目支出绩效目标表\n\t项目\n") == ["preamble@0:f", "form@1:Fc"])
    #expect(shape("2021年项目支出绩效目标表\n\t项目\n2022年项目支出绩效目标表\n\t项目\n") == ["form@0:Fc", "form@2:Fc"])
    // A title with no table after it opens no form: it stays a free line of the form before.
    #expect(shape("2021年项目支出绩效目标表\n\t项目\n2022年项目支出绩效目标表\n") == ["form@0:Fcf"])
    #expect(shape("2021年项目支出绩效目标表\n说明\n") == ["preamble@0:ff"])
  }

  @Test func annexThenTitleIsOneForm() {
    #expect(shape("附件5-1\n2021年项目支出绩效目标表\n\t项目\n") == ["form@0:FFc"])
    #expect(shape("附件5-1\n\n\n2021年项目支出绩效目标表\n\t项目\n") == ["form@0:FbbFc"])
    // Anything but blank lines between them separates them, and a second title is a new form; a part with
    // no table opens no form and joins the one before.
    #expect(shape("附件5-1\n填报单位\n2021年项目支出绩效目标表\n\t项目\n") == ["preamble@0:ff", "form@2:Fc"])
    #expect(shape("附件5-1\n\t甲\n填报单位\n2021年项目支出绩效目标表\n\t项目\n") == ["form@0:Fc+", "form@3:Fc"])
    #expect(shape("附件5-1\n2021年项目支出绩效目标表\n\t甲\n2021年项目支出绩效目标表\n\t乙\n") == ["form@0:FFc", "form@3:Fc"])
    #expect(shape("附件5-1\n附件5-2\n2021年项目支出绩效目标表\n\t甲\n") == ["preamble@0:f", "form@1:FFc"])
    #expect(shape("附件5-1\n\t\n2021年项目支出绩效目标表\n") == ["form@0:Fcf"])
    // An annex line that holds the title glues to a title that repeats it (form D of research/templates.md).
    #expect(shape("附件：2020年资金绩效目标表\n2020年资金绩效目标表\n\t甲\n") == ["form@0:FFc"])
  }

  @Test func annexAfterACellLineIsAFreeLineStartingAForm() {
    #expect(shape("附件1\n\t甲\n附件2\n\t乙\n") == ["form@0:Fc", "form@2:Fc"])
    #expect(shape("\t甲\n附件2\n\t乙\n") == ["preamble@0:c", "form@1:Fc"])
    #expect(shape("\t甲\n　附件 ５\n\t乙\n") == ["preamble@0:c", "form@1:Fc"])
    // Still a free line (not a continuation) when no table follows, but no form.
    #expect(shape("\t甲\n附件2\n") == ["preamble@0:cf"])
  }

  @Test func whitespaceOnlyLineAfterACellContinuesIt() {
    #expect(shape("\t甲\n \n\u{3000}\n\n") == ["preamble@0:c++b"])
    #expect(shape("\t甲\n\t\n") == ["preamble@0:cc"])
    let tree = SyntaxTree(parsing: "\t甲\n \n")
    #expect(tree.nodes[0].text(ofCell: tree.nodes[0].cells[0]) == "甲\n ")
  }

  @Test func notAnnexOrTitle() {
    // A title is a short line; a TAB-led title is a cell; a sentence mentioning the form is prose.
    let long = String(repeating: "说", count: 96) + "绩效目标表"
    #expect(shape(long + "\n\t甲\n") == ["preamble@0:fc"])
    #expect(shape(String(long.dropFirst()) + "\n\t甲\n") == ["form@0:Fc"])
    #expect(shape("请各单位于3月底前报送绩效目标表。\n\t甲\n") == ["preamble@0:fc"])
    #expect(shape("\t甲\n按要求填写，附后绩效目标表\n") == ["preamble@0:c+"])
    #expect(shape("\t2021年项目支出绩效目标表\n") == ["preamble@0:c"])
  }
}
