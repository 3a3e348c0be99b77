import FormSyntax

/// Random edits over the notation's alphabet, for the randomized incremental tests and the release-mode
/// verifier (`jixiao-bench verify-incremental`).
public enum RandomNotationEdit {
  /// Fragments edits insert: cells, line breaks, form boundaries, amounts, years, duplicates, 𠀀.
  public static let fragments = [
    "\t", "\n", "\r\n", "\n\n", "附件5-3\n", "2021年项目支出绩效目标表\n", "\t项目支出名称\n\t2、法律援助经费\n",
    "15万元", "2020年", "98%", "　", " ", "[bookmark: _GoBack]", "/", "1、", "𠀀", "临武", "\t成本指标\n", "\t\n满意\n", "0",
  ]

  /// An insert, delete or replace at a random place; ranges start and end on scalar boundaries so that the
  /// text stays valid UTF-8, as editors send it.
  public static func make(in bytes: [UInt8], using random: inout SeededGenerator) -> FormSyntax.TextEdit {
    func boundary(_ offset: Int) -> Int {
      var index = min(offset, bytes.count)
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
      return index
    }
    let start = boundary(Int.random(in: 0...bytes.count, using: &random))
    let length = Int.random(in: 0...12, using: &random)
    let end = boundary(min(bytes.count, start + length))
    let replacement = Bool.random(using: &random) ? fragments.randomElement(using: &random)! : ""
    return FormSyntax.TextEdit(range: start..<end, replacement: replacement)
  }
}
