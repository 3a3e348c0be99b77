import FormModel

/// A cell the dates rules read, with how messages name it.
struct DatedCell {
  /// What the cell is, for its place in messages (named when a finding needs it, not for every cell).
  enum Role {
    case header(HeaderField, label: String)
    case annualGoal
    case indicatorName(CellText?)
    case indicatorValue(CellText?)
    case indicatorStandard(CellText?)
  }

  let cell: CellText
  let role: Role

  /// How messages name the cell.
  var place: LocalizedText {
    switch role {
    case .header(let field, let label): return LocalizedText(zh: label, en: field.englishName)
    case .annualGoal: return LocalizedText(zh: "本年度绩效目标", en: "the goal for the year")
    case .indicatorName(let name):
      let name = Self.shortName(name)
      return LocalizedText(zh: "三级指标“\(name)”", en: "the indicator name “\(name)”")
    case .indicatorValue(let name):
      let name = Self.shortName(name)
      return LocalizedText(zh: "指标“\(name)”的指标值", en: "the value of “\(name)”")
    case .indicatorStandard(let name):
      let name = Self.shortName(name)
      return LocalizedText(zh: "指标“\(name)”的绩效标准", en: "the standard of “\(name)”")
    }
  }

  private static func shortName(_ name: CellText?) -> String { ValuesCells.short(name?.trimmed ?? "") }

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
  /// (Only the cells `keep` accepts: a rule that reads nothing in a cell without four digits passes that test, so
  /// that the list is not built and copied for every cell.)
  static func yearCells(_ form: Form, where keep: (CellText) -> Bool = { _ in true }) -> [DatedCell] {
    // The annual goal, or the only goal (总体目标); never the 中期 goal, whose years span the period.
    let annual = HeaderField.annualGoal.satisfiedBy.lazy.compactMap { form.value($0) }.first
    let goal = annual.flatMap { keep($0) ? DatedCell(cell: $0, role: .annualGoal) : nil }
    // Of a table with 中期 and 年度 value columns, only the annual readings (RULES.md "Templates").
    return [goal].compactMap { $0 } + indicatorCells(form, annualOnly: true, where: keep)
  }

  /// The indicator rows' 三级, 指标值 and 绩效标准 cells (of the annual value columns only, if asked) that `keep`
  /// accepts.
  static func indicatorCells(_ form: Form, annualOnly: Bool = false, where keep: (CellText) -> Bool = { _ in true }) -> [DatedCell] {
    var cells: [DatedCell] = []
    for row in form.indicators where !annualOnly || row.isAnnual {
      let name = row.name
      if let name, keep(name) { cells.append(DatedCell(cell: name, role: .indicatorName(name))) }
      if let value = row.value, keep(value) { cells.append(DatedCell(cell: value, role: .indicatorValue(name))) }
      if let standard = row.standard, keep(standard) { cells.append(DatedCell(cell: standard, role: .indicatorStandard(name))) }
    }
    return cells
  }

  /// The header's dated fields (实施期, both goals) and the indicator cells (JX402's scope) that `keep` accepts.
  static func dateCells(_ form: Form, where keep: (CellText) -> Bool = { _ in true }) -> [DatedCell] {
    let fields: [HeaderField] = [.implementationPeriod, .periodGoal, .annualGoal]
    let header = fields.compactMap { field in
      form.value(field).flatMap { keep($0) ? DatedCell(cell: $0, role: .header(field, label: form.template.label(for: field))) : nil }
    }
    return header + indicatorCells(form, where: keep)
  }

  /// Whether `text` may hold a date, period or deadline (`DateParser`): each starts with a year or a compact
  /// period, four to eight digits in a row (ASCII or full-width), or is read from a month written with the scalar
  /// 月 (`12月31日前`, `1-12月`). Durations (`5个工作日`) need neither, and the dates rules never read them.
  static func mayHoldDates(_ text: String) -> Bool { hasDigitRun(text, orMonth: true) }

  /// Whether `text` holds four digits in a row (ASCII or full-width), as every `YearMention` does.
  static func hasYearDigits(_ text: String) -> Bool { hasDigitRun(text, orMonth: false) }

  /// Whether `text` holds four digits in a row (ASCII or full-width), or, if asked, the scalar 月 (E6 9C 88).
  private static func hasDigitRun(_ text: String, orMonth: Bool) -> Bool {
    TextClean.withBytes(text) { bytes in
      var (index, run) = (0, 0)
      while index < bytes.count {
        let byte = bytes[index]
        if byte >= 0x30 && byte <= 0x39 {
          run += 1
          index += 1
        } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 {
          run += 1
          index += 3
        } else if orMonth, byte == 0xE6, index + 2 < bytes.count, bytes[index + 1] == 0x9C, bytes[index + 2] == 0x88 {
          return true
        } else {
          run = 0
          index += 1
        }
        if run == 4 { return true }
      }
      return false
    }
  }

  /// The dates, periods and deadlines in `text` (durations left out: the dates rules never read them).
  static func dates(in text: String) -> [DateValue] {
    guard mayHoldDates(text) else { return [] }
    return DateValue.scan(in: text).filter {
      if case .duration = $0.kind { return false }
      return true
    }
  }
}
