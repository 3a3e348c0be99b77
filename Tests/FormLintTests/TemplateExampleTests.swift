import FormLint
import FormModel
import FormSyntax
import FormTestSupport
import Testing

/// The ten schematic examples of research/templates.md §5 (copied to Tests/Fixtures/templates/E*.txt, `→` as
/// TAB): every title, year and header field is found, every indicator row is read with its category, and none
/// of the structural findings that a misreading gives (JX101, JX603, JX106, JX107) is reported.
@Suite struct TemplateExampleTests {
  static let expected: [(file: String, template: TemplateID, year: Int?, indicators: Int)] = [
    ("E1.txt", .hunanCounty, 2022, 1), ("E2.txt", .mof2015Application, 2023, 2), ("E3.txt", .departmentSpecial, 2024, 1),
    ("E4.txt", .provincialOlder, 2017, 1), ("E5.txt", .povertyAlleviation, 2023, 1), ("E6.txt", .transferRegion, nil, 1),
    ("E7.txt", .provincialFund, 2023, 3), ("E8.txt", .cityApproval, 2024, 2), ("E9.txt", .budgetSystem, 2024, 1),
    ("E10.txt", .oneSystem2021, 2025, 2),
  ]

  static func forms(_ file: String) -> [Form] {
    let tree = SyntaxTree(parsing: Fixtures.bytes(named: "templates/" + file))
    return tree.nodes.filter(\.isForm).map { Form(node: $0) }
  }

  @Test(arguments: expected.map(\.file))
  func readsTitleYearFieldsAndIndicators(_ file: String) throws {
    let entry = try #require(Self.expected.first { $0.file == file })
    let forms = Self.forms(file)
    try #require(forms.count == 1, "one form in \(file)")
    let form = forms[0]
    #expect(form.title != nil)
    #expect(form.template.id == entry.template)
    #expect(form.year == entry.year)
    for field in form.template.requiredFields {
      #expect(form.hasValue(meeting: field), "\(file): \(field) read")
    }
    #expect(form.budgetValue.map { AmountScanner.parseCellAmount($0.text, tableUnit: .wanYuan) != nil } == true, "\(file) budget")
    #expect(form.indicators.count == entry.indicators, "\(file) indicator readings")
    for row in form.indicators {
      #expect(row.level1.canonical != nil && row.level2.canonical != nil, "\(file) row \(row.rowIndex) has its category")
      #expect(!(row.name?.isBlank ?? true) && !(row.value?.isBlank ?? true), "\(file) row \(row.rowIndex) name and value")
    }
    #expect(form.malformedRows.isEmpty)
  }

  @Test(arguments: expected.map(\.file))
  func noStructuralFindings(_ file: String) {
    let tree = SyntaxTree(parsing: Fixtures.bytes(named: "templates/" + file))
    let codes = Linter().lint(tree).map(\.code)
    #expect(codes.filter { ["JX101", "JX603", "JX106", "JX107"].contains($0) } == [], "\(file)")
  }
}
