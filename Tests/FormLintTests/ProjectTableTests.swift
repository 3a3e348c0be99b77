import FormLint
import FormModel
import FormSyntax
import FormTestSupport
import Testing

/// RULES.md "Templates", several projects in one table: a budget-system export with one row per indicator and the
/// project's fields (项目名称, 资金总额, 年度目标) as columns, merged down the rows or repeated on each
/// (Tests/Fixtures/templates/M1-budget-export-projects.txt, three projects). Each project is a form for the rules,
/// with its own fields, rows and weights, located at its first row.
@Suite struct ProjectTableTests {
  static let file = "M1-budget-export-projects"
  static var text: String { TemplateFamilyFixtureTests.text(file) }

  static func form(_ text: String = text) throws -> Form {
    let nodes = SyntaxTree(parsing: text).nodes.filter(\.isForm)
    try #require(nodes.count == 1)
    return Form(node: nodes[0])
  }

  @Test func eachProjectIsAFormWithItsOwnFieldsAndRows() throws {
    let form = try Self.form()
    let projects = form.projectForms
    #expect(projects.map { $0.projectName } == ["档案数字化加工", "档案库房安全维护", "档案开放利用宣传"])
    #expect(projects.map { $0.budgetValue?.trimmed } == ["30", "12", "5"])
    #expect(projects.map { $0.indicators.count } == [9, 9, 9])
    for project in projects {
      for field in project.template.requiredFields { #expect(project.hasValue(meeting: field), "\(field)") }
      #expect(project.value(.annualGoal).map { !$0.isBlank } == true)
    }
    // The whole table read as one form keeps its first project's fields (export, the report and the outline use projectForms).
    #expect(form.projectName == "档案数字化加工")
    #expect(TemplateFamilyFixtureTests.findings(Self.text).map { "\($0.code) \($0.message.en)" } == [])
  }

  @Test func findingsAreReportedPerProjectAtItsFirstRow() throws {
    // The third project's budget left empty: JX101 for that project alone, at its name cell.
    let noBudget = Self.text.replacingOccurrences(of: "\t档案开放利用宣传\n\t5\n", with: "\t档案开放利用宣传\n\t\n")
    let missing = TemplateFamilyFixtureTests.findings(noBudget)
    let name = try #require(TextClean.firstIndex(of: Array("档案开放利用宣传".utf8), in: Array(noBudget.utf8)))
    #expect(missing.map(\.code) == ["JX101"])
    #expect(missing.map(\.range.lowerBound) == [name])
    #expect(missing.first?.fixes.isEmpty == true, "no header row to insert into a table of projects")
  }

  static let mutations: [TemplateFamilyFixtureTests.Mutation] = [
    // Weights of the second project (repeated fields) add up to 110: one JX111, for that project only.
    TemplateFamilyFixtureTests.Mutation(
      file, "one project's weights broken", "\t馆内职工满意度\n\t≥\n\t90\n\t%\n\t20\n", "\t馆内职工满意度\n\t≥\n\t90\n\t%\n\t30\n", ["JX111"]),
    // The first project's cost above its own budget (30), below the others' sum.
    TemplateFamilyFixtureTests.Mutation(file, "a cost above its project's budget", "\t数字化加工成本\n\t≤\n\t30\n", "\t数字化加工成本\n\t≥\n\t40\n", ["JX301"]),
    // The second project's 时效 row removed: JX102 for it alone.
    TemplateFamilyFixtureTests.Mutation(
      file, "one project's category removed",
      "\t档案库房安全维护\n\t12\n\t全年库房温湿度达标，档案安全无事故。\n\t产出指标\n\t时效指标\n\t设备维保完成时间\n\t≤\n\t2024年12月\n\t\n\t10\n\n", "", ["JX102", "JX111"]),
    TemplateFamilyFixtureTests.Mutation(file, "a wrong year in one project", "\t2024年6月\n", "\t2023年6月\n", ["JX401"]),
  ]

  @Test(arguments: mutations)
  func mutationGivesExactlyTheIntendedFinding(_ mutation: TemplateFamilyFixtureTests.Mutation) throws {
    try TemplateFamilyFixtureTests().mutationGivesExactlyTheIntendedFinding(mutation)
  }
}
