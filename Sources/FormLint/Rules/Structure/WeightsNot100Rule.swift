import FormModel
import Foundation

/// JX111: the weights of a table with a 权重/分值 column do not add up to 100 (or to the total it states).
struct WeightsNot100Rule: Rule {
  static let description = RuleDescription(
    code: "JX111", name: "weights-not-100", severity: .error,
    summary: LocalizedText(
      zh: "有权重／分值列的指标表，各指标权重合计不等于 100（或表中写明的总分）；权重不是数字的，在该单元格报告",
      en: "A table with a 权重/分值 column whose weights do not add up to 100 (or to the total it states); a weight that is not a number is reported at its cell"),
    rationale: LocalizedText(
      zh: "权重决定绩效自评和评价时每个指标的分值，合计不是 100 分（或表头写明的总分），评分就无法折算；这类错误多出自删改指标后忘了调整分值。",
      en: "Weights set how many points each indicator is worth when the project is evaluated; when they do not add up to 100 (or the total the heading states), scores cannot be computed. It usually happens when indicators are edited and the weights are not."),
    triggering: [
      TemplateExamples.export(weightHeading: "↓分值").replacingFirst("\t20\n\t\n\n\t\n\t\n\t质量指标", with: "\t25\n\t\n\n\t\n\t\n\t质量指标"),
      TemplateExamples.export(heading: "绩效指标(权重分值90分)", weightHeading: "↓分值"),
      TemplateExamples.export().replacingFirst("\t10\n\t\n\n\t\n\t\n\t成本指标", with: "\t↓十分\n\t\n\n\t\n\t\n\t成本指标"),
    ],
    nonTriggering: [
      TemplateExamples.export(),
      TemplateExamples.export(heading: "绩效指标"),
      // No weight column: nothing to add up.
      StructureExamples.form(),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    let node = context.node
    guard let headerRow = form.indicatorHeaderRow else { return [] }
    let headings = node.cells(of: node.rows[headerRow]).map { node.text(ofCell: $0) }
    guard let weightColumn = headings.firstIndex(where: { IndicatorHeadings.role(of: $0) == .weight }) else { return [] }
    let headingCell = node.cells(of: node.rows[headerRow]).dropFirst(weightColumn).first!
    var findings: [Diagnostic] = []
    var total = ExactDecimal(0)
    var seen = Set<Int>()
    for row in form.indicators where row.valueColumn == 0 && seen.insert(row.rowIndex).inserted {
      guard let cell = row.weight, !cell.isBlank else { continue }
      guard let weight = Self.number(cell.trimmed) else {
        findings.append(
          diagnostic(
            LocalizedText(zh: "权重“\(cell.trimmed)”不是数字", en: "The weight “\(cell.trimmed)” is not a number"), at: cell.trimmedRange))
        continue
      }
      total += weight
    }
    guard findings.isEmpty, !seen.isEmpty else { return findings }
    let stated = headings.lazy.compactMap(Self.statedTotal).first ?? 100
    guard total != stated else { return [] }
    let range = node.contentRange(ofCell: headingCell)
    return [
      diagnostic(
        LocalizedText(
          zh: "各指标权重合计 \(total)，不等于\(stated == 100 ? "" : "表头写明的")总分 \(stated)",
          en: "The weights add up to \(total), not to the total of \(stated)\(stated == 100 ? "" : " the heading states")"),
        at: range)
    ]
  }

  /// A plain number (`20`, `7.5`, `10分`), or nil.
  static func number(_ text: String) -> ExactDecimal? {
    var digits = text
    if digits.hasSuffix("分") { digits.removeLast() }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
    return ExactDecimal(digits)
  }

  /// The total a heading states: the number after 权重/分值 (`绩效指标(权重分值90分,其中产出指标权重分值50分)` → 90).
  static func statedTotal(_ heading: String) -> ExactDecimal? {
    let text = TextClean.squeezed(heading)
    guard let word = ["权重分值", "分值", "权重"].lazy.compactMap({ text.range(of: $0) }).first else { return nil }
    let digits = text[word.upperBound...].prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    return digits.isEmpty ? nil : Self.number(String(digits))
  }
}
