import FormModel

/// JX109: 填表人 / 联系电话 / 填报日期 left blank on the signature line.
struct SignatureBlockEmptyRule: Rule {
  static let description = RuleDescription(
    code: "JX109", name: "signature-block-empty", severity: .information,
    summary: LocalizedText(zh: "填表人、联系电话或填报日期未填写", en: "填表人 / 联系电话 / 填报日期 left blank"),
    rationale: LocalizedText(
      zh: "财政局审核绩效目标（财预〔2015〕88号）时若有疑问需要联系填表人；没有填表人、电话和日期，退回修改和追溯版本都无从下手。",
      en: "When the finance bureau reviews the targets (财预〔2015〕88号) and has questions, it contacts whoever filled the form; without a name, a phone number and a date there is nobody to send it back to and no telling which version this is."),
    triggering: [
      StructureExamples.form(signature: "↓填表人：          联系电话：          填报日期：           单位负责人签字："),
      StructureExamples.form(signature: "↓填表人：张三          联系电话：          填报日期：2021年1月5日"),
      StructureExamples.form(signature: "↓填表人：张三 联系电话：0735-1234567 填报日期："),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // 单位负责人签字 is signed by hand on paper: blank in the electronic copy is normal.
      StructureExamples.form(signature: "填表人：张三   联系电话：0735-1234567   填报日期：2021年1月5日   单位负责人签字："),
    ])

  /// The fields the filer types in (the unit head signs by hand).
  static let fields = ["填表人", "联系电话", "填报日期"]

  func check(form context: FormContext) -> [Diagnostic] {
    guard let signature = context.form.signature else { return [] }
    let blank = signature.fields.filter { SignatureBlockEmptyRule.fields.contains($0.label) && $0.value.isEmpty }.map(\.label)
    guard !blank.isEmpty else { return [] }
    let english = ["填表人": "filer", "联系电话": "phone", "填报日期": "date"]
    let message = LocalizedText(
      zh: "签字栏未填写：\(blank.joined(separator: "、"))",
      en: "Signature line left blank: \(blank.map { "\($0) (\(english[$0] ?? $0))" }.joined(separator: ", "))")
    return [diagnostic(message, at: signature.range)]
  }
}
