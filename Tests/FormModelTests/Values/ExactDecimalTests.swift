import FormTestSupport
import Foundation
import Testing

@testable import FormModel

/// `ExactDecimal` against Foundation's `Decimal` as the oracle: the same values, printed the same, for random
/// operands of the sizes forms hold (and a few far beyond them).
@Suite struct ExactDecimalTests {
  /// A pair of equal values, one of each type, from a significand and an exponent.
  static func pair(_ significand: Int64, _ exponent: Int) -> (ExactDecimal, Decimal) {
    let oracle = Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
    return (ExactDecimal(significand: Int128(significand), exponent: exponent), oracle)
  }

  static func randomPairs(count: Int, seed: UInt64) -> [(ExactDecimal, Decimal)] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      let digits = Int(generator.next() % 13)
      var significand = Int64(generator.next() % UInt64(pow(10, Double(digits)) + 1))
      if generator.next() % 4 == 0 { significand = -significand }
      return pair(significand, Int(generator.next() % 13) - 8)
    }
  }

  @Test func printsAsDecimalDoes() {
    for (exact, oracle) in Self.randomPairs(count: 2_000, seed: 1) {
      #expect(exact.description == oracle.description, "\(exact.significand)e\(exact.exponent)")
    }
    #expect(ExactDecimal(significand: 1250, exponent: -4).description == "0.125")
    #expect(ExactDecimal(significand: 5, exponent: 3).description == "5000")
    #expect(ExactDecimal(significand: -15, exponent: -1).description == "-1.5")
    #expect(ExactDecimal(significand: 0, exponent: -3).description == "0")
  }

  @Test func arithmeticAndOrderAgreeWithDecimal() {
    let left = Self.randomPairs(count: 1_000, seed: 2)
    let right = Self.randomPairs(count: 1_000, seed: 3)
    for ((a, x), (b, y)) in zip(left, right) {
      #expect((a + b).description == (x + y).description, "\(a) + \(b)")
      #expect((a - b).description == (x - y).description, "\(a) - \(b)")
      #expect((a * b).description == (x * y).description, "\(a) * \(b)")
      #expect((a < b) == (x < y), "\(a) < \(b)")
      #expect((a == b) == (x == y), "\(a) == \(b)")
    }
  }

  @Test func normalizesSoThatEqualValuesHashAlike() {
    let a = ExactDecimal(significand: 1500, exponent: -3)
    let b = ExactDecimal("1.50")!
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a.significand == 15 && a.exponent == -1)
    #expect(Set([a, b, ExactDecimal(significand: 15, exponent: -1)]).count == 1)
    #expect(ExactDecimal.zero == ExactDecimal(significand: 0, exponent: 7))
  }

  @Test func parsesDecimalText() {
    #expect(ExactDecimal("12")?.description == "12")
    #expect(ExactDecimal("-0.005")?.description == "-0.005")
    #expect(ExactDecimal("+4.50")?.description == "4.5")
    #expect(ExactDecimal("1e-05")?.description == "0.00001")
    #expect(ExactDecimal("2.5E3")?.description == "2500")
    for bad in ["", "-", ".", "1,000", "1.2.3", " 1", "1e", "e5", "十"] { #expect(ExactDecimal(bad) == nil, "\(bad)") }
    #expect(ExactDecimal(85.5).description == "85.5")
    #expect(ExactDecimal(0.1) + ExactDecimal(0.2) == ExactDecimal("0.3")!)
  }

  @Test func shiftingDividesByPowersOfTenExactly() {
    let wan = ExactDecimal(123_456).shifted(by: -4)
    #expect(wan.description == "12.3456")
    #expect(wan.shifted(by: 4) == ExactDecimal(123_456))
    #expect(ExactDecimal.zero.shifted(by: -4) == .zero)
    #expect(ExactDecimal("12.3456")!.doubleValue == 12.3456)
  }

  /// Beyond 38 digits a sum keeps its leading digits and a product at least 18 of them; nothing traps.
  @Test func overflowKeepsTheLeadingDigits() {
    let big = ExactDecimal(significand: Int128("12345678901234567890123456789012345678")!)
    let square = big * big
    #expect(square.description.hasPrefix("152415787532388367"), "\(square)")
    #expect(square.description.count == 75)
    let sum = big + ExactDecimal(significand: 1, exponent: -30)
    #expect(sum == big)
    var digits = DecimalDigits()
    for _ in 0..<50 { digits.append(9) }
    #expect(digits.value(fractionDigits: 0).description == "1" + String(repeating: "0", count: 50))
  }
}
