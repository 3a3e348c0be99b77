import FormLint
import FormTestSupport
import Foundation
import Testing

@testable import JixiaoCLI

/// A table holding several projects (a budget-system export, Tests/Fixtures/templates/M1-budget-export-projects.txt:
/// three projects) is three forms for the rules, and so for the report and export too: each project its own row,
/// budget and findings.
@Suite struct ProjectTableReportTests {
  static var text: String { String(decoding: Fixtures.bytes(named: "templates/M1-budget-export-projects.txt"), as: UTF8.self) }
  /// The third project's budget left empty: JX101 for that project alone.
  static var thirdBudgetEmpty: String { text.replacingAll("\t档案开放利用宣传\n\t5\n", with: "\t档案开放利用宣传\n\t\n") }

  @Test func theReportHasAFormPerProjectWithItsOwnFindings() throws {
    #expect(Self.thirdBudgetEmpty != Self.text)
    let folder = try ScratchFolder()
    let path = try folder.write("projects.txt", Self.thirdBudgetEmpty)
    let run = CLIRun(["export", "--format", "csv", "--rows", "form", "--header", "en", path])
    let rows = run.stdout.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    try #require(rows.count == 4, "\(run.stdout)")
    let columns = rows[0].map(String.init)
    let project = try #require(columns.firstIndex(of: "project"))
    let budget = try #require(columns.firstIndex(of: "budget_wan_yuan"))
    let errors = try #require(columns.firstIndex(of: "errors"))
    let rules = try #require(columns.firstIndex(of: "rules"))
    #expect(rows.dropFirst().map { String($0[project]) } == ["档案数字化加工", "档案库房安全维护", "档案开放利用宣传"])
    #expect(rows.dropFirst().map { String($0[budget]) } == ["30", "12", ""])
    #expect(rows.dropFirst().map { String($0[errors]) } == ["0", "0", "1"])
    #expect(rows.dropFirst().map { String($0[rules]) } == ["", "", "JX101"])
    // Each project's line is its first row, where its findings are reported.
    let lineColumn = try #require(columns.firstIndex(of: "line"))
    let lines = rows.dropFirst().map { Int($0[lineColumn]) ?? 0 }
    #expect(lines == lines.sorted() && Set(lines).count == 3)
    let check = CLIRun(["check", "--format", "json", path])
    let finding = try #require(check.diagnostics.first { $0["code"] as? String == "JX101" })
    let line = try #require(((finding["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int)
    #expect(line == lines[2])
  }

  @Test func exportListsEveryProjectWithItsIndicators() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("projects.txt", Self.text)
    let run = CLIRun(["export", path])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let forms = try #require(((report["files"] as? [[String: Any]])?.first?["forms"]) as? [[String: Any]])
    #expect(forms.compactMap { $0["projectName"] as? String } == ["档案数字化加工", "档案库房安全维护", "档案开放利用宣传"])
    #expect(forms.compactMap { ($0["budget"] as? [String: Any])?["wanYuan"] as? String } == ["30", "12", "5"])
    #expect(forms.map { ($0["indicators"] as? [Any])?.count } == [9, 9, 9])
    let indicatorCSV = CLIRun(["export", "--format", "csv", path]).stdout
    #expect(indicatorCSV.split(separator: "\r\n").count == 1 + 27)
  }

  @Test func theHTMLReportCountsEachProject() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("projects.txt", Self.thirdBudgetEmpty)
    let (run, html) = try ReportTests.report([path])
    #expect(run.exitCode == 1 || run.exitCode == 0, "\(run.stderr)")
    #expect(ReportTests.stat("forms", in: html) == "3")
    #expect(ReportTests.stat("budget", in: html) == "42")
    #expect(html.components(separatedBy: "<article class=\"form\"").count == 4)
  }
}
