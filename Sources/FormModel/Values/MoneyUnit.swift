import Foundation

/// A unit money is written in, from 元 up to 亿元.
public enum MoneyUnit: String, Sendable, Equatable, Hashable, CaseIterable {
  case yuan = "元"
  case qianYuan = "千元"
  case wanYuan = "万元"
  case yiYuan = "亿元"

  /// How many 元 one of this unit is.
  public var factor: ExactDecimal {
    switch self {
    case .yuan: return 1
    case .qianYuan: return 1_000
    case .wanYuan: return 10_000
    case .yiYuan: return 100_000_000
    }
  }

  /// The canonical spelling: `元`, `千元`, `万元`, `亿元`.
  public var symbol: String { rawValue }

  /// The unit a label spells (`万元`, `万`, `萬元`, `亿`, `千元`, `元`; surrounding whitespace ignored), as in `单位：万元`.
  public init?(symbol: String) {
    switch TextTrim.trimmed(symbol) {
    case "元": self = .yuan
    case "千元": self = .qianYuan
    case "万元", "万", "萬元", "萬": self = .wanYuan
    case "亿元", "亿", "億元", "億": self = .yiYuan
    default: return nil
    }
  }

  /// The power of ten `factor` is.
  public var decimalPlaces: Int {
    switch self {
    case .yuan: return 0
    case .qianYuan: return 3
    case .wanYuan: return 4
    case .yiYuan: return 8
    }
  }

  /// `yuan` (a sum in 元) written in this unit without trailing zeros: `20万元`, `4.5万元`.
  public func format(yuan: ExactDecimal) -> String {
    yuan.shifted(by: -decimalPlaces).description + symbol
  }
}
