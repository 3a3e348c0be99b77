import FormLint
import FormModel
import FormSyntax
import FormTestSupport
import Testing

/// A whole clean form of every template family of research/templates.md, completed from its schematic example
/// (Tests/Fixtures/templates/F*-clean.txt: the `……` filled in, the elided categories added, names, numbers and
/// arrangements varied), gives no finding at all; each mutation of it gives exactly the finding intended. F1, F5
/// and F9 are built in code (`StructureExamples`, `TemplateExamples`; TemplateFixtureTests).
@Suite struct TemplateFamilyFixtureTests {
  static let families: [(file: String, template: TemplateID, profile: ProfileID)] = [
    ("F2-clean", .mof2015Application, .mof2015), ("F3-clean", .departmentSpecial, .hunan2021), ("F4-clean", .provincialOlder, .hunan2021),
    ("F6-clean", .transferRegion, .mof2015), ("F7-clean", .provincialFund, .hunan2021), ("F8-clean", .cityApproval, .hunan2021),
    ("F10-clean", .oneSystem2021, .mof2021),
  ]

  static func text(_ name: String) -> String {
    String(decoding: Fixtures.bytes(named: "templates/\(name).txt"), as: UTF8.self)
  }

  static func findings(_ text: String) -> [Diagnostic] { Linter().lint(SyntaxTree(parsing: text)) }

  @Test(arguments: families.map(\.file))
  func cleanFormGivesNothing(_ family: String) throws {
    let entry = try #require(Self.families.first { $0.file == family })
    let tree = SyntaxTree(parsing: Self.text(family))
    let forms = tree.nodes.filter(\.isForm).map { Form(node: $0) }
    try #require(forms.count == 1)
    #expect(forms[0].template.id == entry.template)
    #expect(forms[0].profile.id == entry.profile)
    #expect(Self.findings(Self.text(family)).map { "\($0.code) \($0.message.en)" } == [])
  }

  struct Mutation: CustomTestStringConvertible, Sendable {
    let family: String
    let what: String
    let old: String
    let new: String
    let codes: [String]
    init(_ family: String, _ what: String, _ old: String, _ new: String, _ codes: [String]) {
      (self.family, self.what, self.old, self.new, self.codes) = (family, what, old, new, codes)
    }
    var testDescription: String { "\(family): \(what)" }
  }

  static let mutations: [Mutation] = [
    Mutation("F2-clean", "a required field removed", "\t项目名称\n\t全县政务数据共享平台运维\n\n", "", ["JX101"]),
    Mutation("F2-clean", "a total broken", "\t其中：财政拨款\n\t110\n", "\t其中：财政拨款\n\t100\n", ["JX305"]),
    Mutation("F2-clean", "the 中期 total's part broken", "\t其中：财政拨款\n\t330\n", "\t其中：财政拨款\n\t300\n", ["JX305"]),
    Mutation("F2-clean", "a wrong year", "\t2023年12月底前\n", "\t2022年12月底前\n", ["JX401"]),
    Mutation("F2-clean", "a later year in the 中期 column (not annual): nothing", "\t指标1：故障修复时间\n\t≤4小时\n", "\t指标1：平台升级完成时间\n\t2025年6月底前\n", []),
    Mutation("F2-clean", "a misplaced category row", "\t\n\t满意度指标\n\t服务对象满意度指标\n", "\t\n\t\n\t服务对象满意度指标\n", ["JX106", "JX106"]),
    Mutation("F2-clean", "a cost above the budget", "\t指标1：年度运维成本\n\t≤120万元\n", "\t指标1：年度运维成本\n\t≥150万元\n", ["JX301"]),
    Mutation("F2-clean", "a required category removed", "\t\n\t\n\t时效指标\n\t指标1：故障修复时间\n\t≤4小时\n\t时效指标\n\t指标1：运维服务完成时间\n\t2023年12月底前\n\n", "", ["JX102"]),
    Mutation("F3-clean", "a required field removed", "\t项目起止时间\n\t2024.1-2024.12\n", "", ["JX101"]),
    Mutation("F3-clean", "a total broken", "\t其中：当年财政拨款\n\t48\n", "\t其中：当年财政拨款\n\t40\n", ["JX305"]),
    Mutation("F3-clean", "the project total's part broken (资金总额 beside 当年资金总额)", "\t其中：财政拨款\n\t48\n", "\t其中：财政拨款\n\t40\n", ["JX305"]),
    Mutation("F3-clean", "a wrong year", "\t每月10日前\n", "\t2023年每月10日前\n", ["JX401"]),
    Mutation("F3-clean", "a misplaced category row", "\t\n\t社会公众或服务对象满意度指标\n", "\t产出指标\n\t社会公众或服务对象满意度指标\n", ["JX106"]),
    Mutation("F3-clean", "the only total cost made prose: JX202, and JX303 on both cost rows (neither states an amount)", "\t年度补贴总额\n\t≤48万元\n", "\t年度补贴总额\n\t按实际发放\n", ["JX202", "JX303", "JX303"]),
    Mutation("F3-clean", "a vague value", "\t补贴发放准确率\n\t100%\n", "\t补贴发放准确率\n\t进一步提高\n", ["JX207"]),
    Mutation("F4-clean", "a required field removed", "\t资金总额：\n\t26\n", "", ["JX101"]),
    Mutation("F4-clean", "a total broken", "\t财政拨款：\n\t26\n", "\t财政拨款：\n\t20\n", ["JX305"]),
    Mutation("F4-clean", "a wrong year", "\t2017年11月底前\n", "\t2016年11月底前\n", ["JX401"]),
    Mutation("F4-clean", "a period outside the year", "\t项目起止时间\n\t2017年3月-2017年11月\n", "\t项目起止时间\n\t2016年3月-2016年11月\n", ["JX403"]),
    Mutation("F4-clean", "a misplaced category row", "\t\n\t\n\t服务对象满意度指标\n", "\t\n\t产出指标\n\t服务对象满意度指标\n", ["JX106"]),
    Mutation("F4-clean", "a cost above the budget", "\t物资购置成本\n\t≤26万元\n", "\t物资购置成本\n\t30万元\n", ["JX301"]),
    Mutation("F6-clean", "a required field removed", "\t资金名称\n\t示例生猪调出大县奖励资金\n\n", "", ["JX101"]),
    Mutation("F6-clean", "a total broken", "\t其中：中央补助(万元)\n\t150\n", "\t其中：中央补助(万元)\n\t120\n", ["JX305"]),
    Mutation("F6-clean", "a dated value in a form with no year", "\t奖励资金拨付完成时间\n\t月\n\t≤12\n", "\t奖励资金拨付完成时间\n\t\n\t2023年12月底前\n", ["JX603"]),
    Mutation("F6-clean", "a year added to the title: nothing", "示例奖励资金区域绩效目标表\n", "2023年示例奖励资金区域绩效目标表\n", []),
    Mutation("F6-clean", "a misplaced category row", "\t\n\t满意度指标\n\t服务对象满意度指标\n", "\t\n\t\n\t服务对象满意度指标\n", ["JX106"]),
    Mutation("F6-clean", "a unit column emptied", "\t%\n\t≥95\n", "\t\n\t≥95\n", ["JX206"]),
    Mutation("F7-clean", "a required field removed", "\t主管部门(单位)名称\n\t示例县水利局\n", "", ["JX101"]),
    Mutation("F7-clean", "a total broken", "\t其中:财政拨款\n\t60\n", "\t其中:财政拨款\n\t50\n", ["JX305"]),
    Mutation("F7-clean", "a wrong year", "\t2023年11月底前\n", "\t2022年11月底前\n", ["JX401"]),
    Mutation("F7-clean", "a cost above the budget", "\t20\n\t25\n\t15\n", "\t20\n\t65\n\t15\n", ["JX301"]),
    Mutation("F7-clean", "the villages' cost shares adding up to more than the budget", "\t20\n\t25\n\t15\n", "\t20\n\t25\n\t25\n", ["JX301"]),
    Mutation("F7-clean", "a misplaced category row", "\t\n\t\n\t社会公众或服务对象满意度指标\n", "\t\n\t产出指标\n\t社会公众或服务对象满意度指标\n", ["JX106"]),
    Mutation(
      "F7-clean", "the county satisfaction label under a 满意度指标 一级 (mof-2015): nothing", "\t\n\t\n\t社会公众或服务对象满意度指标\n",
      "\t\n\t满意度指标\n\t社会公众或服务对象满意度指标\n", []),
    Mutation("F7-clean", "a value left empty", "\t100%\n\t100%\n\t100%\n", "\t100%\n\t\n\t100%\n", ["JX103"]),
    Mutation("F8-clean", "a required field removed", "预算单位：示例市水务局\n", "", ["JX101"]),
    Mutation("F8-clean", "a wrong year", "\t2024年11月底前\n", "\t2023年11月底前\n", ["JX401"]),
    Mutation("F8-clean", "a cost above the budget", "\t年度投资\n\t≤300万元\n", "\t年度投资\n\t≥350万元\n", ["JX301"]),
    Mutation("F8-clean", "a misplaced category row", "\t\n\t\n\t社会公众或服务对象满意度指标\n\t沿线居民满意度\n", "\t\n\t预期产出指标\n\t社会公众或服务对象满意度指标\n\t沿线居民满意度\n", ["JX106", "JX106"]),
    Mutation("F8-clean", "a percentage over 100", "\t≥85%\n\t社会公众或服务对象满意度指标\n", "\t185%\n\t社会公众或服务对象满意度指标\n", ["JX205"]),
    Mutation("F10-clean", "a required field removed", "\t资金总额\n\t80\n", "", ["JX101"]),
    Mutation("F10-clean", "a cost above the budget", "\t设备采购成本\n\t80\n", "\t设备采购成本\n\t90\n", ["JX301"]),
    Mutation("F10-clean", "a wrong year", "\t2025年10月\n", "\t2024年10月\n", ["JX401"]),
    Mutation("F10-clean", "a misplaced category row", "\t满意度指标\n\t服务对象满意度指标\n", "\t\n\t服务对象满意度指标\n", ["JX106"]),
    Mutation(
      "F10-clean", "无 as the target of an outcome to be avoided: nothing", "\t设备更新期间对群众就医的影响\n\t不影响正常诊疗\n",
      "\t设备更新期间医疗安全事故\n\t无\n", []),
    Mutation("F10-clean", "a comparator left out", "\t12\n\t台\n\t≥\n", "\t12\n\t台\n\t\n", ["JX209"]),
  ]

  @Test(arguments: mutations)
  func mutationGivesExactlyTheIntendedFinding(_ mutation: Mutation) throws {
    let clean = Self.text(mutation.family)
    try #require(clean.components(separatedBy: mutation.old).count == 2, "the text to mutate occurs once")
    let mutated = clean.replacingOccurrences(of: mutation.old, with: mutation.new)
    let found = Self.findings(mutated)
    #expect(found.map(\.code).sorted() == mutation.codes.sorted(), "\(found.map { "\($0.code) \($0.message.en)" })")
  }

  @Test func aRemovedFieldIsNamedAsTheFamilySpellsIt() {
    let labels = [
      "F2-clean": "项目名称", "F3-clean": "项目起止时间", "F4-clean": "资金总额", "F6-clean": "资金名称", "F7-clean": "主管部门(单位)名称",
      "F8-clean": "预算单位", "F10-clean": "资金总额",
    ]
    let removals = Self.mutations.filter { $0.codes == ["JX101"] }
    #expect(Set(removals.map(\.family)) == Set(labels.keys))
    for mutation in removals {
      let messages = Self.findings(Self.text(mutation.family).replacingOccurrences(of: mutation.old, with: mutation.new)).map(\.message.zh)
      #expect(messages.count == 1 && messages[0].contains("“\(labels[mutation.family]!)”"), "\(mutation.family): \(messages)")
    }
  }
}
