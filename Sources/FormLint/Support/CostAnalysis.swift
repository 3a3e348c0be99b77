import FormModel
import Foundation

/// The money side of a form: budget, cost rows and what they itemise. Shared by the 3xx rules and by the
/// server's budget hover and inlay hint, so that all of them read the same items.
public struct CostAnalysis {
  /// An itemised amount and what it pays for.
  public struct Item {
    /// The amount.
    public let amount: Amount
    /// Byte range of the amount text, relative to the form's node.
    public let range: Range<Int>
    /// The cell's text and where the label may start in it (the end of the amount before), for `label`.
    let text: String
    let labelStart: Int

    /// Text before the amount in its clause (`普法经费`); read when a message or a hover shows it.
    public var label: String { CostAnalysis.label(in: text, from: labelStart, to: amount.range.lowerBound) }
  }

  let form: Form
  /// The unit amounts are shown in (the table's).
  public let tableUnit: MoneyUnit
  /// The budget cell and its amount, when the budget is a readable amount.
  let budgetCell: CellText?
  /// The budget (年度本级预算金额), when it is a readable amount.
  public let budget: Amount?
  /// 上级资金, when it is an amount.
  public let superiorFunds: Amount?
  /// Indicator rows under 成本 (a 二级 in hunan-2021/mof-2015, a 一级 in mof-2021).
  public let costRows: [IndicatorRow]
  /// Items per cost row (in 绩效标准, or in the 三级 name where 绩效标准 lists none).
  let items: [(row: IndicatorRow, cell: CellText, items: [Item])]

  /// Reads a form's budget and cost rows.
  public init(form: Form) {
    self.init(form: form) { AmountScanner.amounts(in: $0.text, tableUnit: form.unit.moneyUnit) }
  }

  /// Reads a form's budget and cost rows, with the amounts of a cell (in the table unit) from `amounts`.
  init(form: Form, amounts: (CellText) -> [Amount]) {
    self.form = form
    tableUnit = form.unit.moneyUnit
    budgetCell = form.budgetValue
    budget = budgetCell.flatMap { CostAnalysis.budgetAmount($0.text, tableUnit: form.unit.moneyUnit) }
    superiorFunds = form.value(.superiorFunds).flatMap {
      AmountScanner.parseCellAmount($0.text, tableUnit: form.unit.moneyUnit)
    }
    costRows = form.indicators.filter { CostAnalysis.isCostRow($0) }
    var items: [(IndicatorRow, CellText, [Item])] = []
    for row in costRows {
      for cell in [row.standard, row.name].compactMap({ $0 }) {
        let found = CostAnalysis.items(in: cell, amounts: amounts(cell))
        if !found.isEmpty {
          items.append((row, cell, found))
          break
        }
      }
    }
    self.items = items
  }

  /// Whether an indicator row is a cost row in any profile.
  static func isCostRow(_ row: IndicatorRow) -> Bool {
    row.role == .cost
  }

  /// The itemised amounts of a cell (of its `amounts`): items and stated totals, not unit prices, caps or parts of a total.
  static func items(in cell: CellText, amounts: [Amount]) -> [Item] {
    var previousEnd = 0
    return amounts.compactMap { amount in
      defer { previousEnd = max(previousEnd, amount.range.upperBound) }
      guard case .item = amount.role else { return nil }
      return Item(amount: amount, range: cell.nodeRange(amount.range), text: cell.text, labelStart: previousEnd)
    }
  }

  /// What an amount pays for: the words between the previous amount (or clause break) and it, without
  /// separators and enumeration markers (`；2、`). On the bytes of the (decoded) piece: every break, separator and
  /// digit is one scalar, and the scalars are what the original `unicodeScalars` reading compared.
  static func label(in text: String, from start: Int, to end: Int) -> String {
    guard start < end else { return "" }
    let piece = TextClean.withBytes(text) { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    return TextClean.withBytes(piece) { bytes in
      var from = 0
      var index = bytes.count
      while index > 0 {
        index -= 1
        guard bytes[index] & 0xC0 != 0x80 else { continue }
        if let width = scalarWidth(in: labelBreaks, bytes, at: index) {
          from = index + width
          break
        }
      }
      while from < bytes.count, bytes[from] >= 0x30 && bytes[from] <= 0x39 || scalarWidth(in: labelSeparators, bytes, at: from) != nil {
        from += TextClean.scalarWidth(lead: bytes[from])
      }
      return TextClean.trimmed(String(decoding: UnsafeBufferPointer(rebasing: bytes[from...]), as: UTF8.self))
    }
  }

  /// Clause breaks and separators before a label, as UTF-8 (one scalar each).
  static let labelBreaks = "，,；;。\n\r".unicodeScalars.map { Array(String($0).utf8) }
  static let labelSeparators = "、，,；;。：:（）()．. \t\u{3000}".unicodeScalars.map { Array(String($0).utf8) }

  /// The UTF-8 length of the scalar at `index` when it is one of `scalars`.
  private static func scalarWidth(in scalars: [[UInt8]], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    for scalar in scalars where index + scalar.count <= bytes.count {
      if scalar.indices.allSatisfy({ bytes[index + $0] == scalar[$0] }) { return scalar.count }
    }
    return nil
  }

  /// Every itemised amount, in order.
  public var allItems: [Item] { items.flatMap(\.items) }

  /// Sum of all items, in 元.
  public var itemisedTotal: ExactDecimal { items.flatMap(\.items).reduce(ExactDecimal(0)) { $0 + $1.amount.value } }

  /// Budget plus numeric 上级资金, in 元.
  public var available: ExactDecimal? { budget.map { $0.value + (superiorFunds?.value ?? 0) } }

  /// `yuan` written in the table unit (`20万元`).
  func formatted(_ yuan: ExactDecimal) -> String { tableUnit.format(yuan: yuan) }

  /// What the itemised total is compared with, for messages: the budget, or the budget plus numeric 上级资金.
  var budgetLabel: LocalizedText? {
    guard let budget, let available else { return nil }
    // The form's own label of its budget (年度本级预算金额, 年度资金总额 …), as the reader sees it.
    let label = form.entry(meeting: .budget).map { TemplateCatalog.normalizedLabel($0.label.text).label } ?? ""
    guard let superior = superiorFunds else {
      let text = budget.formatted(in: tableUnit)
      return LocalizedText(zh: "\(label) \(text)", en: "the annual budget of \(text)")
    }
    let sum = formatted(available)
    return LocalizedText(
      zh: "\(label)与上级资金合计 \(sum)",
      en: "the annual budget plus funds from above, \(sum) (\(superior.formatted(in: tableUnit)) from above)")
  }

  /// Every item for messages: `普法经费15万元、法治创建经费5万元` / `普法经费 15万元, 法治创建经费 5万元`.
  var itemList: LocalizedText {
    let all = items.flatMap(\.items).map { (label: $0.label, amount: $0.amount.formatted(in: tableUnit)) }
    return LocalizedText(
      zh: all.map { $0.label + $0.amount }.joined(separator: "、"),
      en: all.map { $0.label.isEmpty ? $0.amount : "\($0.label) \($0.amount)" }.joined(separator: ", "))
  }

  /// The cost cells that itemise amounts, each with its row's total: related information of JX301/JX302.
  var itemLocations: [RelatedLocation] {
    items.map { entry in
      let rowTotal = formatted(entry.items.reduce(ExactDecimal(0)) { $0 + $1.amount.value })
      return RelatedLocation(
        message: LocalizedText(zh: "成本指标所列金额：\(rowTotal)", en: "Cost row itemising \(rowTotal)"),
        range: entry.cell.trimmedRange)
    }
  }

  /// The first cost value (指标值) that is itself an amount above the budget.
  /// A cost row of a table with one value column per recipient whose shares, each an amount, add up to more than
  /// the budget (`20 | 25 | 25` against 资金总额 60): the readings and their sum.
  var sharesAboveBudget: (readings: [IndicatorRow], total: ExactDecimal)? {
    guard let available else { return nil }
    var byRow: [Int: [IndicatorRow]] = [:]
    for row in costRows where row.isShare { byRow[row.rowIndex, default: []].append(row) }
    for rowIndex in byRow.keys.sorted() {
      let readings = byRow[rowIndex]!
      let amounts = readings.map { reading in
        reading.value.flatMap { AmountScanner.parseCellAmount($0.text, tableUnit: tableUnit) }
      }
      guard amounts.allSatisfy({ if case .item? = $0?.role { true } else { false } }) else { continue }
      let total = amounts.reduce(ExactDecimal(0)) { $0 + ($1?.value ?? 0) }
      if total > available { return (readings, total) }
    }
    return nil
  }

  /// The budget cell's amount; a cell that writes its breakdown after it in brackets
  /// (`854万(高标准农田建设400万元,田间道路354万元)`) states the amount before the brackets. The breakdown is never
  /// read as cost items.
  static func budgetAmount(_ text: String, tableUnit: MoneyUnit) -> Amount? {
    if let amount = AmountScanner.parseCellAmount(text, tableUnit: tableUnit) { return amount }
    let trimmed = TextClean.trimmed(text)
    guard let open = trimmed.firstIndex(where: { $0 == "(" || $0 == "（" }), open != trimmed.startIndex,
      trimmed.last == ")" || trimmed.last == "）"
    else { return nil }
    return AmountScanner.parseCellAmount(String(trimmed[..<open]), tableUnit: tableUnit)
  }

  var valueAboveBudget: (row: IndicatorRow, amount: Amount)? {
    guard let available else { return nil }
    for row in costRows {
      guard let value = row.value, let amount = AmountScanner.parseCellAmount(value.text, tableUnit: tableUnit) else { continue }
      guard amount.value > available else { continue }
      // An amount, or a floor (≥, 不低于, 以上) above the budget; a cap (≤) above it is no mismatch.
      switch amount.role {
      case .item, .cap(.greaterOrEqual), .cap(.greater): return (row, amount)
      default: continue
      }
    }
    return nil
  }
}

extension TableUnit {
  /// The money unit amounts without a unit are read in.
  public var moneyUnit: MoneyUnit { self == .yuan ? .yuan : .wanYuan }
}
