import FormSyntax
import Foundation

/// `jixiao-bench parse-file FILE [--runs N] [--edits N] [--seed N]`: the parser alone on a given file, for instruction
/// counts (callgrind) that compare two builds on the same bytes.
///
/// Parses FILE `--runs` times (default 1), then applies `--edits` random one-character edits inside cells (default 0),
/// each reparsing one form (the keystroke path, without the re-lint). `parseOnce` and `reparseOnce` are never inlined,
/// so `callgrind_annotate --inclusive=yes` gives each one's cost. Prints what it parsed, so that two builds can be
/// seen to have read the same thing.
enum ParseFile {
  @inline(never)
  static func parseOnce(_ bytes: [UInt8]) -> SyntaxTree { SyntaxTree(parsing: bytes) }

  @inline(never)
  static func reparseOnce(_ tree: SyntaxTree, _ edit: TextEdit) -> SyntaxTree { tree.applying(edit).tree }

  static func run(path: String, runs: Int, edits: Int, seed: UInt64) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
    let bytes = [UInt8](data)
    var tree = parseOnce(bytes)
    for _ in 1..<max(1, runs) { tree = parseOnce(bytes) }
    let forms = tree.nodes.count(where: \.isForm)
    let cells = tree.nodes.reduce(0) { $0 + $1.cells.count }
    var random = BenchRandom(seed: seed ^ 0x6B65_7973_7472_6F6B)
    var reparsedCells = 0
    for _ in 0..<edits {
      let edit = SizeBenchmark.randomCellEdit(in: tree, using: &random)
      tree = reparseOnce(tree, edit)
      reparsedCells &+= tree.nodes.count
    }
    return "bytes \(bytes.count) forms \(forms) cells \(cells) edits \(edits) after-edits \(tree.printedBytes.count) bytes"
  }
}
