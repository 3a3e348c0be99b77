import FormLint
import FormSyntax
import FormTestSupport
import Foundation

/// `jixiao-bench verify-incremental`: the randomized incremental check at full size, in release mode.
///
/// After every random edit the incremental tree must print back the edited text and have the same nodes and
/// lines as a fresh parse, and the incremental linter's findings must equal a fresh check. Exits 1 on the
/// first difference, naming the seed and the step.
enum VerifyIncremental {
  static func run(edits: Int, largeEdits: Int, seed: UInt64) throws -> Bool {
    let seedText = try CorpusGenerator.seedFileBytes().bytes
    var generator = FormCorpusGenerator(seed: seed)
    let large = generator.generateBytes(byteCount: 1_000_000)
    return verify(name: "seed", text: seedText, edits: edits, seed: seed)
      && verify(name: "1 MB document", text: large, edits: largeEdits, seed: seed &+ 1)
  }

  static func verify(name: String, text initial: [UInt8], edits: Int, seed: UInt64) -> Bool {
    var random = SeededGenerator(seed: seed)
    var text = initial
    var tree = SyntaxTree(parsing: text)
    let linter = Linter()
    _ = linter.lintPerNode(tree)
    let started = Date()
    for step in 0..<edits {
      let edit = RandomNotationEdit.make(in: text, using: &random)
      text.replaceSubrange(edit.range, with: edit.replacement)
      tree = tree.applying(edit).tree
      let fresh = SyntaxTree(parsing: text)
      guard tree.printedBytes == text, sameStructure(tree, fresh) else {
        print("FAIL \(name): step \(step) (\(random.seedDescription)): the incremental tree differs from a fresh parse")
        return false
      }
      let incremental = linter.lint(tree)
      let expected = Linter().lint(fresh)
      guard incremental == expected else {
        print("FAIL \(name): step \(step) (\(random.seedDescription)): findings differ from a fresh check")
        return false
      }
    }
    print(String(format: "ok   %@: %d edits, tree and findings equal a fresh parse and check after each (%.1f s)",
      name, edits, Date().timeIntervalSince(started)))
    return true
  }

  static func sameStructure(_ lhs: SyntaxTree, _ rhs: SyntaxTree) -> Bool {
    guard lhs.nodeStarts == rhs.nodeStarts, lhs.nodes.count == rhs.nodes.count else { return false }
    return zip(lhs.nodes, rhs.nodes).allSatisfy { left, right in
      left.isForm == right.isForm && left.bomLength == right.bomLength && left.lines == right.lines
        && left.cells == right.cells && left.rows == right.rows && left.tables == right.tables && left.blocks == right.blocks
    }
  }
}
