import Foundation
import FormTestSupport
import Testing

@testable import JixiaoCLI

/// `convert` between text layouts, `--layout` and `"layout"`: the same findings in every layout.
@Suite("Layouts on the command line")
struct LayoutCommandTests {
  /// (code, message) of every finding, lines left out: they differ between layouts.
  static func findings(_ path: String, _ extra: [String] = []) -> [String] {
    let run = CLIRun(["check", "--format", "json", "--exit-zero"] + extra + [path])
    guard let data = run.stdout.data(using: .utf8),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let files = root["files"] as? [[String: Any]]
    else { return ["unreadable output: \(run.stdout) \(run.stderr)"] }
    return files.flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
      .map { "\($0["code"] ?? "") \($0["message"] ?? "")" }.sorted()
  }

  @Test func convertingBackAndForthKeepsTheFindings() throws {
    let folder = try ScratchFolder()
    let seed = try folder.write("seed.txt", Fixtures.seedBytes)
    let original = Self.findings(seed)
    #expect(original.count > 50)
    let tsv = CLIRun(["convert", "--to", "tsv", seed])
    #expect(tsv.exitCode == 0)
    #expect(Array(tsv.stdout.utf8) == Fixtures.seedTSVBytes, "the Swift converter and the independent script agree")
    let tsvPath = try folder.write("seed.tsv", Array(tsv.stdout.utf8))
    #expect(Self.findings(tsvPath) == original)
    let back = CLIRun(["convert", "--to", "notation", tsvPath])
    #expect(Array(back.stdout.utf8) == Fixtures.seedBytes, "notation → TSV → notation gives back the file")
    let markdown = CLIRun(["convert", "--to", "markdown", seed])
    #expect(Array(markdown.stdout.utf8) == Fixtures.seedMarkdownBytes)
    let markdownPath = try folder.write("seed.md", Array(markdown.stdout.utf8))
    // Markdown trims ASCII blanks at a cell's edges: the one JX502 about a trailing space is gone (Grammar/LAYOUTS.md).
    let layoutOnly = original.filter { $0.hasPrefix("JX502") && $0.contains("<空格>") }
    #expect(layoutOnly.count == 1)
    #expect(Self.findings(markdownPath) == original.filter { !layoutOnly.contains($0) })
    let fromMarkdown = try folder.write("back.txt", Array(CLIRun(["convert", "--to", "notation", markdownPath]).stdout.utf8))
    #expect(Self.findings(fromMarkdown) == Self.findings(markdownPath))
  }

  @Test func layoutPinnedByOptionAndConfiguration() throws {
    let folder = try ScratchFolder()
    let tsvPath = try folder.write("form.txt", Fixtures.seedTSVBytes)
    let detected = Self.findings(tsvPath)
    #expect(detected == Self.findings(try folder.write("seed.txt", Fixtures.seedBytes)))
    // Read as the notation, the pasted rows are no header pairs: 项目支出名称 and the rest are missing.
    let asNotation = Self.findings(tsvPath, ["--layout", "notation"])
    #expect(asNotation != detected && asNotation.contains { $0.hasPrefix("JX101") })
    #expect(Self.findings(tsvPath, ["--layout", "tsv"]) == detected)
    try folder.write(".jixiao.json", Array(#"{"layout": "notation"}"#.utf8))
    #expect(Self.findings(tsvPath) == asNotation)
    #expect(Self.findings(tsvPath, ["--layout", "auto"]) == detected)
    try folder.write(".jixiao.json", Array(#"{"layout": "word"}"#.utf8))
    let bad = CLIRun(["check", tsvPath])
    #expect(bad.exitCode == 2)
    #expect(bad.stderr.contains("layout"))
    let unknown = CLIRun(["check", "--layout", "html", tsvPath])
    #expect(unknown.exitCode == 2)
  }

  @Test func fixWritesInTheFormsLayout() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.md", Fixtures.seedMarkdownBytes)
    let run = CLIRun(["check", "--fix", "--unsafe-fixes", "--exit-zero", path])
    #expect(run.exitCode == 0)
    let fixed = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    // JX502 (trailing full-width space) and JX108 (（分级填报） → 0) in the first form's budget row, still a pipe row.
    #expect(fixed.contains("| 年度本级预算金额 | 14万 | 该项目支出上级资金 | 0 |"))
    // JX504's fix (a missing separator) inside a pipe cell.
    #expect(fixed.contains("普法启动工；2、开展法治主题公园建设 |"))
    #expect(!fixed.contains("\t"))
  }
}
