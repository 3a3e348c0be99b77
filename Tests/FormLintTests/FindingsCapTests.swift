import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// Issue #15, item 10: findings per document are capped; the linter says where it stopped, and stays equal to a
/// fresh capped check through random edits (forms left unchecked under the cap are checked once they come under it).
@Suite struct FindingsCapTests {
  @Test func capKeepsTheFirstFindingsAndSaysWhereItStopped() {
    let text = Array(repeating: Fixtures.seedBytes, count: 4).flatMap { $0 }
    let tree = SyntaxTree(parsing: text)
    let all = Linter().lint(tree)
    #expect(all.count > 150)
    let linter = Linter()
    linter.maximumFindings = 100
    let capped = linter.lint(tree)
    #expect(capped == Array(all.prefix(100)))
    #expect(linter.lastTruncation != nil)
    #expect(linter.lastTruncation! <= all[100].range.lowerBound)
    #expect(linter.lastTruncation! > all[99].range.lowerBound)
    // Under the cap nothing is left out.
    let roomy = Linter()
    roomy.maximumFindings = all.count
    #expect(roomy.lint(tree) == all && roomy.lastTruncation == nil)
  }

  @Test func randomEditsMatchAFreshCappedCheck() {
    var random = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x6361_7073)
    var text = Fixtures.seedBytes + Fixtures.seedBytes + Fixtures.seedBytes
    var tree = SyntaxTree(parsing: text)
    let linter = Linter()
    linter.maximumFindings = 60
    _ = linter.lint(tree)
    for step in 0..<150 {
      let edit = RandomNotationEdit.make(in: text, using: &random)
      text.replaceSubrange(edit.range, with: edit.replacement)
      tree = tree.applying(edit).tree
      let incremental = linter.lint(tree)
      let fresh = Linter().lint(SyntaxTree(parsing: text))
      #expect(incremental == Array(fresh.prefix(60)), "step \(step) (\(random.seedDescription))")
      if incremental != Array(fresh.prefix(60)) { return }
    }
  }
}
