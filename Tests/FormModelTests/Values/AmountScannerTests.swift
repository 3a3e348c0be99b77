import FormModel
import Foundation
import Testing

/// One amount a test expects: its value in 元, unit, the text its range covers, and its role.
struct ExpectedAmount: Sendable {
  var yuan: String
  var unit: MoneyUnit
  var written: String
  var role: AmountRole = .item
  var occurrence = 0
  var unitIsWritten = true

  func amount(in text: String, offset: Int = 0) -> Amount {
    Amount(
      value: dec(yuan), unit: unit, unitIsWritten: unitIsWritten,
      range: shifted(utf8Range(of: written, in: text, occurrence: occurrence), by: offset), role: role)
  }
}

struct AmountCase: Sendable, CustomTestStringConvertible {
  var text: String
  var expected: [ExpectedAmount]
  var testDescription: String { text }

  init(_ text: String, _ expected: [ExpectedAmount]) {
    self.text = text
    self.expected = expected
  }
}

private func wan(_ yuan: String, _ written: String, _ role: AmountRole = .item, occurrence: Int = 0) -> ExpectedAmount {
  ExpectedAmount(yuan: yuan, unit: .wanYuan, written: written, role: role, occurrence: occurrence)
}

@Suite struct AmountScannerTests {
  static let proseCases: [AmountCase] = [
    // The seed's cost rows (forms 5-1, 5-2, 5-3, 5-5).
    AmountCase("普法经费15万元、法治创建经费5万元", [wan("150000", "15万元"), wan("50000", "5万元", occurrence: 1)]),
    AmountCase(
      "律师值班补助4.5万元、办案经费1.5万元、法援律师补贴14万元 ",
      [wan("45000", "4.5万元"), wan("15000", "1.5万元"), wan("140000", "14万元")]),
    AmountCase(
      "社区矫正工作经费27万元、临聘人员工资63万元，安置帮教经费2万元",
      [wan("270000", "27万元"), wan("630000", "63万元"), wan("20000", "2万元")]),
    AmountCase(
      "1、聘请政府顾问12万元；2、聘请政府顾问助理6万元；3、组织执法考试、业务培训及办理各类案件行政复议、行政应诉等业务经费10万元",
      [wan("120000", "12万元"), wan("60000", "6万元"), wan("100000", "10万元")]),
    // A stated total and its parts count once; amounts after the parts are items again.
    AmountCase(
      "经费20万元，其中A 12万元、B 8万元",
      [wan("200000", "20万元"), wan("120000", "12万元", .breakdownPart), wan("80000", "8万元", .breakdownPart)]),
    AmountCase(
      "经费20万元，其中A 12万元、B 8万元，另有C 5万元",
      [
        wan("200000", "20万元"), wan("120000", "12万元", .breakdownPart), wan("80000", "8万元", .breakdownPart),
        wan("50000", "5万元"),
      ]),
    AmountCase("其中培训费2万元", [wan("20000", "2万元")]),
    AmountCase("经费20万元。其中A 12万元", [wan("200000", "20万元"), wan("120000", "12万元")]),
    // A stated total after its parts counts once; `=` states an amount, it is no bound.
    AmountCase(
      "培训费2万元、差旅费1万元，合计3万元",
      [wan("20000", "2万元", .breakdownPart), wan("10000", "1万元", .breakdownPart), wan("30000", "3万元")]),
    AmountCase(
      "1、顾问12万元；2、助理6万元；共计18万元",
      [wan("120000", "12万元", .breakdownPart), wan("60000", "6万元", .breakdownPart), wan("180000", "18万元")]),
    AmountCase("经费=20万元", [wan("200000", "=20万元")]),
    // Unit prices are never items.
    AmountCase(
      "伙食补助17元/人·天，共计3万元",
      [ExpectedAmount(yuan: "17", unit: .yuan, written: "17元", role: .unitPrice), wan("30000", "3万元")]),
    AmountCase("租金5000元/年", [ExpectedAmount(yuan: "5000", unit: .yuan, written: "5000元", role: .unitPrice)]),
    AmountCase(
      "单价200元，总价2万元",
      [ExpectedAmount(yuan: "200", unit: .yuan, written: "200元", role: .unitPrice), wan("20000", "2万元")]),
    AmountCase("每人补助500元", [ExpectedAmount(yuan: "500", unit: .yuan, written: "500元", role: .unitPrice)]),
    AmountCase(
      "培训费2万元（每人每天200元）",
      [wan("20000", "2万元"), ExpectedAmount(yuan: "200", unit: .yuan, written: "200元", role: .unitPrice)]),
    AmountCase("补贴300元每人", [ExpectedAmount(yuan: "300", unit: .yuan, written: "300元", role: .unitPrice)]),
    // Caps and floors.
    AmountCase("成本控制在≤250万元", [wan("2500000", "≤250万元", .cap(.lessOrEqual))]),
    AmountCase("不超过250万元", [wan("2500000", "不超过250万元", .cap(.lessOrEqual))]),
    AmountCase("总额控制在250万元以内", [wan("2500000", "控制在250万元以内", .cap(.lessOrEqual))]),
    AmountCase("投入不低于10万元", [wan("100000", "不低于10万元", .cap(.greaterOrEqual))]),
    AmountCase("下达资金20万元", [wan("200000", "20万元")]),
    // Numerals and units.
    AmountCase("一百二十万元", [wan("1200000", "一百二十万元")]),
    AmountCase("一百万元", [wan("1000000", "一百万元")]),
    AmountCase("壹拾肆万元整", [wan("140000", "壹拾肆万元")]),
    AmountCase("十二万", [wan("120000", "十二万")]),
    AmountCase("三千元", [ExpectedAmount(yuan: "3000", unit: .yuan, written: "三千元")]),
    AmountCase("合计1,234.56元", [ExpectedAmount(yuan: "1234.56", unit: .yuan, written: "1,234.56元")]),
    AmountCase("１２万元", [wan("120000", "１２万元")]),
    AmountCase("2.8亿元", [ExpectedAmount(yuan: "280000000", unit: .yiYuan, written: "2.8亿元")]),
    AmountCase("3亿", [ExpectedAmount(yuan: "300000000", unit: .yiYuan, written: "3亿")]),
    AmountCase("28.8萬元", [wan("288000", "28.8萬元")]),
    AmountCase("5千元", [ExpectedAmount(yuan: "5000", unit: .qianYuan, written: "5千元")]),
    AmountCase("¥1,200", [ExpectedAmount(yuan: "1200", unit: .yuan, written: "¥1,200")]),
    AmountCase("3千万元", [wan("30000000", "3千万元")]),
    AmountCase("20余万元", [wan("200000", "20余万元")]),
    AmountCase("1,200,000元", [ExpectedAmount(yuan: "1200000", unit: .yuan, written: "1,200,000元")]),
    AmountCase("经费 12 万元", [wan("120000", "12 万元")]),
    // Not money.
    AmountCase("2021年度经费", []),
    AmountCase("培训300人次", []),
    AmountCase("惠及14万人", []),
    AmountCase("完成率98%", []),
    AmountCase("（分级填报）", []),
    AmountCase("单位：万元", []),
    AmountCase("单位：千元", []),
    AmountCase("开展普法宣传10场次以上", []),
    AmountCase("1、完成全县“八.五”普法启动工2、开展法治主题公园建设", []),
    AmountCase("2021.1-2021.12", []),
    AmountCase("一百二十", []),
  ]

  @Test(arguments: proseCases)
  func amountsInProse(testCase: AmountCase) {
    expectScan(
      testCase.text, { AmountScanner.amounts(in: $0, tableUnit: .wanYuan) },
      expected: { text, offset in testCase.expected.map { $0.amount(in: text, offset: offset) } })
  }

  @Test func seedTotalsAreExact() {
    let form53 = AmountScanner.amounts(in: "社区矫正工作经费27万元、临聘人员工资63万元，安置帮教经费2万元", tableUnit: .wanYuan)
    #expect(Amount.itemTotal(form53) == dec("920000"))
    #expect(MoneyUnit.wanYuan.format(yuan: Amount.itemTotal(form53)) == "92万元")
    let form52 = AmountScanner.amounts(in: "律师值班补助4.5万元、办案经费1.5万元、法援律师补贴14万元 ", tableUnit: .wanYuan)
    #expect(Amount.itemTotal(form52) == dec("200000"))
    let breakdown = AmountScanner.amounts(in: "经费20万元，其中A 12万元、B 8万元；补助17元/人·天", tableUnit: .wanYuan)
    #expect(Amount.itemTotal(breakdown) == dec("200000"))
  }

  @Test func bareNumberTakesTheTableUnit() {
    #expect(
      AmountScanner.amounts(in: "16　", tableUnit: .wanYuan)
        == [Amount(value: 160000, unit: .wanYuan, unitIsWritten: false, range: 0..<2)])
    #expect(AmountScanner.amounts(in: "说明16", tableUnit: .wanYuan).isEmpty)
  }

  static let cellCases: [(String, MoneyUnit, Amount?)] = [
    ("14万\u{3000}", .wanYuan, Amount(value: 140000, unit: .wanYuan, range: 0..<5)),
    ("92万", .wanYuan, Amount(value: 920000, unit: .wanYuan, range: 0..<5)),
    ("≤250万元", .wanYuan, Amount(value: 2_500_000, unit: .wanYuan, range: 0..<12, role: .cap(.lessOrEqual))),
    (" ≤ 250 万元 ", .wanYuan, Amount(value: 2_500_000, unit: .wanYuan, range: 1..<15, role: .cap(.lessOrEqual))),
    ("250万元以内", .wanYuan, Amount(value: 2_500_000, unit: .wanYuan, range: 0..<15, role: .cap(.lessOrEqual))),
    ("16", .wanYuan, Amount(value: 160000, unit: .wanYuan, unitIsWritten: false, range: 0..<2)),
    ("16", .yuan, Amount(value: 16, unit: .yuan, unitIsWritten: false, range: 0..<2)),
    ("\u{3000}\t16.5", .wanYuan, Amount(value: dec("165000"), unit: .wanYuan, unitIsWritten: false, range: 4..<8)),
    ("1,200,000元", .wanYuan, Amount(value: 1_200_000, unit: .yuan, range: 0..<12)),
    ("17元/人·天", .wanYuan, Amount(value: 17, unit: .yuan, range: 0..<14, role: .unitPrice)),
    ("壹拾肆万元", .wanYuan, Amount(value: 140000, unit: .wanYuan, range: 0..<15)),
    ("＝20万元", .wanYuan, Amount(value: 200000, unit: .wanYuan, range: 0..<11)),
    ("𠀀14万", .wanYuan, nil),
    ("（分级填报）", .wanYuan, nil),
    ("/", .wanYuan, nil),
    ("", .wanYuan, nil),
    ("\u{3000}", .wanYuan, nil),
    ("普法经费15万元", .wanYuan, nil),
    ("98%", .wanYuan, nil),
    ("14万元、5万元", .wanYuan, nil),
  ]

  @Test(arguments: cellCases)
  func parseCellAmount(text: String, tableUnit: MoneyUnit, expected: Amount?) {
    #expect(AmountScanner.parseCellAmount(text, tableUnit: tableUnit) == expected)
  }
}
