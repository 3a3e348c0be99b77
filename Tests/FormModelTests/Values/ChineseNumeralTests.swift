import FormModel
import Foundation
import Testing

@Suite struct ChineseNumeralTests {
  @Test(arguments: [
    ("一百二十万", "1200000"), ("一百万", "1000000"), ("壹拾肆万", "140000"), ("十二", "12"), ("十", "10"),
    ("一百零五", "105"), ("二〇二一", "2021"), ("两千", "2000"), ("三千五百", "3500"), ("一亿二千万", "120000000"),
    ("贰佰叁拾肆", "234"), ("一万零五百", "10500"), ("拾", "10"), ("　九　", "9"),
  ])
  func value(text: String, expected: String) {
    #expect(ChineseNumeral.value(of: text) == dec(expected))
  }

  @Test(arguments: ["十三五", "万", "千", "百万", "abc", "", "一百元", "12"])
  func notANumeral(text: String) {
    #expect(ChineseNumeral.value(of: text) == nil)
  }
}
