import FormModel

/// A cell the dates rules read, with how messages name it.
struct DatedCell {
  let cell: CellText
  let place: LocalizedText

  /// The UTF-8 text of `range` (relative to the cell's text).
  func text(_ range: Range<Int>) -> String {
    String(decoding: Array(cell.text.utf8)[range], as: UTF8.self)
  }

  /// `range` (relative to the cell's text) made relative to the form node.
  func nodeRange(_ range: Range<Int>) -> Range<Int> {
    cell.nodeRange(range)
  }
}

/// Cells of a form where the dates rules look for years and dates.
enum DatesCells {
  /// 本年度绩效目标 and every indicator row's 三级/指标值/绩效标准 (JX401's scope).
  static func yearCells(_ form: Form) -> [DatedCell] {
    // The annual goal, or the only goal (总体目标); never the 中期 goal, whose years span the period.
    let annual = HeaderField.annualGoal.satisfiedBy.lazy.compactMap { form.value($0) }.first
    let goal = annual.map {
      DatedCell(cell: $0, place: LocalizedText(zh: "本年度绩效目标", en: "the goal for the year"))
    }
    // Of a table with 中期 and 年度 value columns, only the annual readings (RULES.md "Templates").
    return [goal].compactMap { $0 } + indicatorCells(form, annualOnly: true)
  }

  /// The indicator rows' 三级, 指标值 and 绩效标准 cells (of the annual value columns only, if asked).
  static func indicatorCells(_ form: Form, annualOnly: Bool = false) -> [DatedCell] {
    form.indicators.filter { !annualOnly || $0.isAnnual }.flatMap { row -> [DatedCell] in
      let name = ValuesCells.short(row.name?.trimmed ?? "")
      let places: [(CellText?, LocalizedText)] = [
        (row.name, LocalizedText(zh: "三级指标“\(name)”", en: "the indicator name “\(name)”")),
        (row.value, LocalizedText(zh: "指标“\(name)”的指标值", en: "the value of “\(name)”")),
        (row.standard, LocalizedText(zh: "指标“\(name)”的绩效标准", en: "the standard of “\(name)”")),
      ]
      return places.compactMap { cell, place in cell.map { DatedCell(cell: $0, place: place) } }
    }
  }

  /// The header's dated fields (实施期, both goals) and the indicator cells (JX402's scope).
  static func dateCells(_ form: Form) -> [DatedCell] {
    let fields: [HeaderField] = [.implementationPeriod, .periodGoal, .annualGoal]
    let header = fields.compactMap { field in
      form.value(field).map {
        DatedCell(cell: $0, place: LocalizedText(zh: form.template.label(for: field), en: field.englishName))
      }
    }
    return header + indicatorCells(form)
  }
}
