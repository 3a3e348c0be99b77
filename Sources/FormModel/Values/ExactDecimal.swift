/// A decimal number held exactly, as `significand × 10^exponent`: amounts of money, percentages, counts and weights.
///
/// Forms state money in 元, 万元 or 亿元 with a few decimals, and the rules add items and compare sums with budgets,
/// so the arithmetic must be exact in base ten (a `Double` makes `0.1 + 0.2` unequal to `0.3`). Foundation's
/// `Decimal` is exact too but slow here (its long division, compaction and string conversion were ≈ 5 % of a whole
/// check); this type is a 128-bit integer and a power of ten.
///
/// - The value is always **normalized**: the significand has no trailing decimal zeros (`1.50` is `15 × 10^-1`) and
///   zero is `0 × 10^0`, so equal values have equal representations (`==` and hashing are memberwise).
/// - **Limit**: 38 significant digits (the significand's range), as Foundation's `Decimal`. A number read or a sum
///   that needs more keeps its leading digits, the rest rounded half away from zero; a product that needs more is
///   exact to at least 18 leading digits (its operands are rounded until it fits). A form never comes near either
///   (a budget of 10^12 元 with four decimals has 16 digits), and nothing traps.
/// - Division is by powers of ten only (`shifted(by:)`), which is all unit conversion needs.
public struct ExactDecimal: Sendable, Hashable {
  /// The digits, without trailing zeros (0 for zero).
  public private(set) var significand: Int128
  /// The power of ten the significand is scaled by (0 for zero).
  public private(set) var exponent: Int

  /// `significand × 10^exponent`, normalized.
  public init(significand: Int128, exponent: Int = 0) {
    self.significand = significand
    self.exponent = exponent
    normalize()
  }

  public init(_ value: Int) { self.init(significand: Int128(value)) }

  /// Parses decimal notation: an optional sign, digits with an optional `.` and fraction, and an optional exponent
  /// (`12`, `-0.005`, `4.50`, `1e-05`). Nil for anything else (no separators, no spaces).
  public init?(_ text: String) {
    var bytes = text.utf8[...]
    let isNegative = bytes.first == UInt8(ascii: "-")
    if isNegative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    var digits = DecimalDigits()
    var fractionDigits = 0
    var seenPoint = false
    var digitCount = 0
    var scale = 0
    while let byte = bytes.first {
      if byte == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else if let digit = ExactDecimal.digit(byte) {
        digits.append(digit)
        digitCount += 1
        if seenPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        guard digitCount > 0, let power = Int(String(Substring(bytes.dropFirst()))) else { return nil }
        scale = power
        bytes = bytes[bytes.endIndex...]
        break
      } else {
        return nil
      }
      bytes = bytes.dropFirst()
    }
    guard digitCount > 0 else { return nil }
    let value = digits.value(fractionDigits: fractionDigits).shifted(by: scale)
    self = isNegative ? -value : value
  }

  /// The decimal a `Double` prints as (its shortest round-tripping digits: `85.5` is 85.5, `0.1` is 0.1).
  public init(_ value: Double) {
    self = ExactDecimal(value.description) ?? .zero
  }

  private static func digit(_ byte: UInt8) -> Int? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
  }

  public static let zero = ExactDecimal(significand: 0)

  public var isZero: Bool { significand == 0 }

  /// `self × 10^places` (negative places divide), exact.
  public func shifted(by places: Int) -> ExactDecimal {
    isZero ? self : ExactDecimal(significand: significand, exponent: exponent + places)
  }

  /// The nearest `Double`, read from the exact decimal text (correctly rounded).
  public var doubleValue: Double { Double(description) ?? 0 }

  private mutating func normalize() {
    guard significand != 0 else {
      exponent = 0
      return
    }
    while significand % 10 == 0 {
      significand /= 10
      exponent += 1
    }
  }

  /// `value / 10`, rounded half away from zero: one digit of precision given up when a result would overflow.
  fileprivate static func droppingDigit(_ value: Int128) -> Int128 {
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 10)
    if remainder >= 5 { return quotient + 1 }
    if remainder <= -5 { return quotient - 1 }
    return quotient
  }

  /// The two significands brought to one exponent (the smaller one when it fits, else digits of the value with the
  /// smaller exponent are dropped).
  private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128, exponent: Int) {
    var (low, high) = lhs.exponent <= rhs.exponent ? (lhs, rhs) : (rhs, lhs)
    var highSignificand = high.significand
    while high.exponent > low.exponent {
      let (scaled, overflow) = highSignificand.multipliedReportingOverflow(by: 10)
      if overflow { break }
      highSignificand = scaled
      high.exponent -= 1
    }
    var lowSignificand = low.significand
    while low.exponent < high.exponent {
      lowSignificand = droppingDigit(lowSignificand)
      low.exponent += 1
    }
    let ordered = lhs.exponent <= rhs.exponent ? (lowSignificand, highSignificand) : (highSignificand, lowSignificand)
    return (ordered.0, ordered.1, high.exponent)
  }
}

extension ExactDecimal: Comparable {
  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    if (lhs.significand < 0) != (rhs.significand < 0) { return lhs.significand < 0 }
    if lhs.isZero || rhs.isZero { return lhs.significand < rhs.significand }
    let (left, right, _) = aligned(lhs, rhs)
    return left < right
  }
}

extension ExactDecimal: SignedNumeric, ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }

  public init?<T: BinaryInteger>(exactly source: T) {
    guard let value = Int128(exactly: source) else { return nil }
    self.init(significand: value)
  }

  public var magnitude: ExactDecimal { significand < 0 ? -self : self }

  public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    if lhs.isZero { return rhs }
    if rhs.isZero { return lhs }
    var (left, right, exponent) = aligned(lhs, rhs)
    while true {
      let (sum, overflow) = left.addingReportingOverflow(right)
      if !overflow { return ExactDecimal(significand: sum, exponent: exponent) }
      left = droppingDigit(left)
      right = droppingDigit(right)
      exponent += 1
    }
  }

  public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { lhs + (-rhs) }

  public static prefix func - (operand: ExactDecimal) -> ExactDecimal {
    ExactDecimal(significand: -operand.significand, exponent: operand.exponent)
  }

  public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    var left = lhs.significand
    var right = rhs.significand
    var exponent = lhs.exponent + rhs.exponent
    while true {
      let (product, overflow) = left.multipliedReportingOverflow(by: right)
      if !overflow { return ExactDecimal(significand: product, exponent: exponent) }
      // Give up a digit of the longer operand.
      if left.magnitude >= right.magnitude { left = droppingDigit(left) } else { right = droppingDigit(right) }
      exponent += 1
    }
  }

  public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }
  public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }
  public static func *= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs * rhs }
}

extension ExactDecimal: CustomStringConvertible {
  /// Plain decimal notation without trailing zeros or exponent: `4.5`, `20`, `1200000`, `-0.005`, as Foundation's
  /// `Decimal` prints the same value.
  public var description: String {
    guard !isZero else { return "0" }
    let digits = String(significand.magnitude)
    var text = significand < 0 ? "-" : ""
    if exponent >= 0 {
      text += digits
      text += String(repeating: "0", count: exponent)
    } else if -exponent >= digits.utf8.count {
      text += "0."
      text += String(repeating: "0", count: -exponent - digits.utf8.count)
      text += digits
    } else {
      let split = digits.utf8.index(digits.utf8.endIndex, offsetBy: exponent)
      text += digits[..<split]
      text += "."
      text += digits[split...]
    }
    return text
  }
}

/// Builds an exact value from decimal digits read one at a time, most significant first.
struct DecimalDigits {
  private var significand: Int128 = 0
  /// Digits dropped at the end once the significand is full (each one a power of ten the value is scaled by).
  private var dropped = 0
  private var roundUp = false

  mutating func append(_ digit: Int) {
    if dropped == 0 {
      let (scaled, overflow) = significand.multipliedReportingOverflow(by: 10)
      let (sum, carry) = scaled.addingReportingOverflow(Int128(digit))
      if !overflow && !carry {
        significand = sum
        return
      }
      roundUp = digit >= 5
    }
    dropped += 1
  }

  func value(fractionDigits: Int) -> ExactDecimal {
    ExactDecimal(significand: significand + (roundUp ? 1 : 0), exponent: dropped - fractionDigits)
  }
}
