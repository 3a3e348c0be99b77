import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// Issue #14: the forms of one document are checked on every core, a window at a time, with the same findings,
/// cache, cap and cancellation as one at a time. Windows of three over twenty forms, so that a run has many
/// windows and the cap falls inside one.
@Suite struct ParallelLintTests {
  static let tree = SyntaxTree(parsing: Array(repeating: Fixtures.seedBytes, count: 4).flatMap { $0 })

  static func linter(parallel: Bool, cap: Int = Linter.defaultMaximumFindings) -> Linter {
    let linter = Linter()
    linter.checksFormsInParallel = parallel
    linter.formsPerWindow = 3
    linter.maximumFindings = cap
    linter.retainsForms = true
    return linter
  }

  @Test func parallelRunEqualsSerialRun() {
    let tree = ParallelLintTests.tree
    let serial = ParallelLintTests.linter(parallel: false)
    let parallel = ParallelLintTests.linter(parallel: true)
    let expected = serial.lintPerNode(tree)
    #expect(expected.joined().count > 150)
    #expect(parallel.lintPerNode(tree) == expected)
    #expect(parallel.lastCheckedFormCount == serial.lastCheckedFormCount)
    #expect(parallel.checkableNodeIndices == serial.checkableNodeIndices)
    #expect(parallel.forms.map { $0?.projectName } == serial.forms.map { $0?.projectName })
    #expect(parallel.lastTruncation == nil)
  }

  /// Caps before the first form's findings, inside a form, at a form's end and inside later windows: the same
  /// findings and truncation, and the same forms left unchecked, which raising the cap shows (they are checked
  /// then, and only they).
  @Test(arguments: [0, 1, 30, 56, 57, 100, 150, 223])
  func capFallingInsideAWindow(cap: Int) {
    let tree = ParallelLintTests.tree
    let serial = ParallelLintTests.linter(parallel: false, cap: cap)
    let parallel = ParallelLintTests.linter(parallel: true, cap: cap)
    #expect(parallel.lintPerNode(tree) == serial.lintPerNode(tree))
    #expect(parallel.lastTruncation == serial.lastTruncation)
    #expect(parallel.lastTruncation != nil)
    #expect(parallel.lastCheckedFormCount == tree.nodes.count)
    var rechecked: [Int] = []
    for raised in [cap * 2 + 5, 1_000_000] {
      serial.maximumFindings = raised
      parallel.maximumFindings = raised
      #expect(parallel.lintPerNode(tree) == serial.lintPerNode(tree), "cap \(cap) raised to \(raised)")
      #expect(parallel.lastCheckedFormCount == serial.lastCheckedFormCount, "cap \(cap) raised to \(raised)")
      #expect(parallel.lastTruncation == serial.lastTruncation)
      rechecked.append(parallel.lastCheckedFormCount)
    }
    // Forms left unchecked under the cap are checked once it is raised past them.
    #expect(rechecked[0] > 0 || ![30, 56, 57, 100].contains(cap))
    #expect(rechecked[1] > 0 || cap >= 150)
    #expect(parallel.lastTruncation == nil)
  }

  @Test func randomEditsUnderACapMatchAFreshCheck() {
    var random = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x7061_7261)
    var text = Fixtures.seedBytes + Fixtures.seedBytes + Fixtures.seedBytes
    var tree = SyntaxTree(parsing: text)
    let linter = ParallelLintTests.linter(parallel: true, cap: 60)
    _ = linter.lint(tree)
    for step in 0..<40 {
      let edit = RandomNotationEdit.make(in: text, using: &random)
      text.replaceSubrange(edit.range, with: edit.replacement)
      tree = tree.applying(edit).tree
      // Every fifth step a fresh copy of the text: every form is new, so the run goes through the windows.
      if step % 5 == 4 { tree = SyntaxTree(parsing: text) }
      let fresh = ParallelLintTests.linter(parallel: false, cap: 60)
      let expected = fresh.lint(tree)
      #expect(linter.lint(tree) == expected, "step \(step) (\(random.seedDescription))")
      #expect(linter.lastTruncation == fresh.lastTruncation, "step \(step)")
    }
  }

  /// The stop request is asked before each window (not from the workers), and a stopped run leaves the cache as
  /// it was, so the next run is a whole one.
  @Test func aStopIsAskedBeforeEachWindowAndLosesNothing() throws {
    let tree = ParallelLintTests.tree
    let linter = ParallelLintTests.linter(parallel: true)
    var asked = 0
    #expect(linter.lintPerNode(tree, stopWhen: { asked += 1; return asked > 2 }) == nil)
    #expect(asked == 3, "two windows checked, the third stopped")
    let full = try #require(linter.lintPerNode(tree, stopWhen: { false }))
    #expect(full == ParallelLintTests.linter(parallel: false).lintPerNode(tree))
    #expect(linter.lastCheckedFormCount == tree.nodes.count)
    // A window's size bounds the questions: one per window and one before the document rules.
    asked = 0
    _ = ParallelLintTests.linter(parallel: true).lintPerNode(tree, stopWhen: { asked += 1; return false })
    #expect(asked == (tree.nodes.count + 2) / 3 + 1)
  }

  /// An edit re-checks one form on the calling thread; untouched forms keep their arrays.
  @Test func anEditAfterAParallelRunChecksOneForm() throws {
    let tree = ParallelLintTests.tree
    let linter = ParallelLintTests.linter(parallel: true)
    let before = linter.lintPerNode(tree)
    // Type a digit into the budget of the last form (as `untouchedFormsKeepTheirFindingArrays` does).
    let offset = tree.offset(of: LineColumn(line: 536 * 3 + 438, column: 1), in: .scalar)
    let edited = tree.applying(FormSyntax.TextEdit(range: offset..<offset, replacement: "1")).tree
    let after = linter.lintPerNode(edited)
    #expect(linter.lastCheckedFormCount == 1)
    #expect(after == ParallelLintTests.linter(parallel: false).lintPerNode(edited))
    let changed = try #require(edited.nodes.indices.first { edited.nodes[$0] !== tree.nodes[$0] })
    #expect(changed > 10)
    for index in 0..<changed {
      before[index].withUnsafeBufferPointer { old in
        after[index].withUnsafeBufferPointer { new in #expect(old.baseAddress == new.baseAddress || old.isEmpty, "node \(index)") }
      }
    }
  }

  /// An edit of a form under the cap checks that form only, not the forms the cap left unchecked after it (a window
  /// took them along and threw their checks away); with the cap raised, those forms are checked in growing windows.
  @Test func anEditUnderTheCapChecksOneForm() throws {
    let tree = ParallelLintTests.tree
    let linter = ParallelLintTests.linter(parallel: true, cap: 100)
    _ = linter.lintPerNode(tree)
    let cut = try #require(linter.lastTruncation)
    let node = try #require(tree.nodes.indices.first { tree.nodes[$0].isForm && !tree.nodes[$0].cells.isEmpty })
    #expect(tree.nodeStarts[node] < cut)
    #expect(tree.nodes.indices.contains { tree.nodeStarts[$0] > cut + 1 })
    let cell = tree.nodes[node].cells[tree.nodes[node].cells.count / 2]
    let offset = tree.nodeStarts[node] + tree.nodes[node].contentRange(ofCell: cell).lowerBound
    let edited = tree.applying(FormSyntax.TextEdit(range: offset..<offset, replacement: "a")).tree
    let after = linter.lintPerNode(edited)
    #expect(linter.lastCheckedFormCount == 1)
    #expect(linter.lastFormChecksRun == 1)
    #expect(after == ParallelLintTests.linter(parallel: false, cap: 100).lintPerNode(edited))
    linter.maximumFindings = 1_000_000
    let raised = linter.lintPerNode(edited)
    #expect(raised == ParallelLintTests.linter(parallel: false, cap: 1_000_000).lintPerNode(edited))
    #expect(linter.lastFormChecksRun == linter.lastCheckedFormCount)
    #expect(linter.lastCheckedFormCount > 3)
  }
}
