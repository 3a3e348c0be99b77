import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// After every edit, the incremental linter's findings equal a from-scratch check of the same text, and
/// forms the edit did not touch are not checked again.
@Suite struct IncrementalLintTests {
  /// Notation fragments edits insert: cells, line breaks, form boundaries, amounts, years, duplicates.
  static let fragments = [
    "\t", "\n", "\r\n", "\n\n", "附件5-3\n", "2021年项目支出绩效目标表\n", "\t项目支出名称\n\t2、法律援助经费\n",
    "15万元", "2020年", "98%", "　", " ", "[bookmark: _GoBack]", "/", "1、", "𠀀", "临武", "\t成本指标\n", "\t\n满意\n", "0",
  ]

  static func randomEdit(in bytes: [UInt8], using random: inout SeededGenerator) -> FormSyntax.TextEdit {
    // Edits start and end on UTF-8 scalar boundaries so that the text stays valid UTF-8 (what editors send).
    func boundary(_ offset: Int) -> Int {
      var index = min(offset, bytes.count)
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
      return index
    }
    let start = boundary(Int.random(in: 0...bytes.count, using: &random))
    let length = Int.random(in: 0...12, using: &random)
    let end = boundary(min(bytes.count, start + length))
    let replacement = Bool.random(using: &random) ? fragments.randomElement(using: &random)! : ""
    return FormSyntax.TextEdit(range: start..<end, replacement: replacement)
  }

  @Test func randomEditsMatchAFreshCheck() {
    var random = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x6A69_7869_616F)
    // Two copies of the filing, so that document rules (duplicate projects, annex sequence) have findings.
    var text = Fixtures.seedBytes + Fixtures.seedBytes
    var tree = SyntaxTree(parsing: text)
    let linter = Linter()
    _ = linter.lint(tree)
    for step in 0..<300 {
      let edit = Self.randomEdit(in: text, using: &random)
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
