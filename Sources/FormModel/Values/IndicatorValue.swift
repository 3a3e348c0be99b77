import Foundation

/// What a 指标值 cell holds, judged on the whole trimmed cell: the input of JX103/JX104/JX201–JX206.
public enum IndicatorValue: Sendable, Equatable {
  /// Nothing but whitespace (U+3000 included).
  case empty
  /// `/`, `／`, `无`, `—`, `——`, `-`, `－`: not applicable.
  case notApplicable
  /// `98%`, `≥90%`, `90%以上`.
  case percentage(Percentage)
  /// Money with a written unit: `≤250万元`, `14万`.
  case amount(Amount)
  /// A number with a measure word: `10场次以上`, `2次以上`.
  case count(CountValue)
  /// A date, period, deadline or duration: `2021.1-12`, `2021年12月底前`, `5个工作日内`, `180天`.
  case time(DateValue)
  /// A number without unit (`0`, `180`, also `≥90`): JX206; in a money cell it is an amount in the table unit.
  case bareNumber(ExactDecimal)
  /// Anything else: prose or a qualitative value (`满意`, `群众满意度90%以上`).
  case text

  private static let notApplicableTexts: [Substring] = ["/", "／", "无", "—", "——", "-", "－"]

  /// Classifies `text`; payload ranges are UTF-8 offsets into `text` itself (untrimmed). A duration in days or hours
  /// (`180天`) is `.time`; call `CountValue.parseCell` where a count of days is wanted.
  public static func classify(_ text: String, tableUnit: MoneyUnit) -> IndicatorValue {
    let trimmed = TextTrim.trimmed(text)
    if trimmed.isEmpty { return .empty }
    // The longest of them is 6 bytes; the length test spares a Unicode string comparison for every other cell.
    if trimmed.utf8.count <= 6, notApplicableTexts.contains(trimmed) { return .notApplicable }
    let scalars = ScalarText(text)
    if scalars.valueCell == nil { return .text }
    if let percentage = Percentage.parseCell(scalars) { return .percentage(percentage) }
    if let amount = AmountScanner.cellAmount(scalars, tableUnit: tableUnit) {
      if amount.unitIsWritten { return .amount(amount) }
      // `17/人` has no unit but is no bare number either: it says per what.
      if amount.role != .unitPrice { return .bareNumber(amount.amountIn(unit: tableUnit)) }
    }
    if let time = DateValue.parseCell(scalars) { return .time(time) }
    if let count = CountValue.parseCell(scalars) { return .count(count) }
    return .text
  }
}
