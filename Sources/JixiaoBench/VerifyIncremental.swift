import FormLint
import FormSyntax
import FormTestSupport
import Foundation

/// `jixiao-bench verify-incremental`: the randomized incremental check at full size, in release mode, in every layout.
///
/// After every random edit the incremental tree must print back the edited text and have the same nodes and
/// lines as a fresh parse, and the incremental linter's findings must equal a fresh check. Runs on the seed in each
/// layout (the notation with its notation edits; the TSV and Markdown seeds, as `Scripts/layouts/convert_notation.py`
/// writes them, with edits in their own alphabets, read by detection and with the layout pinned) and on a 1 MB
/// generated document in each layout. Exits 1 on the first difference, naming the run, the seed and the step.
enum VerifyIncremental {
  static func run(edits: Int, largeEdits: Int, seed: UInt64) throws -> Bool {
    let seedText = try CorpusGenerator.seedFileBytes().bytes
    var generator = FormCorpusGenerator(seed: seed)
    let large = generator.generateBytes(byteCount: 1_000_000)
    var runs: [Run] = [
      Run(name: "seed", text: seedText, edits: edits, seed: seed),
      Run(name: "1 MB document", text: large, edits: largeEdits, seed: seed &+ 1),
    ]
    // The row layouts: the full count on the seed read by detection (what every file gets); a fifth of it with the
    // layout pinned, and a seventh of the large edits on 1 MB (each of those costs a fresh check of a megabyte), so
    // that Scripts/test stays within its time.
    for (index, layout) in [Layout.tsv, .markdown].enumerated() {
      let offset = UInt64(index + 1) * 16
      let text = Fixtures.seedBytes(in: layout)
      runs += [
        Run(name: "seed in \(layout.rawValue), detected", text: text, edits: edits, seed: seed &+ offset, layout: layout),
        Run(
          name: "seed in \(layout.rawValue), pinned", text: text, edits: edits / 5, seed: seed &+ offset &+ 1,
          layout: layout, policy: .pinned(layout)),
        Run(
          name: "1 MB document in \(layout.rawValue)", text: Array(SyntaxTree(parsing: large).converted(to: layout).utf8),
          edits: largeEdits / 7, seed: seed &+ offset &+ 2, layout: layout),
      ]
    }
    // Every run, even after a failure: each names its own.
    return runs.map(verify).allSatisfy { $0 }
  }

  /// One randomized run: `layout` nil edits with the notation's alphabet (`RandomNotationEdit`), else with the
  /// layout's (`RandomLayoutEdit`), the document kept under three times its size.
  struct Run {
    var name: String
    var text: [UInt8]
    var edits: Int
    var seed: UInt64
    var layout: Layout?
    var policy: LayoutPolicy = .automatic
  }

  static func verify(_ run: Run) -> Bool {
    var random = SeededGenerator(seed: run.seed)
    var text = run.text
    var tree = SyntaxTree(parsing: text, layout: run.policy)
    let linter = Linter()
    _ = linter.lintPerNode(tree)
    let started = Date()
    let sizeLimit = 3 * run.text.count
    for step in 0..<run.edits {
      var edit =
        run.layout.map { RandomLayoutEdit.make(in: text, layout: $0, using: &random) }
        ?? RandomNotationEdit.make(in: text, using: &random)
      if run.layout != nil && text.count > sizeLimit { edit.replacement = [] }
      text.replaceSubrange(edit.range, with: edit.replacement)
      tree = tree.applying(edit).tree
      let fresh = SyntaxTree(parsing: text, layout: run.policy)
      guard tree.printedBytes == text, sameStructure(tree, fresh) else {
        print("FAIL \(run.name): step \(step) (\(random.seedDescription)): the incremental tree differs from a fresh parse")
        return false
      }
      let incremental = linter.lint(tree)
      let expected = Linter().lint(fresh)
      guard incremental == expected else {
        print("FAIL \(run.name): step \(step) (\(random.seedDescription)): findings differ from a fresh check")
        return false
      }
    }
    print(String(format: "ok   %@: %d edits, tree and findings equal a fresh parse and check after each (%.1f s)",
      run.name, run.edits, Date().timeIntervalSince(started)))
    return true
  }

  static func sameStructure(_ lhs: SyntaxTree, _ rhs: SyntaxTree) -> Bool {
    guard lhs.nodeStarts == rhs.nodeStarts, lhs.nodes.count == rhs.nodes.count else { return false }
    return zip(lhs.nodes, rhs.nodes).allSatisfy { left, right in
      left.isForm == right.isForm && left.layout == right.layout && left.bomLength == right.bomLength && left.lines == right.lines
        && left.cells == right.cells && left.rows == right.rows && left.tables == right.tables && left.blocks == right.blocks
    }
  }
}
