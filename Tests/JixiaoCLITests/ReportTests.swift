import FormLint
import FormSyntax
import Foundation
import Testing

@testable import JixiaoCLI

/// `jixiao report`: the page's numbers agree with `check`, each form has its findings and a draft opinion, the
/// page stands alone. (Scripts/test-report opens it in Chromium and checks sorting and filtering.)
@Suite struct ReportTests {
  /// The seed, and a copy from another department with form 5-1's budget corrected (its JX301 gone).
  static func folder() throws -> ScratchFolder {
    let folder = try ScratchFolder()
    try folder.write("a-sifaju.txt", Seed.text)
    let fixed = Seed.text.replacingAll("临武县司法局", with: "临武县教育局").replacingAll("\t14万　\n", with: "\t20万\n")
    try folder.write("b-jiaoyuju.txt", fixed)
    return folder
  }

  static func stat(_ id: String, in html: String) -> String? {
    guard let start = html.range(of: "<dd id=\"stat-\(id)\">") else { return nil }
    return String(html[start.upperBound...].prefix { $0 != "<" })
  }

  static func report(_ arguments: [String]) throws -> (CLIRun, String) {
    let folder = try ScratchFolder()
    let output = folder.url.appendingPathComponent("report.html").path
    let run = CLIRun(["report"] + arguments + ["-o", output])
    let html = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
    return (run, html)
  }

  @Test func overviewAgreesWithCheck() throws {
    let folder = try Self.folder()
    let (run, html) = try Self.report([folder.url.path])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let check = CLIRun(["check", "--format", "json", folder.url.path])
    let diagnostics = check.diagnostics
    #expect(Self.stat("files", in: html) == "2")
    #expect(Self.stat("forms", in: html) == "10")
    #expect(Self.stat("departments", in: html) == "2")
    // 14 + 10 + 92 + 28 + 16 = 160 in the seed; the copy's first budget is 20.
    #expect(Self.stat("budget", in: html) == "326")
    for severity in ["error", "warning", "information", "hint"] {
      #expect(Self.stat(severity, in: html) == "\(diagnostics.filter { $0["severity"] as? String == severity }.count)", "\(severity)")
    }
    let budgetFindings = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])["files"]
      as? [[String: Any]]
    let perFile = try #require(budgetFindings).map { (($0["diagnostics"] as? [[String: Any]]) ?? []).filter { $0["code"] as? String == "JX301" }.count }
    #expect(perFile.count == 2 && perFile[1] == perFile[0] - 1)
    #expect(run.stderr.contains("2 个文件，10 张表"))
  }

  @Test func everyFormHasItsFindingsQuotedAndADraftOpinion() throws {
    let (_, html) = try Self.report([Seed.url.path])
    let articles = html.components(separatedBy: "<article class=\"form\"").dropFirst()
    #expect(articles.count == 5)
    let first = try #require(articles.first)
    #expect(first.contains("<a href=#JX301>JX301 budget-mismatch</a> 成本指标所列金额合计 20万元"))
    #expect(first.contains("<q><mark>14万</mark>　</q>"))
    // The opinion numbers the error findings as sentences, and only those.
    let opinion = try #require(first.components(separatedBy: "<textarea readonly").last)
    #expect(opinion.contains("《1、普法、法治创建经费》（附件5-1）审核意见"))
    #expect(opinion.contains("\n1. 成本指标所列金额合计 20万元（普法经费15万元、法治创建经费5万元），超过年度本级预算金额 14万元。"))
    #expect(!opinion.contains("\n2. "))
    // Each rule with findings has its explanation in the page, once.
    #expect(html.components(separatedBy: "<dt id=\"JX301\">").count == 2)
    #expect(html.contains("<dd>\(HTML.escape(RuleRegistry.rule(named: "JX301")!.description.rationale.zh))</dd>"))
  }

  @Test func thePageStandsAlone() throws {
    let (_, html) = try Self.report([Seed.url.path])
    #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("//cdn"))
    #expect(!html.contains("<link") && !html.contains(" src="))
    #expect(html.contains("<svg class=\"chart\"") && html.contains("<style>") && html.contains("<script>"))
    #expect(html.contains("@page { size: A4"))
  }

  @Test func englishOnRequest() throws {
    let (_, html) = try Self.report(["--lang", "en", Seed.url.path])
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("<dt>Send back</dt>"))
    #expect(html.contains("JX301 budget-mismatch</a> The amounts itemised under 成本指标 total 20万元"))
    #expect(!html.contains("需退回修改"))
  }

  @Test func theEmbeddedCSVIsThePerFormExport() throws {
    let (_, html) = try Self.report([Seed.url.path])
    let export = CLIRun(["export", "--format", "csv", "--rows", "form", Seed.url.path]).stdout
    let start = try #require(html.range(of: "<textarea id=\"csv-forms\" hidden>"))
    let end = try #require(html.range(of: "</textarea>", range: start.upperBound..<html.endIndex))
    let embedded = String(html[start.upperBound..<end.lowerBound]).replacingAll("&quot;", with: "\"").replacingAll("&amp;", with: "&")
    #expect("\u{FEFF}" + embedded == export)
  }

  @Test func usageAndStdin() throws {
    #expect(CLIRun(["report", Seed.url.path]).exitCode == 2)
    #expect(CLIRun(["report", "-o", "-"]).exitCode == 2)
    let piped = CLIRun(["report", "-", "-o", "-"], stdin: Seed.text)
    #expect(piped.exitCode == 0)
    #expect(Self.stat("forms", in: piped.stdout) == "5")
    let missing = try Self.report(["/no/such/folder", Seed.url.path])
    #expect(missing.0.exitCode == 2 && Self.stat("files", in: missing.1) == "1")
  }

  @Test func quoteMarksTheFindingInItsCell() throws {
    let tree = SyntaxTree(parsing: Seed.bytes)
    let diagnostics = Linter().lint(tree)
    let budget = try #require(diagnostics.first { $0.code == "JX301" })
    let quote = try #require(ReportModel.quote(budget.range, in: tree))
    #expect((quote.before, quote.marked, quote.after) == ("", "14万", "　"))
    let runTogether = try #require(diagnostics.first { $0.code == "JX504" })
    let long = try #require(ReportModel.quote(runTogether.range, in: tree))
    #expect(long.marked == "2、" && long.before.hasSuffix("普法启动工"))
  }

  @Test func chartLabelsCarryTheNumbers() {
    let chart = SVGChart(
      bars: [.init(category: "临武县司法局", segments: [.init(value: 3, style: "bar-pass", label: "3"), .init(value: 2, style: "bar-back", label: "2")], total: "3 / 2")],
      caption: "x"
    ).render()
    #expect(chart.contains(">3 / 2</text>") && chart.contains(">临武县司法局<title>"))
    #expect(chart.components(separatedBy: "<rect").count == 3)
  }
}
