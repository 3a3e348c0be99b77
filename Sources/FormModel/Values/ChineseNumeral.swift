import Foundation

/// Chinese numerals, common (`一百二十`, `两万`, `二〇二一`) and financial (`壹拾肆`, `贰佰`).
public enum ChineseNumeral {
  /// The value of `text` when the whole of it (trimmed) is one numeral: `一百二十万` = 1200000.
  public static func value(of text: String) -> ExactDecimal? {
    let scalars = ScalarText(text)
    let cell = scalars.trimmed
    guard let token = read(scalars, at: cell.lowerBound), token.end == cell.upperBound else { return nil }
    return token.value
  }

  /// A numeral found in a `ScalarText`.
  struct Token {
    var value: ExactDecimal
    var start: Int
    var end: Int
    /// 10⁴ or 10⁸ when the numeral ends in 万 or 亿: that character then doubles as the unit (`一百万元` is 100 万元).
    var trailingLargeUnit: ExactDecimal?
    /// A lone `一`, which in prose is mostly an article (`一种`, `统一部署`) rather than a count.
    var isLoneOne: Bool
  }

  /// The value of a numeral digit, including 零 〇 两 and the financial forms.
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "零", "〇": return 0
    case "一", "壹": return 1
    case "二", "两", "兩", "贰", "貳": return 2
    case "三", "叁", "參": return 3
    case "四", "肆": return 4
    case "五", "伍": return 5
    case "六", "陆", "陸": return 6
    case "七", "柒": return 7
    case "八", "捌": return 8
    case "九", "玖": return 9
    default: return nil
    }
  }

  /// The power of ten a numeral unit character stands for.
  static func multiplier(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "十", "拾": return 10
    case "百", "佰": return 100
    case "千", "仟": return 1000
    case "万", "萬": return 10_000
    case "亿", "億": return 100_000_000
    default: return nil
    }
  }

  static func isNumeralScalar(_ scalar: Unicode.Scalar) -> Bool { digit(scalar) != nil || multiplier(scalar) != nil }

  /// Whether a numeral run starts at `index` (not in the middle of one).
  static func startsNumeral(_ text: ScalarText, at index: Int) -> Bool {
    isNumeralScalar(text[index]) && !isNumeralScalar(text[index - 1])
  }

  /// Reads the numeral run starting at `index`; nil when it is no well-formed number.
  static func read(_ text: ScalarText, at index: Int) -> Token? {
    let first = text[index]
    // A run must start with a digit or 十 (`十二`): `万元` and `千元` alone are units, not numbers.
    guard digit(first) != nil || first == "十" || first == "拾" else { return nil }
    var end = index
    var hasMultiplier = false
    while isNumeralScalar(text[end]) {
      if multiplier(text[end]) != nil { hasMultiplier = true }
      end += 1
    }
    var hundredMillions: ExactDecimal = 0
    var tenThousands: ExactDecimal = 0
    var section = 0
    var pending = 0
    var previousWasNonZeroDigit = false
    for position in index..<end {
      let scalar = text[position]
      if let value = digit(scalar) {
        // `十三五` is a name, not a number: consecutive digits are positional only in a run without units (`二〇二一`).
        if previousWasNonZeroDigit && hasMultiplier { return nil }
        pending = pending * 10 + value
        previousWasNonZeroDigit = value != 0
        continue
      }
      previousWasNonZeroDigit = false
      switch multiplier(scalar)! {
      case 100_000_000:
        hundredMillions += (tenThousands + ExactDecimal(section + pending)) * 100_000_000
        tenThousands = 0
        section = 0
      case 10_000:
        tenThousands += ExactDecimal(section + pending) * 10_000
        section = 0
      case let small:
        section += (pending == 0 ? 1 : pending) * small
      }
      pending = 0
    }
    let last = text[end - 1]
    let trailing: ExactDecimal? = multiplier(last).flatMap { $0 >= 10_000 ? ExactDecimal($0) : nil }
    return Token(
      value: hundredMillions + tenThousands + ExactDecimal(section + pending), start: index, end: end,
      trailingLargeUnit: trailing, isLoneOne: end - index == 1 && digit(first) == 1)
  }
}
