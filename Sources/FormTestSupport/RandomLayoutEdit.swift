import FormSyntax

/// Random edits in the alphabet of each layout, for the randomized incremental tests of the TSV and Markdown front
/// ends (the notation keeps `RandomNotationEdit`).
public enum RandomLayoutEdit {
  /// Fragments that make and break the layout's constructs: separators, quotes and escapes, rows, delimiter
  /// rows, headings, form boundaries, amounts and years.
  public static func fragments(for layout: Layout) -> [String] {
    let common = [
      "\n", "\r\n", "\n\n", "附件5-3\n", "2021年项目支出绩效目标表\n", "15万元", "2020年", "98%", "　", " ", "/", "𠀀", "0",
    ]
    switch layout {
    case .notation:
      return RandomNotationEdit.fragments
    case .tsv:
      return common + [
        "\t", "\t", "\"", "\"\"", "\"多\n行\"\t", "\t\"a\"\"b\"", "项目支出名称\t2、法律援助经费\n", "\t成本指标\t\t",
        "\"\n满意\"", "\t\t\t\t\t\n",
      ]
    case .markdown:
      return common + [
        "|", " | ", "\\|", "<br>", "<BR/>", "| --- | --- |\n", "|---|\n", "| 项目支出名称 | 2、法律援助经费 |\n",
        "# 2021年项目支出绩效目标表\n", "## 附件5-2\n", "| 成本指标 | a\\|b |", "   |", ":--:|",
        // Code blocks, which a Markdown document shows without reading: fences open and close, indentation.
        "```\n", "~~~\n", "````", "    ",
      ]
    }
  }

  /// An insert, delete or replace at a random place, on scalar boundaries (as editors send edits).
  public static func make(in bytes: [UInt8], layout: Layout, using random: inout SeededGenerator) -> FormSyntax.TextEdit {
    func boundary(_ offset: Int) -> Int {
      var index = min(offset, bytes.count)
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
      return index
    }
    var start = boundary(Int.random(in: 0...bytes.count, using: &random))
    // Half of the edits start at a line start, where rows, headings and boundaries take effect.
    if Bool.random(using: &random), let lineStart = bytes[..<start].lastIndex(of: 0x0A) { start = lineStart + 1 }
    let length = Int.random(in: 0...12, using: &random)
    let end = boundary(min(bytes.count, start + length))
    let pieces = fragments(for: layout)
    let replacement = Bool.random(using: &random) ? pieces.randomElement(using: &random)! : ""
    return FormSyntax.TextEdit(range: start..<end, replacement: replacement)
  }
}
