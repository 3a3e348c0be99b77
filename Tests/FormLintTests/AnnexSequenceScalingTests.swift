import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// Regression (found by Scripts/robustness/large_file.py: the 200 MB file, the seed ×18,983, was OOM-killed at
/// 23 GB): each JX601 finding's fix renumbered every later form with the same annex prefix, so a file of many
/// filings that each restart at 附件5-1 produced a quadratic number of fix edits. A fix now stops where the
/// numbering breaks again (that form has its own finding and fix).
@Suite struct AnnexSequenceScalingTests {
  @Test func fixEditsGrowLinearlyWithRepeatedFilings() {
    let copies = 200
    let text = Array(Array(repeating: Fixtures.seedBytes, count: copies).joined())
    let findings = Linter(configuration: LintConfiguration(select: ["JX601"])).lint(SyntaxTree(parsing: text))
    #expect(findings.count == (copies - 1) * 5)  // every form after the first copy repeats an annex number
    let edits = findings.flatMap { $0.fixes.flatMap(\.edits) }.count
    // Five forms per copy, at most an annex and a project number each.
    #expect(edits <= copies * 5 * 2, "\(edits) fix edits for \(copies * 5) forms")
  }

  @Test func aSingleBreakStillRenumbersTheRestOfItsRun() {
    let forms = DocumentExamples.forms([
      ("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费"), ("附件5-4", "4、人民调解经费"), ("附件5-5", "5、政府法律事务"),
    ])
    let findings = Linter(configuration: LintConfiguration(select: ["JX601"])).lint(SyntaxTree(parsing: forms))
    #expect(findings.count == 1)
    #expect(findings.first?.fixes.first?.edits.count == 4)
  }
}
