import FormLint
import FormModel
import FormSyntax
import FormTestSupport
import Testing

/// Forms written the way real ones vary (research/templates.md §0–§4; Tests/Fixtures/templates/V*.txt): another
/// province's wording, funds rows arranged differently, a unit and a weight column, a year line under the title,
/// 中期 and 年度 value columns, a category label split over two rows, a block label split off a vertical cell.
/// Each is read right (its goal, budget and categories found), and what it is reported for is what a reviewer
/// would report.
@Suite struct TemplateVariantTests {
  typealias Mutation = TemplateFamilyFixtureTests.Mutation

  static let variants: [(file: String, template: TemplateID, year: Int, codes: [String])] = [
    // Shanxi city 申报表: year alone under the title, 中期 value left empty, 总体目标 in the goal value row,
    // `经济效益` + `指标` on a continuation line, `社会公众或服务` | `对象满意度指标` over two rows.
    ("V1-shanxi-city", .departmentSpecial, 2021, []),
    // Sichuan one-system export: 指标性质 (comparator), 度量单位, 权重, 指标方向性; no 经济/生态效益 row, which
    // the profile recommends.
    ("V5-sichuan-onesystem", .oneSystem2021, 2024, ["JX102", "JX102"]),
    // 88号 申报表 with the funds block written vertically (中期 total and its parts, then the annual ones).
    ("V6-mof-vertical", .mof2015Application, 2022, []),
    // 扶贫 reference template: a vertical 总体目标 split leaving `总`, ★ core marks, a masked phone number, the
    // budget's breakdown written in its cell; the only cost row is a unit cost (JX303, as the rule says).
    ("V7-poverty-infrastructure", .povertyAlleviation, 2022, ["JX303"]),
    // Provincial fund, county copy: an annex line repeating the title, `(2020)年度`, the total as a column heading
    // over its parts, 指标1: numbering, `≧ %` left from the template (JX108), no 经济效益 row (JX102 warning).
    ("V9-provincial-fund-annex", .transferRegion, 2020, ["JX102", "JX108"]),
  ]

  static func forms(_ file: String) -> [Form] {
    SyntaxTree(parsing: TemplateFamilyFixtureTests.text(file)).nodes.filter(\.isForm).map { Form(node: $0) }
  }

  @Test(arguments: variants.map(\.file))
  func readRightAndReportedAsAReviewerWould(_ file: String) throws {
    let entry = try #require(Self.variants.first { $0.file == file })
    let forms = Self.forms(file)
    try #require(forms.count == 1)
    #expect(forms[0].template.id == entry.template)
    #expect(forms[0].year == entry.year)
    for field in forms[0].template.requiredFields { #expect(forms[0].hasValue(meeting: field), "\(field)") }
    #expect(forms[0].malformedRows.isEmpty)
    for row in forms[0].indicators where !(row.name?.isBlank ?? true) {
      #expect(row.level2.canonical != nil, "row \(row.rowIndex) \(row.level2.text)")
    }
    let found = TemplateFamilyFixtureTests.findings(TemplateFamilyFixtureTests.text(file))
    #expect(found.map(\.code).sorted() == entry.codes, "\(found.map { "\($0.code) \($0.message.en)" })")
  }

  @Test func goalsAndLabelsAreReadWhereTheyStand() throws {
    // 总体目标 in the value row under ` | 中期目标 | 年度目标`: the annual goal is the text, not the `/` of 中期.
    let shanxi = try #require(Self.forms("V1-shanxi-city").first)
    #expect(shanxi.value(.annualGoal)?.trimmed.hasPrefix("保障120个站点") == true)
    // A label split over two rows is one category, in both rows.
    let satisfaction = shanxi.indicators.filter { $0.level2.canonical == "社会公众或服务对象满意度" }
    #expect(satisfaction.count == 2 && satisfaction.last?.name?.trimmed == "骑行市民满意度")
    // `总` left of 年度目标 by a vertical label split across rows.
    let poverty = try #require(Self.forms("V7-poverty-infrastructure").first)
    #expect(poverty.value(.annualGoal)?.trimmed.hasPrefix("2022年建成高标准农田") == true)
  }

  static let mutations: [Mutation] = [
    Mutation("V6-mof-vertical", "the 中期 total's part broken", "\t其中：财政拨款\n\t800\n", "\t其中：财政拨款\n\t700\n", ["JX305"]),
    Mutation("V6-mof-vertical", "the annual total's part broken", "\t其中：财政拨款\n\t260\n", "\t其中：财政拨款\n\t250\n", ["JX305"]),
    Mutation("V6-mof-vertical", "a wrong year in the 年度 column", "\t2022年11月底前\n", "\t2021年11月底前\n", ["JX401"]),
    Mutation("V1-shanxi-city", "a wrong year in the annual goal", "\t保障120个站点", "\t保障2020年120个站点", ["JX401"]),
    Mutation(
      "V1-shanxi-city", "a satisfaction over 100% under the split label", "\t骑行市民满意度\n\t≥90%", "\t骑行市民满意度\n\t190%",
      ["JX205"]),
    // The budget cell writes its breakdown in brackets: 854万 is the budget, a floor of 900万元 is above it.
    Mutation(
      "V7-poverty-infrastructure", "a cost floor above the budget written with its breakdown", "\t★亩均建设成本\n\t≤854元/亩\n",
      "\t★项目建设总成本\n\t≥900万元\n", ["JX301"]),
    Mutation("V7-poverty-infrastructure", "a wrong year in the annual goal", "\t2022年建成", "\t2021年建成", ["JX303", "JX401"]),
    Mutation(
      "V9-provincial-fund-annex", "every part of the heading total emptied", "\t其中:财政拨款\n\t500\n\n\t\n\t其他资金\n\t0\n",
      "\t其中:财政拨款\n\t\n\n\t\n\t其他资金\n\t\n", ["JX101", "JX102", "JX108"]),
    Mutation(
      "V5-sichuan-onesystem", "weights not adding up to 100", "\t15\n\t反向\n\n\t产出指标", "\t25\n\t反向\n\n\t产出指标",
      ["JX102", "JX102", "JX111"]),
  ]

  @Test(arguments: mutations)
  func mutationGivesExactlyTheIntendedFinding(_ mutation: Mutation) throws {
    try TemplateFamilyFixtureTests().mutationGivesExactlyTheIntendedFinding(mutation)
  }
}
