import FormSyntax
import FormTestSupport
import Testing

/// GFM code blocks in Markdown documents: what they show is not read as forms or tables.
@Suite("Markdown code blocks")
struct MarkdownCodeBlockTests {
  static let markdownFile = LayoutPolicy.forFile(named: "forms.md")

  static let form = """
    ## 附件5-1
    # 2021年项目支出绩效目标表

    | 项目支出名称 | 普法经费 |
    | --- | --- |
    | 年度本级预算金额 | 14万 |

    """

  @Test("a form shown in a fenced code block is not a form", arguments: ["```", "~~~", "````markdown", "  ~~~~ info"])
  func fencedFormIsNoForm(fence: String) {
    let closing = String(fence.trimmingPrefix(" ").prefix { $0 == "`" || $0 == "~" })
    let text = "# 怎样写绩效目标表\n\n\(fence)\n\(Self.form)\(closing)\n\n说明文字\n"
    let tree = SyntaxTree(parsing: text, layout: Self.markdownFile)
    #expect(tree.printedBytes == Array(text.utf8))
    #expect(tree.nodes.count == 1)
    #expect(tree.nodes.allSatisfy { !$0.isForm && $0.tables.isEmpty && $0.cells.isEmpty })
    #expect(structureProblems(tree, source: Array(text.utf8)) == [])
    // Pinned Markdown reads the same; outside a code block the same lines are a form.
    #expect(SyntaxTree(parsing: text, layout: .pinned(.markdown)).nodes.map(\.isForm) == [false])
    #expect(SyntaxTree(parsing: Self.form, layout: Self.markdownFile).nodes.map(\.isForm) == [true])
  }

  @Test func pipeRowsInsideAFenceAreNotTableRows() {
    let text = Self.form + "\n```\n| 成本指标 | 100万 |\n| --- | --- |\n| 产出指标 | 10场 |\n```\n| 不是 | 表格行 |\n"
    let tree = SyntaxTree(parsing: text, layout: Self.markdownFile)
    #expect(tree.nodes.map(\.isForm) == [true])
    let node = tree.nodes[0]
    #expect(node.tables.count == 1)
    #expect(node.rows.count == 2)
    #expect(LayoutTests.rows(tree) == [[["项目支出名称", "普法经费"], ["年度本级预算金额", "14万"]]])
    #expect(structureProblems(tree, source: Array(text.utf8)) == [])
  }

  @Test func aFenceClosesOnlyWithItsOwnCharacterAndLength() {
    // ```` is not closed by ``` nor by ~~~~; an unclosed fence runs to the end of the document.
    let text = "说明\n````\n```\n~~~~\n" + Self.form
    let tree = SyntaxTree(parsing: text, layout: Self.markdownFile)
    #expect(tree.nodes.map(\.isForm) == [false])
    let closed = "说明\n````\n```\n````\n" + Self.form
    #expect(SyntaxTree(parsing: closed, layout: Self.markdownFile).nodes.map(\.isForm) == [false, true])
    // A backtick fence's info string holds no backtick: ``` a`b is text, and the form after it is read.
    let notAFence = "说明\n``` a`b\n" + Self.form
    #expect(SyntaxTree(parsing: notAFence, layout: Self.markdownFile).nodes.map(\.isForm) == [false, true])
  }

  @Test func indentedLinesStartNoFormAndAreNoRows() {
    let text = "说明\n\n    附件5-1\n    # 2021年项目支出绩效目标表\n\n    | 项目支出名称 | 普法经费 |\n    | --- | --- |\n"
    let tree = SyntaxTree(parsing: text, layout: Self.markdownFile)
    #expect(tree.nodes.map(\.isForm) == [false])
    #expect(tree.nodes[0].cells.isEmpty)
  }

  @Test("outside Markdown documents a fence is text: a stray ``` in an export hides nothing")
  func fencesAreTextInOtherFiles() {
    let notation = "附件5-1\n2021年项目支出绩效目标表\n```\n\t项目支出名称\n\t普法经费\n\n附件5-2\n2021年项目支出绩效目标表\n\t项目支出名称\n"
    for policy in [LayoutPolicy.automatic, .pinned(.notation), .forFile(named: "forms.txt")] {
      let tree = SyntaxTree(parsing: notation, layout: policy)
      #expect(tree.nodes.map(\.isForm) == [true, true], "\(policy)")
      #expect(tree.nodes[0].cells.count == 2, "\(policy)")
    }
  }

  @Test("an edit that opens or closes a fence reparses to the end and equals a fresh parse")
  func editsOpeningAndClosingFences() {
    var text = Array((Self.form + "\n" + Self.form.replacing("5-1", with: "5-2") + "\n" + Self.form
      .replacing("5-1", with: "5-3")).utf8)
    var tree = SyntaxTree(parsing: text, layout: Self.markdownFile)
    #expect(tree.nodes.map(\.isForm) == [true, true, true])
    func offset(of marker: String) -> Int {
      let bytes = Array(marker.utf8)
      return text.indices.first { text[$0...].starts(with: bytes) }!
    }
    func apply(_ edit: TextEdit) {
      let result = tree.applying(edit)
      text.replaceSubrange(edit.range, with: edit.replacement)
      let fresh = SyntaxTree(parsing: text, layout: Self.markdownFile)
      _ = expectSameTree(result.tree, fresh, comparingDescriptions: true, "after \(edit)")
      tree = result.tree
    }
    // Open a fence after the first form's table: the two forms after it are now code.
    let second = offset(of: "## 附件5-2")
    apply(TextEdit(range: second..<second, replacement: Array("```\n".utf8)))
    #expect(tree.nodes.map(\.isForm) == [true])
    #expect(tree.nodes[0].tables.count == 1)
    // Close it before the third form: that one comes back.
    let third = offset(of: "## 附件5-3")
    apply(TextEdit(range: third..<third, replacement: Array("```\n".utf8)))
    #expect(tree.nodes.map(\.isForm) == [true, true])
    #expect(tree.nodes[1].text(ofLine: 0) == "附件5-3")
    // Remove the opening fence: the second form comes back, and its closing fence now opens one that runs on.
    let fence = offset(of: "```\n## 附件5-2")
    apply(TextEdit(range: fence..<(fence + 4), replacement: []))
    #expect(tree.nodes.map(\.isForm) == [true, true])
    #expect(tree.nodes[1].text(ofLine: 0) == "附件5-2")
    #expect(tree.nodes[1].tables.count == 1)
  }
}
