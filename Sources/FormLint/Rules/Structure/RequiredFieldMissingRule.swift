import FormModel

/// JX101: a required header field is absent or left empty.
struct RequiredFieldMissingRule: Rule {
  static let description = RuleDescription(
    code: "JX101", name: "required-field-missing", severity: .error,
    summary: LocalizedText(
      zh: "缺少模板要求的表头项或未填写：项目名称、部门、预算、年度目标，以及模板有的实施期和实施期目标（按模板的写法称呼，见 TEMPLATES.md）",
      en: "A header field the form's template requires is absent or empty: project name, department, budget, annual goal, and the period and period goal where the template has them (named as the template spells them, see TEMPLATES.md)"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号把“完整性”列为绩效目标审核的第一项：项目名称、预算金额、实施期和绩效目标缺一不可，否则无法判断目标与预算是否相应匹配，表会被退回重报。",
      en: "财预〔2015〕88号 makes completeness (完整性) the first test of target review: without the project's name, budget, period and goals nobody can judge whether the targets match the money, and the form is sent back."),
    fixDescription: LocalizedText(
      zh: "插入缺失表头项的“名称/值”骨架（不安全：值仍需填写）", en: "Insert a label/value skeleton for the absent field (unsafe: the value still has to be written)"),
    triggering: [
      StructureExamples.form(annex: "↓附件5-1", header: StructureExamples.header(setting: "项目支出实施期", to: nil)),
      StructureExamples.form(annex: "↓附件5-2", header: StructureExamples.header(setting: "本年度绩效目标", to: "　")),
      StructureExamples.form(
        annex: nil, title: "↓↓2021年项目支出绩效目标表",
        header: StructureExamples.header(setting: "预算部门", to: nil).map { $0.filter { $0.label != "实施期绩效目标" } }
          .filter { !$0.isEmpty }),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // 上级资金 may be absent (not empty); a synonym label (项目名称) names the field.
      StructureExamples.form(
        header: StructureExamples.header(setting: "该项目支出上级资金", to: nil).map { row in
          row.map { $0.label == "项目支出名称" ? (label: "项目名称", value: $0.value) : $0 }
        }),
      StructureExamples.form(header: StructureExamples.header(setting: "年度本级预算金额", to: "0")),
      // A 扶贫 申报表 has no implementation period or period goal to ask for.
      "附表2\n绩效目标申报表\n\t项目名称\n\t茶厂扩建\n\t主管部门\n\t示例县农业农村局\n\n\t资金情况（万元）\n\t年度资金总额：\n\t200\n\n\t总体目标\n\t年度目标\n\n\t\n\t扩建茶厂一座。\n",
    ],
    corrections: [
      (
        StructureExamples.form(header: StructureExamples.header(setting: "项目支出实施期", to: nil)),
        StructureExamples.form(header: StructureExamples.header(setting: "项目支出实施期", to: ""))
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    var findings: [Diagnostic] = []
    for field in form.template.requiredFields {
      // The family's own spelling names the field in the message.
      let name = form.template.label(for: field)
      if form.hasValue(meeting: field) { continue }
      guard form.hasLabel(meeting: field) else {
        let message = LocalizedText(
          zh: "缺少必填项“\(name)”", en: "The required field “\(name)” (\(field.englishName)) is missing")
        findings.append(diagnostic(message, at: form.anchorRange, fixes: skeleton(for: field, named: name, in: form)))
        continue
      }
      let message = LocalizedText(
        zh: "必填项“\(name)”未填写", en: "The required field “\(name)” (\(field.englishName)) is empty")
      findings.append(diagnostic(message, at: form.anchorRange))
    }
    for field in form.template.nonEmptyFields {
      guard let entry = form.entry(field), entry.value?.isBlank ?? true else { continue }
      let name = form.template.label(for: field)
      let message = LocalizedText(
        zh: "“\(name)”未填写：没有时填“0”", en: "The field “\(name)” (\(field.englishName)) is empty: write 0 when there is none")
      findings.append(diagnostic(message, at: form.anchorRange))
    }
    return findings
  }

  /// A row holding the field's label and an empty value, placed before the next field in template order (or
  /// after the last header row), so the form reads in the template's order.
  private func skeleton(for field: HeaderField, named name: String, in form: Form) -> [Fix] {
    // A project of several has its fields in columns of the indicator table: no row to insert.
    guard form.projectIndex == nil else { return [] }
    let node = form.node
    let order = HeaderField.allCases
    let rank = order.firstIndex(of: field)!
    let later = form.header.first { entry in entry.field.map { order.firstIndex(of: $0)! > rank } ?? false }
    let offset: Int?
    if let later {
      offset = StructureEdits.offset(before: later.rowIndex, in: node)
    } else if let last = form.header.last {
      offset = StructureEdits.offset(after: last.rowIndex, in: node)
    } else {
      offset = nil
    }
    guard let offset else { return [] }
    let edit = StructureEdits.insertRow([name, ""], at: offset, in: node)
    return [
      Fix(
        title: LocalizedText(zh: "插入“\(name)”一行", en: "Insert a “\(name)” row"), isSafe: false,
        edits: [edit])
    ]
  }
}
