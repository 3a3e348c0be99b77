import Foundation

/// Plain decimal notation for amounts in messages: `4.5`, `20`, `1200000`; never exponents or trailing zeros.
enum DecimalText {
  static func plain(_ value: Decimal) -> String {
    var text = "\(value)"
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}
