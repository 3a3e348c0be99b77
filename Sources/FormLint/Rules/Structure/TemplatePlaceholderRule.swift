import FormModel

/// JX108: template instructions or placeholders left in a value.
struct TemplatePlaceholderRule: Rule {
  static let description = RuleDescription(
    code: "JX108", name: "template-placeholder", severity: .warning,
    summary: LocalizedText(
      zh: "值中残留模板说明或占位符：（分级填报）、××、XX、**、(≥**%)；只有“*”“_”“null”的值或名称；没有数字的比较符（“≥ %”“≤万元”）",
      en: "Template instructions or placeholders left in a value: （分级填报）, ××, XX, **, (≥**%); a value or name that is only `*`, `_` or `null`; a comparator with no figure (`≥ %`, `≤万元`)"),
    rationale: LocalizedText(
      zh: "占位符说明这一项还没有真正填写：“（分级填报）”留在上级资金栏，审核人看不出上级资金是零还是未报；“≥**%”没有给出目标值。财预〔2015〕88号要求绩效目标完整、量化，这样的表会被退回。",
      en: "A placeholder means the item was never really filled: with “（分级填报）” left in the funds-from-above cell, reviewers cannot tell whether those funds are zero or unreported; “≥**%” states no target. 财预〔2015〕88号 requires complete, quantified targets, and such forms are sent back."),
    fixDescription: LocalizedText(
      zh: "删除占位符。仅当占位符是括注、且单元格另有实际内容时才算安全（如“≥95%(≥**%)”）；单元格只剩占位符或占位符嵌在句中时，删除会留下空缺或残句，需人工填写，故不安全",
      en: "Delete the placeholder. Safe only for a parenthesised note in a cell that has real content besides (`≥95%(≥**%)`); where the placeholder is the whole cell or sits inside a sentence, deleting it leaves a gap or a broken sentence that someone must fill, so the fix is unsafe"),
    triggering: [
      StructureExamples.form(header: StructureExamples.header(setting: "该项目支出上级资金", to: "↓（分级填报）")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "质量指标", name: "宣传覆盖率", value: "≥95%↓(≥**%)", standard: "覆盖↓××个乡镇")),
      StructureExamples.form(
        header: StructureExamples.header(setting: "本年度绩效目标", to: "完成↓XX场次宣传，培训↓＊＊人次。")),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "质量指标", name: "宣传覆盖率", value: "↓≧ %", standard: "↓null")),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "成本指标", name: "↓_", value: "↓≤万元", standard: "培训经费")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // In a label the note is the template's own wording, not a value left unfilled.
      StructureExamples.form().replacingFirst("\t该项目支出上级资金\n", with: "\t该项目支出上级资金（分级填报）\n"),
      // A multiplication sign, an emphasis star, an X inside a word or masked digits are no placeholder.
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "数量指标", name: "XXL号宣传展板", value: "≥10块", standard: "2×5场次，重点*标注，咨询138****0000")),
      // Template numbering is tolerated; a comparator with its figure is a value; a lone `-` is JX104's.
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "数量指标", name: "指标1：宣传场次", value: "≥ 10%", standard: "-")),
    ],
    corrections: [
      (
        StructureExamples.form(rows: StructureExamples.rows(replacing: "质量指标", name: "宣传覆盖率", value: "≥95%(≥**%)", standard: "覆盖全县各乡镇")),
        StructureExamples.form()
      ),
      (
        StructureExamples.form(header: StructureExamples.header(setting: "该项目支出上级资金", to: "（分级填报）")),
        StructureExamples.form(header: StructureExamples.header(setting: "该项目支出上级资金", to: "0"))
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    let superiorFunds = form.value(.superiorFunds)
    // Header values, then each row's 三级, 指标值 and 绩效标准, appended in place (no array per row).
    var cells = form.header.compactMap(\.value)
    cells.reserveCapacity(cells.count + form.indicators.count * 3)
    for row in form.indicators {
      if let name = row.name { cells.append(name) }
      if let value = row.value { cells.append(value) }
      if let standard = row.standard { cells.append(standard) }
    }
    var findings: [Diagnostic] = []
    for cell in cells {
      let hints = Self.hints(in: cell.text)
      guard hints.mayHoldRun || hints.mayHoldBare || TextClean.trimmedRange(cell.text).count <= Self.longestLone else { continue }
      let scalars = hints.mayHoldRun || hints.mayHoldBare ? HygieneText.scalars(cell.text) : []
      let total = cell.text.utf8.count
      for match in hints.mayHoldRun ? TemplatePlaceholderRule.matches(scalars, length: total) : [] {
        let range = cell.nodeRange(match.range)
        let found = String(decoding: Array(cell.text.utf8)[match.range], as: UTF8.self)
        // Safe only when what remains still says something: a note beside a real value.
        let rest = TextClean.trimmed(
          String(decoding: Array(cell.text.utf8)[..<match.range.lowerBound] + Array(cell.text.utf8)[match.range.upperBound...], as: UTF8.self))
        let isSafe = match.isNote && !rest.isEmpty
        var message = LocalizedText(
          zh: "残留模板占位符“\(found)”：请填写实际内容", en: "Template placeholder “\(found)” left in a value: write the actual content")
        if cell == superiorFunds, rest.isEmpty {
          message = LocalizedText(
            zh: message.zh + "（没有上级资金时填“0”）", en: message.en + " (write “0” when there are no funds from above)")
        }
        var fix = Fix(
          title: LocalizedText(zh: "删除“\(found)”", en: "Delete “\(found)”"), isSafe: isSafe, edits: [FixEdit(range: range, newText: "")])
        if cell == superiorFunds, rest.isEmpty {
          // Deleting would leave the money cell empty, which the message says not to: write 0 (unsafe: the
          // funds may be real and unreported).
          fix = Fix(
            title: LocalizedText(zh: "改为“0”（没有上级资金时）", en: "Write “0” (when there are no funds from above)"), isSafe: false,
            edits: [FixEdit(range: range, newText: "0")])
        }
        findings.append(diagnostic(message, at: range, fixes: [fix]))
      }
      findings += Self.barePlaceholders(in: cell, scalars: hints.mayHoldBare ? scalars : nil).map { range in
        let local = (range.lowerBound - cell.range.lowerBound)..<(range.upperBound - cell.range.lowerBound)
        let found = String(decoding: Array(cell.text.utf8)[local], as: UTF8.self)
        return diagnostic(
          LocalizedText(
            zh: "残留模板占位符“\(found)”：请填写实际内容", en: "Template placeholder “\(found)” left in a value: write the actual content"),
          at: range,
          fixes: [
            Fix(title: LocalizedText(zh: "删除“\(found)”", en: "Delete “\(found)”"), isSafe: false, edits: [FixEdit(range: range, newText: "")])
          ])
      }
    }
    return findings
  }

  /// A cell that is only `*`, `_` or `null`.
  static let lonePlaceholders: Set<String> = ["*", "＊", "_", "＿", "null", "NULL", "Null"]
  /// The UTF-8 length of the longest lone placeholder (`null`): a longer trimmed cell is none.
  private static let longestLone = lonePlaceholders.map(\.utf8.count).max() ?? 0
  private static let unitsAfterComparator = ["%", "％", "万元", "元"]

  /// `≥ ≤ ≧ ≦ > < ＞ ＜ ⩾ ⩽`.
  private static func isComparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "≥", "≤", "≧", "≦", ">", "<", "＞", "＜", "⩾", "⩽": return true
    default: return false
    }
  }

  /// What a byte pass over a cell's text says it may hold: a filler (`*`, `×`, `X`…) or the `报` of `分级填报`,
  /// without which `matches` finds nothing; a comparator and a unit (`%`, `％`, `元`), without which no bare
  /// comparator is found. Most cells have neither and are not decoded into scalars.
  static func hints(in text: String) -> (mayHoldRun: Bool, mayHoldBare: Bool) {
    TextClean.withBytes(text) { bytes in
      var (filler, comparator, unit) = (false, false, false)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          switch byte {
          case 0x2A, 0x58, 0x78: filler = true  // * X x
          case 0x3C, 0x3E: comparator = true  // < >
          case 0x25: unit = true  // %
          default: break
          }
          index += 1
          continue
        }
        let width = TextClean.scalarWidth(lead: byte)
        guard index + width <= bytes.count else { break }
        if width == 3 {
          let (second, third) = (bytes[index + 1], bytes[index + 2])
          switch byte {
          case 0xE6: if second == 0x8A && third == 0xA5 { filler = true }  // 报 (分级填报)
          case 0xE5: if second == 0x85 && third == 0x83 { unit = true }  // 元
          case 0xE2:  // ≤ ≥ ≦ ≧, ⩽ ⩾
            if (second == 0x89 && (0xA4...0xA7).contains(third)) || (second == 0xA9 && (third == 0xBD || third == 0xBE)) {
              comparator = true
            }
          case 0xEF:
            switch (second, third) {
            case (0xBC, 0x8A), (0xBC, 0xB8), (0xBD, 0x98): filler = true  // ＊ Ｘ ｘ
            case (0xBC, 0x9C), (0xBC, 0x9E): comparator = true  // ＜ ＞
            case (0xBC, 0x85): unit = true  // ％
            default: break
            }
          default: break
          }
        } else if width == 2, byte == 0xC3, bytes[index + 1] == 0x97 {
          filler = true  // ×
        }
        index += width
      }
      return (filler, comparator && unit)
    }
  }

  /// Node ranges of a lone placeholder cell, and of comparators with no figure after them (`≥ %`, `≤万元`).
  /// `scalars` are the cell's (`HygieneText.scalars`); nil when the cell holds no comparator and unit.
  static func barePlaceholders(in cell: CellText, scalars: [(scalar: Unicode.Scalar, offset: Int)]?) -> [Range<Int>] {
    if TextClean.trimmedRange(cell.text).count <= longestLone, lonePlaceholders.contains(cell.trimmed) { return [cell.trimmedRange] }
    guard let scalars else { return [] }
    let length = cell.text.utf8.count
    var ranges: [Range<Int>] = []
    for (index, entry) in scalars.enumerated() where isComparator(entry.scalar) {
      var next = index + 1
      while next < scalars.count, TextClean.isSpace(scalars[next].scalar) { next += 1 }
      let rest = String(String.UnicodeScalarView(scalars[next...].prefix(2).map(\.scalar)))
      guard let unit = unitsAfterComparator.first(where: { rest.hasPrefix($0) }) else { continue }
      let end = next + unit.unicodeScalars.count
      let endOffset = end < scalars.count ? scalars[end].offset : length
      ranges.append((cell.range.lowerBound + entry.offset)..<(cell.range.lowerBound + endOffset))
    }
    return ranges
  }


  /// Placeholders in a cell's text (UTF-8 ranges): parenthesised notes (`（分级填报）`, `(≥**%)`) as one match each,
  /// then bare runs (`××`, `XX`, `**`) outside them.
  static func matches(_ scalars: [(scalar: Unicode.Scalar, offset: Int)], length: Int) -> [(range: Range<Int>, isNote: Bool)] {
    func offset(_ index: Int) -> Int { index < scalars.count ? scalars[index].offset : length }
    var result: [(Range<Int>, Bool)] = []
    var index = 0
    while index < scalars.count {
      if scalars[index].scalar == "（" || scalars[index].scalar == "(",
        let close = scalars[index...].prefix(16).firstIndex(where: { $0.scalar == "）" || $0.scalar == ")" })
      {
        let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<close].map(\.scalar)))
        if TextClean.squeezed(inner) == "分级填报" || fillerRuns(Array(scalars[(index + 1)..<close])).count > 0 {
          result.append((offset(index)..<offset(close + 1), true))
          index = close + 1
          continue
        }
      }
      if let run = fillerRun(scalars, at: index) {
        result.append((offset(index)..<offset(run), false))
        index = run
        continue
      }
      index += 1
    }
    return result
  }

  private static func fillerRuns(_ scalars: [(scalar: Unicode.Scalar, offset: Int)]) -> [Int] {
    scalars.indices.compactMap { fillerRun(scalars, at: $0) }
  }

  /// The end of a placeholder run starting at `index`: two or more of one filler kind (`**`, `××`, `XX`), not part
  /// of a Latin word (`XXL`, `Box`).
  private static func fillerRun(_ scalars: [(scalar: Unicode.Scalar, offset: Int)], at index: Int) -> Int? {
    guard let kind = fillerKind(scalars[index].scalar) else { return nil }
    if index > 0, fillerKind(scalars[index - 1].scalar) == kind { return nil }
    var end = index
    while end < scalars.count, fillerKind(scalars[end].scalar) == kind { end += 1 }
    guard end - index >= 2 else { return nil }
    // Digits masked in a published form (`138****0000`, an ID or phone number) are no placeholder.
    let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
    if index > 0, end < scalars.count, isDigit(scalars[index - 1].scalar), isDigit(scalars[end].scalar) { return nil }
    if kind == "x" {
      let isLetter = { (scalar: Unicode.Scalar) in scalar.properties.isAlphabetic && scalar.isASCII }
      if index > 0, isLetter(scalars[index - 1].scalar) { return nil }
      if end < scalars.count, isLetter(scalars[end].scalar) { return nil }
    }
    return end
  }

  /// The kind of a character a placeholder run is made of (two or more in a row), nil for any other.
  private static func fillerKind(_ scalar: Unicode.Scalar) -> Character? {
    switch scalar {
    case "*", "＊": return "*"
    case "×": return "×"
    case "X", "x", "Ｘ", "ｘ": return "x"
    default: return nil
    }
  }
}
