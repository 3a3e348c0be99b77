import FormLint
import Foundation
import Testing

@testable import JixiaoCLI

@Suite struct ExportAndDocsTests {
  @Test func exportJSONHasFiveFormsWithBudgetsAndResolvedCategories() throws {
    let run = CLIRun(["export", Seed.url.path])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let forms = try #require(((report["files"] as? [[String: Any]])?.first?["forms"]) as? [[String: Any]])
    #expect(forms.count == 5)
    #expect(forms.compactMap { ($0["budget"] as? [String: Any])?["wanYuan"] as? String } == ["14", "10", "92", "28", "16"])
    #expect(forms.compactMap { $0["annex"] as? String } == ["5-1", "5-2", "5-3", "5-4", "5-5"])
    for form in forms {
      let indicators = try #require(form["indicators"] as? [[String: Any]])
      #expect(indicators.count == 9)
      #expect(indicators.allSatisfy { !(($0["level1"] as? String) ?? "").isEmpty && !(($0["level2"] as? String) ?? "").isEmpty })
      // This template puts the satisfaction row under 效益指标.
      #expect(indicators.last?["level1"] as? String == "效益指标")
      #expect(indicators.last?["level2"] as? String == "社会公众或服务对象满意度指标")
      #expect(((indicators.first?["name"] as? [String: Any])?["line"] as? Int) != nil)
    }
    #expect(((forms[0]["header"] as? [[String: Any]])?.first?["labelLine"] as? Int) == 4)
  }

  @Test func exportCSVOneRowPerIndicatorWithBOMAndChineseHeaders() {
    let run = CLIRun(["export", "--format", "csv", Seed.url.path])
    #expect(run.stdout.hasPrefix("\u{FEFF}文件,附件,项目名称,预算部门,年度本级预算金额（万元）,一级指标,二级指标,三级指标,指标值,绩效标准,行\r\n"))
    let rows = run.stdout.dropFirst().split(separator: "\r\n")
    #expect(rows.count == 1 + 45)
    #expect(rows[1].contains(",5-1,\"1、普法、法治创建经费\",临武县司法局,14,产出指标,数量指标,") || rows[1].contains(",5-1,1、普法、法治创建经费,临武县司法局,14,产出指标,数量指标,"))
    let english = CLIRun(["export", "--format", "csv", "--header", "en", Seed.url.path])
    #expect(english.stdout.hasPrefix("\u{FEFF}file,annex,project,department,budget_wan_yuan,level1,level2,level3,value,standard,line\r\n"))
    #expect(english.stdout.dropFirst().split(separator: "\r\n").dropFirst() == rows.dropFirst())
  }

  @Test func exportCSVOneRowPerFormWithItsFindings() throws {
    let run = CLIRun(["export", "--format", "csv", "--rows", "form", Seed.url.path])
    let rows = run.stdout.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(run.stdout.hasPrefix("\u{FEFF}文件,行,附件,预算部门,项目名称,年度本级预算金额（万元）,成本指标合计（万元）,指标数,错误,警告,信息,提示,审核结论,问题规则\r\n"))
    #expect(rows.count == 1 + 5)
    #expect(rows.dropFirst().map { $0[2] } == ["5-1", "5-2", "5-3", "5-4", "5-5"])
    #expect(rows.dropFirst().map { $0[5] } == ["14", "10", "92", "28", "16"])
    // Per form, the severity counts add up to the findings `check` reports for the file.
    let check = CLIRun(["check", "--format", "json", Seed.url.path])
    let diagnostics = check.diagnostics
    for (column, severity) in [(8, "error"), (9, "warning"), (10, "information"), (11, "hint")] {
      #expect(rows.dropFirst().map { Int($0[column])! }.reduce(0, +) == diagnostics.filter { $0["severity"] as? String == severity }.count)
    }
    #expect(rows[1][12] == "需退回修改" && rows[1][13].contains("JX301"))
    let english = CLIRun(["export", "--format", "csv", "--rows", "form", "--header", "en", "--lang", "en", Seed.url.path])
    #expect(english.stdout.hasPrefix("\u{FEFF}file,line,annex,department,project,budget_wan_yuan,itemised_cost_wan_yuan,indicators,errors,"))
    #expect(english.stdout.contains(",Send back,"))
    #expect(CLIRun(["export", "--format", "csv", "--rows", "cell", Seed.url.path]).exitCode == 2)
  }

  /// The options export, report, annotate and convert share with check are check's own, and they take effect
  /// (export and report accepted no --max-file-size; each command parsed its own copy).
  @Test func sharedOptionsAreCheckOptionsAndTakeEffect() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    for command in [["export"], ["report", "-o", folder.url.appendingPathComponent("r.html").path]] {
      let run = CLIRun(command + ["--max-file-size", "100", path])
      #expect(run.exitCode == 2, "\(command[0]): \(run.stderr)")
      #expect(run.stderr.contains("超过上限 100 字节"), "\(command[0]): \(run.stderr)")
    }
    for command in [ExportCommand.command, ReportCommand.command, AnnotateCommand.command, ConvertCommand.command] {
      // --format differs on purpose (export writes json|csv); every other option of check's name is check's own.
      for option in command.options where option.names != ["--format"] && CheckCommand.options.contains(where: { $0.names == option.names }) {
        #expect(CheckCommand.options.first { $0.names == option.names }?.help == option.help, "\(command.name) \(option.names)")
      }
    }
  }

  @Test func explainAndRules() {
    let explain = CLIRun(["explain", "JX301"])
    #expect(explain.exitCode == 0 && explain.stdout.hasPrefix("# JX301 budget-mismatch\n"))
    #expect(CLIRun(["explain", "budget-mismatch"]).stdout == explain.stdout)
    #expect(CLIRun(["explain", "JX999"]).exitCode == 2)
    let rules = CLIRun(["rules"])
    #expect(rules.stdout.split(separator: "\n").count == RuleRegistry.all.count)
  }

  @Test func committedRulePagesAreCurrent() throws {
    let folder = Seed.repositoryRoot.appendingPathComponent("Documentation/Rules")
    for (name, content) in RuleDocsPages.all() {
      let committed = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map {
        String(decoding: $0, as: UTF8.self)
      }
      #expect(committed == content, "Documentation/Rules/\(name) is stale: run `swift run jixiao generate-docs`")
    }
  }

  @Test func debugRoundtripAndTree() throws {
    let folder = try ScratchFolder()
    let cases: [[UInt8]] = [Seed.bytes, Seed.bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }, [], Array("\t\t\n\t\r\n\r\t".utf8)]
    for (index, bytes) in cases.enumerated() {
      let path = try folder.write("case\(index).txt", bytes)
      #expect(CLIRun(["debug", "roundtrip", path]).exitCode == 0)
    }
    let tree = CLIRun(["debug", "tree", Seed.url.path]).stdout
    #expect(tree.hasPrefix("DOCUMENT@0..\(Seed.bytes.count)\n  FORM@0.."))
    #expect(tree.contains("CELL@") && tree.contains("TAB@") && tree.contains("LINE_BREAK@"))
  }
}
