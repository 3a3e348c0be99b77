import Foundation

/// What an amount of money is doing in its text, which decides whether it is added into an itemised total.
public enum AmountRole: Sendable, Equatable, Hashable {
  /// An itemised cost: the only role that is summed.
  case item
  /// A price per unit (`17元/人·天`, `5000元/年`, `单价…`, `每人…元`): never summed.
  case unitPrice
  /// A ceiling or floor (`≤250万元`, `不超过…`, `…以内`): compared with, never added to the items.
  case cap(Comparator)
  /// A part of a stated total (`经费20万元，其中A 12万元、B 8万元`): the total already counts it.
  case breakdownPart
}

/// An amount of money found in a text, exact in 元.
public struct Amount: Sendable, Equatable {
  /// The amount in 元.
  public var value: ExactDecimal
  /// The unit as written (`14万` → `.wanYuan`), or the table unit for a bare number.
  public var unit: MoneyUnit
  /// False for a bare number that took the table unit.
  public var unitIsWritten: Bool
  /// UTF-8 range of the amount's text (comparator word and number and unit) in the text parsed.
  public var range: Range<Int>
  /// Whether the amount is an item, a unit price, a cap or part of a breakdown.
  public var role: AmountRole

  /// Makes an amount; `value` is in 元.
  public init(value: ExactDecimal, unit: MoneyUnit, unitIsWritten: Bool = true, range: Range<Int>, role: AmountRole = .item)
  {
    self.value = value
    self.unit = unit
    self.unitIsWritten = unitIsWritten
    self.range = range
    self.role = role
  }

  /// The amount expressed in `unit` (`14万元` in `.yuan` is 140000).
  public func amountIn(unit: MoneyUnit) -> ExactDecimal { value.shifted(by: -unit.decimalPlaces) }

  /// The amount written in `unit` without trailing zeros: `20万元`, `4.5万元`.
  public func formatted(in unit: MoneyUnit) -> String { unit.format(yuan: value) }

  /// The sum in 元 of the amounts whose role is `.item` (unit prices, caps and breakdown parts left out).
  public static func itemTotal(_ amounts: [Amount]) -> ExactDecimal {
    amounts.reduce(ExactDecimal(0)) { $1.role == .item ? $0 + $1.value : $0 }
  }
}
