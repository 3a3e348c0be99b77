import FormLint
import FormModel
import FormSyntax
import Foundation
import LSP

extension Server {
  func hover(_ params: HoverParams) throws -> Hover? {
    let document = try document(params.textDocument.uri)
    let mapping = document.mapping(session.unit)
    let offset = mapping.offset(params.position)
    let language = document.language
    var sections: [String] = []
    var range: Range<Int>?
    if let location = document.locate(offset), let cell = location.cell {
      let cellRange = location.absolute(cell.trimmedRange)
      if cell.cellIndex == location.form.value(.budget)?.cellIndex {
        sections.append(budgetHover(CostAnalysis(form: location.form), language: language))
        range = cellRange
      } else if let amount = amount(in: cell, at: location.local, form: location.form) {
        sections.append(amountHover(amount, language: language))
        range = location.absolute(cell.nodeRange(amount.range))
      } else if let (row, level) = location.categoryCell {
        sections.append(categoryHover(row, level: level, profile: location.form.profile, language: language))
        range = cellRange
      }
    }
    for code in Set(document.findings.filter { $0.range.contains(offset) || $0.range.upperBound == offset }.map(\.code))
      .sorted()
    {
      guard let rule = RuleRegistry.rule(named: code)?.description else { continue }
      sections.append(
        "**\(rule.code)** `\(rule.name)`: \(rule.summary.text(language))\n\n\(rule.rationale.text(language))")
    }
    guard !sections.isEmpty else { return nil }
    let markdown = session.params.supportsMarkdownHover || session.params.capabilities["textDocument"]?["hover"] == nil
    return Hover(
      contents: MarkupContent(
        kind: markdown ? .markdown : .plaintext, value: sections.joined(separator: "\n\n---\n\n")),
      range: range.map(mapping.range))
  }

  /// The amount of money under the cursor in a cell.
  private func amount(in cell: LocatedCell, at local: Int, form: Form) -> Amount? {
    let inCell = cell.map.textOffset(ofNodeOffset: local)
    let unit: MoneyUnit = form.unit == .yuan ? .yuan : .wanYuan
    return AmountScanner.amounts(in: cell.text, tableUnit: unit).first {
      $0.range.lowerBound <= inCell && inCell <= $0.range.upperBound
    }
  }

  private func amountHover(_ amount: Amount, language: Language) -> String {
    let wan = amount.formatted(in: .wanYuan)
    let yuan = amount.formatted(in: .yuan)
    let written =
      amount.unitIsWritten
      ? "" : (LocalizedText(zh: "（未写单位，按表格单位计）", en: " (no unit written: the table's unit)").text(language))
    return LocalizedText(zh: "金额：**\(wan)** = \(yuan)\(written)", en: "Amount: **\(wan)** = \(yuan)\(written)").text(
      language)
  }

  private func budgetHover(_ cost: CostAnalysis, language: Language) -> String {
    var lines: [String] = []
    if let budget = cost.budget {
      let superior =
        cost.superiorFunds.map {
          LocalizedText(
            zh: "，上级资金 \($0.formatted(in: cost.tableUnit))", en: ", plus \($0.formatted(in: cost.tableUnit)) from above"
          )
          .text(language)
        } ?? ""
      lines.append(
        LocalizedText(
          zh: "年度本级预算金额：**\(budget.formatted(in: cost.tableUnit))**（\(budget.formatted(in: .yuan))）\(superior)",
          en: "Annual budget: **\(budget.formatted(in: cost.tableUnit))** (\(budget.formatted(in: .yuan)))\(superior)"
        ).text(language))
    } else {
      lines.append(
        LocalizedText(zh: "年度本级预算金额不是可读的金额。", en: "The annual budget is not a readable amount.").text(language))
    }
    guard !cost.allItems.isEmpty else {
      lines.append(LocalizedText(zh: "成本指标未列出金额。", en: "The cost rows itemise no amounts.").text(language))
      return lines.joined(separator: "\n\n")
    }
    lines.append(LocalizedText(zh: "成本指标所列金额：", en: "Itemised under 成本指标:").text(language))
    lines.append(
      cost.allItems.map { "- \($0.label.isEmpty ? "" : $0.label + " ")\($0.amount.formatted(in: cost.tableUnit))" }
        .joined(separator: "\n"))
    let total = cost.tableUnit.format(yuan: cost.itemisedTotal)
    if let available = cost.available {
      let difference = cost.tableUnit.format(yuan: abs(cost.itemisedTotal - available))
      if cost.itemisedTotal > available {
        lines.append(
          LocalizedText(
            zh: "合计 **\(total)**，超出预算 \(difference)。", en: "Total **\(total)**: \(difference) more than the budget."
          ).text(language))
      } else if cost.itemisedTotal == available {
        lines.append(
          LocalizedText(zh: "合计 **\(total)**，与预算一致。", en: "Total **\(total)**: matches the budget.").text(language))
      } else {
        lines.append(
          LocalizedText(
            zh: "合计 **\(total)**，比预算少 \(difference)。", en: "Total **\(total)**: \(difference) less than the budget."
          ).text(language))
      }
    } else {
      lines.append(LocalizedText(zh: "合计 **\(total)**。", en: "Total **\(total)**.").text(language))
    }
    return lines.joined(separator: "\n\n")
  }

  private func categoryHover(_ row: IndicatorRow, level: Int, profile: Profile, language: Language) -> String {
    let label = level == 1 ? row.level1 : row.level2
    var lines: [String] = []
    if level == 1 {
      let expected = profile.level1Names.map { $0 + "指标" }.joined(separator: "、")
      lines.append(
        LocalizedText(
          zh: "一级指标（\(profile.id.rawValue)）：\(expected)", en: "Level-1 categories (\(profile.id.rawValue)): \(expected)"
        ).text(language))
      if let canonical = label.canonical,
        let children = profile.categories.first(where: { $0.level1 == canonical })?.level2
      {
        let names = children.map { $0 + "指标" }.joined(separator: "、")
        lines.append(
          LocalizedText(zh: "「\(canonical)」下的二级指标：\(names)", en: "Level-2 categories under \(canonical): \(names)")
            .text(language))
      }
    } else {
      let parent = row.level1.canonical ?? label.canonical.flatMap(profile.parent(ofLevel2:))
      let siblings = profile.categories.first { $0.level1 == parent }?.level2 ?? profile.level2Names
      let under = LocalizedText(zh: parent.map { "，\($0)" } ?? "", en: parent.map { ", under \($0)" } ?? "")
      lines.append(
        LocalizedText(
          zh: "二级指标（\(profile.id.rawValue)\(under.zh)）：\(siblings.map { $0 + "指标" }.joined(separator: "、"))",
          en: "Level-2 categories (\(profile.id.rawValue)\(under.en)): \(siblings.joined(separator: ", "))"
        ).text(language))
      if let canonical = label.canonical {
        if profile.required.contains(canonical) {
          lines.append(
            LocalizedText(zh: "「\(canonical)」是必填的二级指标。", en: "\(canonical) is a required level-2 category.").text(
              language))
        } else if profile.requiredOneOf.contains(where: { $0.contains(canonical) }) {
          lines.append(
            LocalizedText(zh: "效益类二级指标至少填一项。", en: "At least one benefit category must be filled.").text(language))
        }
      }
    }
    if label.canonical == nil {
      lines.append(
        LocalizedText(
          zh: "「\(TextClean.trimmed(label.text))」不是本模板的指标类别。",
          en: "\(TextClean.trimmed(label.text)) is not a category of this profile."
        ).text(language))
    }
    return lines.joined(separator: "\n\n")
  }
}
