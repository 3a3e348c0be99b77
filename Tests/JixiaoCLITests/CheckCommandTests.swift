import Foundation
import Testing

@testable import JixiaoCLI

@Suite struct CheckCommandTests {
  @Test func exitCodesFollowSeverity() throws {
    let folder = try ScratchFolder()
    let seed = try folder.write("seed.txt", Seed.bytes)
    #expect(CLIRun(["check", seed]).exitCode == 1)
    #expect(CLIRun(["check", "--exit-zero", seed]).exitCode == 0)
    #expect(CLIRun(["check", "--select", "JX502", seed]).exitCode == 0)
    let empty = try folder.write("empty.txt", "")
    #expect(CLIRun(["check", empty]).exitCode == 0)
    #expect(CLIRun(["check", "/no/such/file.txt", seed]).exitCode == 2)
  }

  @Test func usageErrorsExitTwoWithAClearMessage() {
    let unknown = CLIRun(["check", "--lang", "en", "--frobnicate"])
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.contains("unknown option '--frobnicate'"))
    #expect(CLIRun(["check", "--lang", "en", "--format", "xml", "x"]).stderr.contains("unknown format 'xml'"))
    #expect(CLIRun(["check", "/no/such/file.txt"]).exitCode == 2)
    #expect(CLIRun(["check", "--lang", "en", "--select", "JX999"]).stderr.contains("no rule matches 'JX999'"))
    #expect(CLIRun(["frobnicate"]).exitCode == 2)
  }

  @Test func helpAndVersion() {
    #expect(CLIRun(["--version"]).stdout == "jixiao \(JixiaoVersion.current)\n")
    let help = CLIRun(["--help"])
    #expect(help.exitCode == 0 && help.stdout.contains("check") && help.stdout.contains("lsp"))
    let checkHelp = CLIRun(["help", "check"])
    #expect(checkHelp.stdout.contains("--unsafe-fixes"))
  }

  @Test func textOutputShowsLocationSourceAndCaretAlignedForCJK() throws {
    let run = CLIRun(["check", "--select", "JX301", Seed.url.path])
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = try #require(lines.first { $0.contains("[JX301]") })
    #expect(header.hasSuffix("成本指标所列金额合计 20万元（普法经费15万元、法治创建经费5万元），超过年度本级预算金额 14万元"))
    #expect(header.hasPrefix(Seed.url.path + ":10:2: 错误[JX301]"))
    let index = try #require(lines.firstIndex(of: header))
    #expect(lines[index + 2] == "10 |     14万　")
    // `14万` is 2 + 2 display columns; the caret starts under `1` after the expanded TAB.
    #expect(lines[index + 3] == "   |     ^^^^")
    #expect(!run.stdout.contains("\u{1B}["), "no colour when not a terminal")
  }

  @Test func englishMessages() {
    let run = CLIRun(["check", "--lang", "en", "--select", "JX301", "--format", "json", Seed.url.path])
    let messages = run.diagnostics.compactMap { $0["message"] as? String }
    #expect(messages.first == "The amounts itemised under 成本指标 total 20万元 (普法经费 15万元, 法治创建经费 5万元), more than the annual budget of 14万元")
  }

  @Test func jsonShapeIsExact() throws {
    let run = CLIRun(["check", "--format", "json", "--select", "JX301", Seed.url.path])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(report["version"] as? Int == 1)
    let summary = try #require(report["summary"] as? [String: Int])
    #expect(summary == ["files": 1, "error": 3, "warning": 0, "information": 0, "hint": 0])
    let diagnostic = try #require(run.diagnostics.first)
    #expect(Set(diagnostic.keys) == ["code", "name", "severity", "message", "range", "related", "fixes"])
    #expect(diagnostic["name"] as? String == "budget-mismatch")
    let range = try #require(diagnostic["range"] as? [String: [String: Int]])
    #expect(range["start"] == ["line": 10, "column": 2])
    #expect(range["end"] == ["line": 10, "column": 5])
    let related = try #require((diagnostic["related"] as? [[String: Any]])?.first)
    #expect((related["range"] as? [String: [String: Int]])?["start"]?["line"] == 57)
    // The seed's cost values are percentages, not a single cap: no fix (none ever edits the budget).
    #expect((diagnostic["fixes"] as? [[String: Any]])?.isEmpty == true)
    #expect(run.pairs == ["10:JX301", "118:JX301", "439:JX301"])
  }

  @Test func nothingAtTheConsistentForm() {
    // Form 5-3 itemises 27 + 63 + 2 = 92万元 against a budget of 92万.
    let run = CLIRun(["check", "--format", "json", Seed.url.path])
    #expect(!run.pairs.contains { $0.hasPrefix("226:JX30") })
  }

  @Test func stdinWithItsFileName() {
    let run = CLIRun(["check", "--format", "json", "--select", "JX301", "--stdin-filename", "form.txt", "-"], stdin: Seed.text)
    #expect(run.stdout.contains("\"path\":\"form.txt\""))
    #expect(run.pairs.count == 3)
  }

  @Test func foldersAreSearchedForTextFiles() throws {
    let folder = try ScratchFolder()
    try folder.write("a.txt", Seed.bytes)
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try folder.write("sub/b.txt", Seed.bytes)
    try folder.write("notes.md", "ignored")
    let run = CLIRun(["check", "--format", "json", "--select", "JX301", folder.url.path])
    #expect(run.pairs.count == 6)
  }

  @Test func statisticsCountPerRule() {
    let run = CLIRun(["check", "--statistics", "--select", "JX301", Seed.url.path])
    #expect(run.stdout == "3\tJX301\tbudget-mismatch\n")
  }

  @Test func githubFormat() {
    let run = CLIRun(["check", "--format", "github", "--select", "JX301", Seed.url.path])
    let first = run.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first.hasPrefix("::error file=\(Seed.url.path),line=10,col=2,endLine=10,endColumn=5,title=JX301 budget-mismatch::成本指标所列金额合计"))
  }
}
