import FormModel

/// JX501: debris of a Word export (bookmarks, field codes) left in the text.
struct WordArtifactRule: Rule {
  static let description = RuleDescription(
    code: "JX501", name: "word-artifact", severity: .warning,
    summary: LocalizedText(
      zh: "文本中残留 Word 导出的书签或域代码（[bookmark: …]、_GoBack、_Toc…、MERGEFORMAT、HYPERLINK）",
      en: "Word export debris left in the text ([bookmark: …], _GoBack, _Toc…, MERGEFORMAT, HYPERLINK)"),
    rationale: LocalizedText(
      zh: "绩效目标表随预算公开并作为绩效评价的依据（财预〔2015〕88号），书签、域代码等导出残留会原样出现在公开文本和审核系统中，既不规范，也可能把指标名称截断或弄乱。",
      en: "Performance-target forms are published with the budget and are the basis of later evaluation (财预〔2015〕88号). Bookmarks and field codes left over from a Word export show up verbatim in the published text and in review systems, and can garble an indicator's name."),
    fixDescription: LocalizedText(zh: "删除残留文本（安全）", en: "Delete the debris (safe)"),
    triggering: [
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "质量指标", name: "↓[bookmark: _GoBack]规范性文件“三统一”", value: "100%", standard: "全部审查")),
      StructureExamples.form(header: StructureExamples.header(setting: "项目支出名称", to: "1、普法经费↓_Toc12345")),
      StructureExamples.form(
        rows: StructureExamples.rows(
          replacing: "时效指标", name: "完成时间 ↓\\* MERGEFORMAT", value: "2021年12月底前", standard: "按期完成↓[bookmark: _Toc3]")),
      StructureExamples.form(
        header: StructureExamples.header(setting: "实施期绩效目标", to: "见↓HYPERLINK \"http://www.czj.gov.cn\" 普法规划。")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "质量指标", name: "书签式[标注]说明", value: "100%", standard: "GoBack 计划（英文）")),
      StructureExamples.form(header: StructureExamples.header(setting: "实施期绩效目标", to: "做好_Table格式转换与 hyperlink 清理。")),
    ],
    corrections: [
      (
        StructureExamples.form(
          rows: StructureExamples.rows(replacing: "质量指标", name: "[bookmark: _GoBack]规范性文件", value: "100%", standard: "全部审查")),
        StructureExamples.form(rows: StructureExamples.rows(replacing: "质量指标", name: "规范性文件", value: "100%", standard: "全部审查"))
      ),
      (
        StructureExamples.form(header: StructureExamples.header(setting: "实施期绩效目标", to: "见HYPERLINK \"http://a.cn\" 普法规划。")),
        StructureExamples.form(header: StructureExamples.header(setting: "实施期绩效目标", to: "见普法规划。"))
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let node = context.node
    var findings: [Diagnostic] = []
    for line in node.lines where line.contentEnd > line.contentStart {
      guard Self.mayHoldArtifact(node.bytes, line.contentStart..<line.contentEnd) else { continue }
      let text = node.text(line.contentStart..<line.contentEnd)
      for match in WordArtifactRule.matches(in: text) {
        let range = (line.contentStart + match.lowerBound)..<(line.contentStart + match.upperBound)
        let found = node.text(range)
        let message = LocalizedText(
          zh: "Word 导出残留“\(found)”，应删除", en: "Word export debris “\(found)” should be deleted")
        let fix = Fix(
          title: LocalizedText(zh: "删除“\(found)”", en: "Delete “\(found)”"), isSafe: true,
          edits: [FixEdit(range: range, newText: "")])
        findings.append(diagnostic(message, at: range, fixes: [fix]))
      }
    }
    return findings
  }

  /// Whether the bytes hold one that every artifact starts with (`[`, `_`, `M`, `H`): most lines hold none and are
  /// not decoded. (Decoding repairs bad UTF-8 with U+FFFD, which brings in no such byte.)
  static func mayHoldArtifact(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      for index in range {
        let byte = bytes[index]
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "M") || byte == UInt8(ascii: "H") { return true }
      }
      return false
    }
  }

  /// UTF-8 ranges of the artifacts in one line, overlapping matches merged (`[bookmark: _GoBack]` is one).
  static func matches(in text: String) -> [Range<Int>] {
    let bytes = Array(text.utf8)
    var found: [Range<Int>] = []
    func starts(_ word: String, at index: Int) -> Bool {
      var position = index
      for byte in word.utf8 {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
      }
      return true
    }
    func isWordByte(_ byte: UInt8) -> Bool {
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
    var index = 0
    while index < bytes.count {
      // Every artifact starts with one of these bytes; most text is CJK and skips all the comparisons.
      // (Compared one by one: `"[_MH".utf8.contains` cost 170 instructions a byte, 4 % of a whole check.)
      let byte = bytes[index]
      guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "M") || byte == UInt8(ascii: "H") else {
        index += 1
        continue
      }
      if starts("[bookmark:", at: index), let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) {
        found.append(index..<(close + 1))
      } else if starts("_GoBack", at: index) || starts("_Toc", at: index) || starts("_Hlk", at: index),
        index == 0 || !isWordByte(bytes[index - 1])
      {
        var end = index + 1
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        found.append(index..<end)
      } else if starts("MERGEFORMAT", at: index) {
        // The field switch comes as `\* MERGEFORMAT`; the switch alone would be debris too.
        var start = index
        if index >= 3, bytes[index - 3] == UInt8(ascii: "\\"), bytes[index - 2] == UInt8(ascii: "*"), bytes[index - 1] == 0x20 {
          start = index - 3
        }
        found.append(start..<(index + 11))
      } else if starts("HYPERLINK", at: index), index == 0 || !isWordByte(bytes[index - 1]) {
        found.append(index..<hyperlinkEnd(bytes, from: index + 9))
      }
      index += 1
    }
    return merged(found)
  }

  /// The end of a HYPERLINK field code: its switches (`\l`) and quoted target, and one space after them.
  private static func hyperlinkEnd(_ bytes: [UInt8], from start: Int) -> Int {
    var end = start
    while true {
      var next = end
      while next < bytes.count, bytes[next] == 0x20 { next += 1 }
      if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), isSwitchLetter(bytes[next + 1]) {
        end = next + 2
      } else if next < bytes.count, bytes[next] == UInt8(ascii: "\""),
        let close = bytes[(next + 1)...].firstIndex(of: UInt8(ascii: "\""))
      {
        end = close + 1
      } else {
        break
      }
    }
    if end < bytes.count, bytes[end] == 0x20 { end += 1 }
    return end
  }

  private static func isSwitchLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

  private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = result.last, range.lowerBound < last.upperBound {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        result.append(range)
      }
    }
    return result
  }
}
