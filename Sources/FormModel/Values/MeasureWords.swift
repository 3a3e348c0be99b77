/// Measure words (量词) that make a number a count rather than money: `10场次`, `300人`, `5公里`.
enum MeasureWords {
  /// Longest first, so that `人次` is preferred to `人` and `平方米` to `米`.
  static let all: [[Unicode.Scalar]] = scalarWords([
    "人次", "场次", "户次", "家次", "车次", "架次", "批次", "件次", "班次", "课时", "学时",
    "平方米", "平方公里", "平方千米", "立方米", "公里", "千米", "公斤", "千克", "公顷", "小时",
    "个", "次", "场", "人", "名", "位", "件", "份", "台", "套", "辆", "艘", "架", "户", "家", "所", "项", "篇", "期",
    "批", "条", "本", "册", "张", "处", "座", "间", "栋", "幢", "株", "棵", "头", "只", "吨", "亩", "米", "天", "节",
    "堂", "门", "部", "支", "队", "宗", "组", "村", "校", "床", "块", "段", "卷", "盏", "根", "字", "页", "例", "起",
    "km", "m", "kg", "㎡", "m²", "㎞",
  ])

  /// After `个` these make a duration or percentage points, not a count: `5个工作日`, `3个月`, `2个百分点`.
  static let notAfterGe: [[Unicode.Scalar]] = scalarWords([
    "工作日", "自然日", "月", "小时", "星期", "季度", "周", "百分点", "半月",
  ])

  /// The end of the measure word at `index`, if one stands there.
  static func match(_ text: ScalarText, at index: Int) -> Int? {
    guard let end = text.matchEnd(of: all, at: index) else { return nil }
    // `5 mm` or `3 min` is no `m`: a Latin unit must not run on into more letters.
    if text[end - 1].isASCII, text[end].properties.isAlphabetic, text[end].isASCII { return nil }
    if text[index] == "个", text.matchEnd(of: notAfterGe, at: end) != nil { return nil }
    return end
  }
}
