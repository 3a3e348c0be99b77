import FormSyntax
import FormTestSupport
import Testing

@Suite("debugDescription golden files")
struct DebugDescriptionSnapshotTests {
  /// A small form with every kind of line: annex and title, a free unit line, rows with a multi-line cell and an
  /// empty cell, an extra blank line between rows, blank lines after the table and the signature line.
  static let smallForm = """
    附件5-1
    2021年项目支出绩效目标表
    填报单位：（盖章）　单位：万元
    \t项目支出名称
    \t普法经费

    \t本年度
    绩效指标
    \t
    满意


    \t年度本级预算金额
    \t14万\u{3000}


    填表人：　联系电话：

    """

  @Test func smallForm() {
    Snapshot.assert(SyntaxTree(parsing: Self.smallForm).debugDescription(), named: "small-form.txt")
  }

  /// A BOM, a preamble, CRLF and CR line ends, a cell at the end of the file without a line break.
  @Test func edgeCases() {
    let text = "\u{FEFF}说明\r\n\r附件1\r\n2021年项目支出绩效目标表\r\t甲\r\n乙\n\t"
    Snapshot.assert(SyntaxTree(parsing: text).debugDescription(), named: "edge-cases.txt")
  }
}
