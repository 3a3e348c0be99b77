import FormModel
import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// Whole forms of other template families (TemplateExamples: a budget-system export, a 扶贫 申报表): clean they
/// give no finding at all under the default configuration; each mutation gives exactly the finding intended.
@Suite struct TemplateFixtureTests {
  static func codes(_ text: String, configuration: LintConfiguration = LintConfiguration()) -> [String] {
    Linter(configuration: configuration).lint(SyntaxTree(parsing: text)).map(\.code).sorted()
  }

  static func findings(_ text: String) -> [String] {
    Linter().lint(SyntaxTree(parsing: text)).map { "\($0.code) \($0.message.en)" }
  }

  @Test func cleanFormsOfEveryBuilderGiveNothing() {
    #expect(Self.findings(TemplateExamples.export()) == [])
    #expect(Self.findings(TemplateExamples.poverty()) == [])
    #expect(Self.findings(StructureExamples.form()) == [])
  }
}

extension TemplateFixtureTests {
  @Test func mutationsGiveExactlyTheIntendedFinding() {
    // A total broken.
    let broken = TemplateExamples.poverty(funds: [("年度资金总额：", "200"), ("其中：财政拨款", "180"), ("其他资金", "30")])
    #expect(Self.codes(broken) == ["JX305"])
    // A weight broken.
    let weights = TemplateExamples.export().replacingFirst("\t20\n\t\n\n\t\n\t\n\t质量指标", with: "\t30\n\t\n\n\t\n\t\n\t质量指标")
    #expect(Self.codes(weights) == ["JX111"])
    // A field removed: named as the family spells it.
    let noName = TemplateExamples.poverty().replacingFirst("\t项目名称\n\t示例村茶叶加工厂扩建\n", with: "")
    #expect(Self.findings(noName) == ["JX101 The required field “项目名称” (project name) is missing"])
    // A wrong year.
    let wrongYear = TemplateExamples.poverty().replacingFirst("\t2023年10月底前", with: "\t2022年10月底前")
    #expect(Self.codes(wrongYear) == ["JX401"])
    // A comparator left out of its column.
    #expect(Self.codes(TemplateExamples.export().replacingFirst("\t≥\n\t12\n", with: "\t\n\t12\n")) == ["JX209"])
    // A vague value.
    #expect(Self.codes(TemplateExamples.poverty().replacingFirst("\t100%\n", with: "\t明显提高\n")) == ["JX207"])
  }

  @Test func aMisplacedSatisfactionRowIsReported() {
    // The satisfaction row moved under 效益指标 in a family whose satisfaction is a 一级 of its own.
    let moved = TemplateExamples.poverty().replacingFirst("\t满意度指标\n\t服务对象满意度指标", with: "\t\n\t服务对象满意度指标")
    #expect(Self.codes(moved).contains("JX106"))
  }

  @Test func anEmptySuperiorFundsCellIsAFinding() {
    // #16 item 5: after （分级填报） is deleted the cell must not stay empty.
    let empty = StructureExamples.form(header: StructureExamples.header(setting: "该项目支出上级资金", to: ""))
    #expect(Self.findings(empty) == ["JX101 The field “该项目支出上级资金” (funds from the level above) is empty: write 0 when there is none"])
    // Absent is fine; 0 is fine.
    #expect(Self.codes(StructureExamples.form(header: StructureExamples.header(setting: "该项目支出上级资金", to: nil))) == [])
    let placeholder = StructureExamples.form(header: StructureExamples.header(setting: "该项目支出上级资金", to: "（分级填报）"))
    let finding = Linter().lint(SyntaxTree(parsing: placeholder)).first { $0.code == "JX108" }
    #expect(finding?.fixes.first?.edits.first?.newText == "0")
    #expect(finding?.fixes.first?.isSafe == false)
  }

  @Test func budgetMismatchNeverEditsTheBudget() throws {
    // #16 items 4 and 13: a floor above the budget is JX301, a cap above it is not; no fix edits the budget.
    let floor = Examples.form(budget: "92万", costName: "工作经费", costValue: "不低于100万元", costStandard: "按实际支出")
    let finding = try #require(Linter().lint(SyntaxTree(parsing: floor)).first { $0.code == "JX301" })
    #expect(finding.message.zh.contains("100万元") && finding.message.zh.contains("92万元"))
    let fix = try #require(finding.fixes.first)
    #expect(fix.edits.first?.newText == "≤92万元" && !fix.isSafe)
    let cap = Examples.form(budget: "92万", costName: "工作经费", costValue: "≤100万元", costStandard: "按实际支出")
    #expect(!Self.codes(cap).contains("JX301"))
    // Itemised over the budget with a percentage as value: the message keeps its arithmetic, and no fix.
    let items = Examples.form(budget: "14万", costName: "普法考试", costValue: "100%", costStandard: "普法经费15万元、法治创建经费5万元")
    let itemised = try #require(Linter().lint(SyntaxTree(parsing: items)).first { $0.code == "JX301" })
    #expect(itemised.message.zh == "成本指标所列金额合计 20万元（普法经费15万元、法治创建经费5万元），超过年度本级预算金额与上级资金合计 14万元")
    #expect(itemised.fixes.isEmpty)
  }

  @Test func satisfactionFloorTurnsJX208On() throws {
    let form = Examples.form(satisfactionValue: "≥90%")
    #expect(!Self.codes(form).contains("JX208"))
    let file = try ConfigurationFile.parse(data: Array(#"{"thresholds": {"satisfactionFloor": 95}}"#.utf8), path: "x/.jixiao.json") { _ in }
    #expect(Self.codes(form, configuration: file.base) == ["JX208"])
    let off = try ConfigurationFile.parse(
      data: Array(#"{"rules": {"JX208": "off"}, "thresholds": {"satisfactionFloor": 95}}"#.utf8), path: "x/.jixiao.json") { _ in }
    #expect(Self.codes(form, configuration: off.base) == [])
    #expect(throws: ConfigurationError.self) {
      try ConfigurationFile.parse(data: Array(#"{"thresholds": {"boilerplateRepeat": 4}}"#.utf8), path: "x/.jixiao.json") { _ in }
    }
  }

  @Test func configurationPinsTheTemplate() throws {
    let file = try ConfigurationFile.parse(data: Array(#"{"template": "hunan-county"}"#.utf8), path: "x/.jixiao.json") { _ in }
    #expect(file.base.model.template == .hunanCounty)
    // Pinned to the Hunan family, the 扶贫 form is asked for the Hunan fields it does not have.
    #expect(Self.codes(TemplateExamples.poverty(), configuration: file.base).contains("JX101"))
    #expect(throws: ConfigurationError.self) {
      try ConfigurationFile.parse(data: Array(#"{"template": "nowhere"}"#.utf8), path: "x/.jixiao.json") { _ in }
    }
  }
}
