import Foundation

/// A number written in digits, as scalar indices into a `ScalarText`.
struct NumberToken {
  var value: ExactDecimal
  var start: Int
  var end: Int
  /// How many digits the integer part has (grouping separators not counted): a year has four.
  var integerDigits: Int
  var hasFraction: Bool
}

/// Numbers written in ASCII or full-width digits, with `,` thousands separators and a decimal point.
enum ArabicNumber {
  /// The value of an ASCII or full-width digit.
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: return Int(scalar.value - 0x30)
    case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
    default: return nil
    }
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { digit(scalar) != nil }

  static func isDecimalPoint(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "．" }

  /// Whether a number starts at `index`: a digit not continuing a digit run or a decimal fraction.
  static func startsNumber(_ text: ScalarText, at index: Int) -> Bool {
    guard isDigit(text[index]) else { return false }
    let previous = text[index - 1]
    if isDigit(previous) { return false }
    if isDecimalPoint(previous) || previous == ",", isDigit(text[index - 2]) { return false }
    return true
  }

  /// Reads the number starting at `index` (which must be a digit).
  static func read(_ text: ScalarText, at index: Int) -> NumberToken? {
    guard isDigit(text[index]) else { return nil }
    var digits = DecimalDigits()
    var cursor = index
    var integerDigits = 0
    while true {
      if let value = digit(text[cursor]) {
        digits.append(value)
        integerDigits += 1
        cursor += 1
      } else if text[cursor] == ",", isThousandsGroup(text, at: cursor + 1) {
        cursor += 1
      } else {
        break
      }
    }
    var fractionDigits = 0
    if isDecimalPoint(text[cursor]), isDigit(text[cursor + 1]) {
      cursor += 1
      while let value = digit(text[cursor]) {
        digits.append(value)
        fractionDigits += 1
        cursor += 1
      }
    }
    return NumberToken(
      value: digits.value(fractionDigits: fractionDigits), start: index, end: cursor,
      integerDigits: integerDigits, hasFraction: fractionDigits > 0)
  }

  /// Reads a run of digits only (no separators, no fraction), as dates need: `2021`, `01`.
  static func readDigits(_ text: ScalarText, at index: Int) -> (value: Int, count: Int, end: Int)? {
    var value = 0
    var cursor = index
    // Nine digits are enough for any date part and keep the Int far from overflow.
    while cursor - index < 9, let digit = digit(text[cursor]) {
      value = value * 10 + digit
      cursor += 1
    }
    guard cursor > index, !isDigit(text[cursor]) else { return nil }
    return (value, cursor - index, cursor)
  }

  /// Whether exactly three digits start at `index`: only then is a preceding `,` a thousands separator.
  private static func isThousandsGroup(_ text: ScalarText, at index: Int) -> Bool {
    isDigit(text[index]) && isDigit(text[index + 1]) && isDigit(text[index + 2]) && !isDigit(text[index + 3])
  }
}
