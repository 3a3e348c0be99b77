import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// After every edit, the incremental linter's findings equal a from-scratch check of the same text, and
/// forms the edit did not touch are not checked again. (10,000 edits on the seed and edits on a 1 MB document
/// run in release mode: `jixiao-bench verify-incremental`, called by Scripts/test.)
@Suite struct IncrementalLintTests {
  @Test func randomEditsMatchAFreshCheck() {
    var random = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x6A69_7869_616F)
    // Two copies of the filing, so that document rules (duplicate projects, annex sequence) have findings.
    var text = Fixtures.seedBytes + Fixtures.seedBytes
    var tree = SyntaxTree(parsing: text)
    let linter = Linter()
    _ = linter.lint(tree)
    for step in 0..<300 {
      let edit = RandomNotationEdit.make(in: text, using: &random)
      text.replaceSubrange(edit.range, with: edit.replacement)
      tree = tree.applying(edit).tree
      let incremental = linter.lint(tree)
      let fresh = Linter().lint(SyntaxTree(parsing: text))
      #expect(linter.lastCheckedFormCount <= 4, "step \(step): \(linter.lastCheckedFormCount) forms re-checked")
      guard incremental == fresh else {
        let missing = fresh.filter { !incremental.contains($0) }.map { "\($0.code)@\($0.range)" }
        let extra = incremental.filter { !fresh.contains($0) }.map { "\($0.code)@\($0.range)" }
        Issue.record("step \(step) (\(random.seedDescription)): missing \(missing.prefix(5)), extra \(extra.prefix(5))")
        return
      }
    }
  }

  @Test func untouchedFormsKeepTheirFindingArrays() {
    let text = Fixtures.seedBytes + Fixtures.seedBytes
    let tree = SyntaxTree(parsing: text)
    let linter = Linter()
    let before = linter.lintPerNode(tree)
    // Type a character into the budget of the last form (line 439 of the second copy). Forms after an edit
    // whose findings point across it (a duplicate project's first occurrence) get new arrays, rightly: their
    // relative ranges changed. Before the edit nothing moves.
    let offset = tree.offset(of: LineColumn(line: 536 + 438, column: 1), in: .scalar)
    let edited = tree.applying(FormSyntax.TextEdit(range: offset..<offset, replacement: "1")).tree
    let after = linter.lintPerNode(edited)
    #expect(linter.lastCheckedFormCount == 1)
    #expect(!linter.lastRanDocumentRules, "no summary changed, so the document rules are not run again")
    let changed = edited.nodes.indices.filter { edited.nodes[$0] !== tree.nodes[$0] }
    #expect(changed.count == 1)
    for index in edited.nodes.indices where !changed.contains(index) {
      before[index].withUnsafeBufferPointer { old in
        after[index].withUnsafeBufferPointer { new in
          #expect(
            old.baseAddress == new.baseAddress || old.isEmpty,
            "node \(index) was handed a new array: \(before[index].map(\.code)) → \(after[index].map(\.code))")
        }
      }
    }
  }
}

/// A cancelled request stops the check between forms (issue #15 item 22), and the linter's cache survives it.
@Suite struct CancelledLintTests {
  @Test func stopsBetweenFormsAndLosesNothing() throws {
    let text = Fixtures.seedBytes + Fixtures.seedBytes + Fixtures.seedBytes
    let tree = SyntaxTree(parsing: text)
    let checkable = tree.nodes.filter(Linter.isCheckable).count
    #expect(checkable >= 15)
    // One form at a time (in parallel the question is asked per window: `ParallelLintTests`).
    let linter = Linter()
    linter.checksFormsInParallel = false
    var asked = 0
    let stopped = linter.lintPerNode(tree, stopWhen: {
      asked += 1
      return asked > 3
    })
    #expect(stopped == nil)
    // Asked before each form: the fourth question stopped it, so three forms were checked, not the whole document.
    #expect(asked == 4)
    // The next run gives what a fresh linter gives, and checks every form (nothing half-done was kept).
    let full = try #require(linter.lintPerNode(tree, stopWhen: { false }))
    #expect(full == Linter().lintPerNode(tree))
    #expect(linter.lastCheckedFormCount == tree.nodes.count)
    // Nothing left to check: a cancellation now changes nothing.
    #expect(linter.lintPerNode(tree, stopWhen: { true }) == full)
  }

  @Test func aStopBeforeTheDocumentRulesKeepsTheCacheAsItWas() throws {
    let tree = SyntaxTree(parsing: Fixtures.seedBytes + Fixtures.seedBytes)
    let linter = Linter()
    let before = linter.lintPerNode(tree)
    // An edit that changes one form's summary (its project name) would rerun the document rules: stopping then
    // (the form itself checked, the document rules not yet run) leaves the previous state.
    let offset = tree.offset(of: LineColumn(line: 4, column: 1), in: .scalar)
    let edited = tree.applying(FormSyntax.TextEdit(range: offset..<offset, replacement: "新")).tree
    var asked = 0
    #expect(linter.lintPerNode(edited, stopWhen: { asked += 1; return asked > 1 }) == nil)
    #expect(asked == 2)
    #expect(linter.lintPerNode(tree) == before)
    #expect(linter.lastCheckedFormCount == 0)
    #expect(linter.lintPerNode(edited) == Linter().lintPerNode(edited))
  }
}
