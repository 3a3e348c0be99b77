import FormModel
import Foundation
import Testing

@Suite struct AmountTests {
  @Test(arguments: [
    ("200000", MoneyUnit.wanYuan, "20万元"),
    ("45000", .wanYuan, "4.5万元"),
    ("1200000", .yuan, "1200000元"),
    ("1234.56", .wanYuan, "0.123456万元"),
    ("280000000", .yiYuan, "2.8亿元"),
    ("5000", .qianYuan, "5千元"),
    ("0", .wanYuan, "0万元"),
  ])
  func formatted(yuan: String, unit: MoneyUnit, expected: String) {
    #expect(Amount(value: dec(yuan), unit: .yuan, range: 0..<0).formatted(in: unit) == expected)
  }

  @Test func conversion() {
    let amount = Amount(value: 45000, unit: .wanYuan, range: 0..<0)
    #expect(amount.amountIn(unit: .wanYuan) == dec("4.5"))
    #expect(amount.amountIn(unit: .yuan) == 45000)
    #expect(amount.amountIn(unit: .qianYuan) == 45)
  }

  @Test(arguments: [
    ("元", MoneyUnit.yuan), ("千元", .qianYuan), ("万元", .wanYuan), ("万", .wanYuan), ("萬", .wanYuan),
    ("萬元", .wanYuan), ("亿元", .yiYuan), ("亿", .yiYuan), (" 万元\u{3000}", .wanYuan),
  ])
  func unitFromSymbol(symbol: String, expected: MoneyUnit) {
    #expect(MoneyUnit(symbol: symbol) == expected)
  }

  @Test func unknownUnitSymbol() {
    #expect(MoneyUnit(symbol: "美元") == nil)
    #expect(MoneyUnit(symbol: "") == nil)
  }

  @Test func itemTotalLeavesOutOtherRoles() {
    let amounts = [
      Amount(value: 100, unit: .yuan, range: 0..<1),
      Amount(value: 17, unit: .yuan, range: 0..<1, role: .unitPrice),
      Amount(value: 500, unit: .yuan, range: 0..<1, role: .cap(.lessOrEqual)),
      Amount(value: 60, unit: .yuan, range: 0..<1, role: .breakdownPart),
      Amount(value: dec("0.5"), unit: .yuan, range: 0..<1),
    ]
    #expect(Amount.itemTotal(amounts) == dec("100.5"))
  }
}
