import FormLint
import Foundation
import Testing

@testable import JixiaoCLI

/// `jixiao explain` fits on a screen or two: examples are cut to the lines around the finding (#16 item 8).
@Suite struct ExplainTests {
  @Test func examplesAreExcerptsAroundTheirMarkers() throws {
    for type in RuleRegistry.all {
      let rule = type.description
      let short = CLIRun(["explain", rule.code])
      let full = CLIRun(["explain", "--full", rule.code])
      #expect(short.exitCode == 0 && full.exitCode == 0)
      #expect(full.stdout == RuleDocs.page(for: rule), "\(rule.code): --full is the generated page")
      let shortLines = short.stdout.split(separator: "\n", omittingEmptySubsequences: false).count
      let fullLines = full.stdout.split(separator: "\n", omittingEmptySubsequences: false).count
      #expect(shortLines <= min(fullLines, 200), "\(rule.code): \(shortLines) lines (full \(fullLines))")
      // Every triggering example keeps its marker.
      let triggering = short.stdout.components(separatedBy: "## Triggering examples")[1].components(separatedBy: "## Non-triggering")[0]
      #expect(triggering.components(separatedBy: "```text").count - 1 == rule.triggering.count)
      #expect(triggering.components(separatedBy: "```text").dropFirst().allSatisfy { $0.contains("↓") }, "\(rule.code)")
    }
  }

  @Test func budgetMismatchKeepsTheLinesItsArithmeticNames() throws {
    let page = CLIRun(["explain", "JX301"]).stdout
    let lineCount = page.split(separator: "\n").count
    #expect(lineCount < 200, "\(lineCount) lines")
    #expect(page.contains("→↓14万") && page.contains("→普法经费15万元、法治创建经费5万元"))
    #expect(page.contains("⋮") && page.contains("jixiao explain --full JX301"))
  }

  @Test func excerptShowsContextAndGaps() {
    let text = (0..<20).map { "line \($0)" }.joined(separator: "\n")
    #expect(RuleDocs.excerpt(text, around: [10]) == "⋮\nline 8\nline 9\nline 10\nline 11\nline 12\n⋮")
    #expect(RuleDocs.excerpt(text, around: [0, 19]) == "line 0\nline 1\nline 2\n⋮\nline 17\nline 18\nline 19")
    #expect(RuleDocs.excerpt("a\nb\nc", around: [1]) == "a\nb\nc")
  }

  @Test func everyCommandAcceptsLang() throws {
    for command in Jixiao.commands {
      let parsed = try ParsedArguments.parse(["--lang", "en"], specs: Jixiao.options(of: command))
      #expect(parsed.language == .en, "\(command.name)")
      #expect(CLIRun(["help", command.name]).stdout.contains("--lang"), "\(command.name)")
    }
    #expect(CLIRun(["explain", "--lang", "en", "JX301"]).exitCode == 0)
    #expect(CLIRun(["generate-docs", "--lang", "en", "--check"]).stderr.isEmpty)
  }
}
