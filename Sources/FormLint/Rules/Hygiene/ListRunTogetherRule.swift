import FormModel

/// JX504: a numbered item that follows the previous one with no separator (`…启动工2、开展…`).
struct ListRunTogetherRule: Rule {
  static let description = RuleDescription(
    code: "JX504", name: "list-run-together", severity: .hint,
    summary: LocalizedText(
      zh: "编号条目之间缺少分隔符（如“…启动工2、开展…”）", en: "Numbered items run together with no separator (`…启动工2、开展…`)"),
    rationale: LocalizedText(
      zh: "条目编号紧贴上一条目的末字，通常是上一条被截断或漏了“；”（如“启动工作”成了“启动工”），读者难以分清每项任务的边界；财预〔2015〕88号要求绩效目标细化、可衡量，每一项都应当能单独辨认。",
      en: "An item number glued to the last character of the previous item usually means that item was cut short or its `；` was lost (启动工作 became 启动工), and readers cannot tell where one task ends. 财预〔2015〕88号 asks for targets broken down so that each can be measured, so each item must stand on its own."),
    fixDescription: LocalizedText(zh: "在条目编号前插入“；”（安全）", en: "Insert `；` before the item number (safe)"),
    triggering: [
      StructureExamples.form(
        rows: StructureExamples.rows(
          replacing: "数量指标", name: "1、完成全县“八.五”普法启动工↓2、开展法治主题公园建设", value: "≥10场次", standard: "10场次以上")),
      StructureExamples.form(
        header: StructureExamples.header(setting: "本年度绩效目标", to: "1、加强组织建设↓2、加强队伍建设”↓3、建立排查机制")),
      StructureExamples.form(
        rows: StructureExamples.rows(
          replacing: "成本指标", name: "业务经费", value: "≤20万元", standard: "9、顾问费8万元↓10、业务经费12万元")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      StructureExamples.form(
        header: StructureExamples.header(setting: "本年度绩效目标", to: "1、加强组织建设；2、加强队伍建设，3、建立排查机制。\n4、开展培训")),
      // A number that does not continue the sequence is not an item number (第2、3条 is a list of articles).
      StructureExamples.form(header: StructureExamples.header(setting: "本年度绩效目标", to: "落实办法第2、3条，完成任务")),
    ],
    corrections: [
      (
        StructureExamples.form(
          rows: StructureExamples.rows(replacing: "数量指标", name: "1、启动普法工作2、开展公园建设", value: "≥10场次", standard: "10场次以上")),
        StructureExamples.form(
          rows: StructureExamples.rows(replacing: "数量指标", name: "1、启动普法工作；2、开展公园建设", value: "≥10场次", standard: "10场次以上"))
      ),
    ])

  /// What may stand before an item number: the item boundary is already marked.
  static let separators: Set<Unicode.Scalar> = Set("；;，,。.：:！!？?、（(【[".unicodeScalars)

  func check(form context: FormContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for cell in context.hygieneCells where Self.mayHoldItemNumber(cell.text) {
      let scalars = cell.scalars
      var previousNumber: Int?
      for marker in ListRunTogetherRule.itemNumbers(scalars) {
        defer { previousNumber = marker.number }
        guard let previous = previousNumber, marker.number == previous + 1, marker.start > 0 else { continue }
        let before = scalars[marker.start - 1].scalar
        guard !TextClean.isSpace(before), !ListRunTogetherRule.separators.contains(before) else { continue }
        let offset = scalars[marker.start].offset
        let end = scalars[marker.end - 1].offset + UTF8.width(scalars[marker.end - 1].scalar)
        let range = cell.nodeRange(offset..<end)
        let item = "\(marker.number)、"
        let tail = ListRunTogetherRule.excerpt(before: marker.start, in: scalars)
        let message = LocalizedText(
          zh: "条目“\(item)”紧跟在“\(tail)”后面，缺少“；”等分隔符（上一条可能被截断）",
          en: "Item “\(item)” runs straight on from “\(tail)” with no separator (the previous item may be cut short)")
        let fix = Fix(
          title: LocalizedText(zh: "在“\(item)”前插入“；”", en: "Insert “；” before “\(item)”"), isSafe: true,
          edits: [FixEdit(range: cell.nodeRange(offset..<offset), newText: "；")])
        findings.append(diagnostic(message, at: range, fixes: [fix]))
      }
    }
    return findings
  }

  /// Quotation marks, brackets and punctuation an excerpt never starts with: `“…”普法` reads as a broken quote.
  static let excerptTrim: Set<Unicode.Scalar> = Set("“”‘’\"'「」『』《》〈〉（）()【】[]，,。.；;：:、！!？? 　\t".unicodeScalars)

  /// Up to six characters of the previous item, so the reader sees where it was cut: `…` when it is cut, and never
  /// starting on a quotation mark or punctuation (the excerpt starts after it).
  static func excerpt(before end: Int, in scalars: [(scalar: Unicode.Scalar, offset: Int)]) -> String {
    var start = max(0, end - 6)
    while start < end - 1 && excerptTrim.contains(scalars[start].scalar) { start += 1 }
    let text = String(String.UnicodeScalarView(scalars[start..<end].map(\.scalar)))
    return start > 0 ? "…" + text : text
  }

  /// Whether `text` holds an ASCII digit right before `、`, as every item number does (most cells do not).
  static func mayHoldItemNumber(_ text: String) -> Bool {
    TextClean.withBytes(text) { bytes in
      var index = 1
      while index + 2 < bytes.count {
        if bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81, (0x30...0x39).contains(bytes[index - 1]) {
          return true
        }
        index += 1
      }
      return false
    }
  }

  /// `N、` markers: a maximal run of ASCII digits followed by `、` (scalar indices; `end` past the `、`).
  static func itemNumbers(_ scalars: [(scalar: Unicode.Scalar, offset: Int)]) -> [(number: Int, start: Int, end: Int)] {
    var result: [(Int, Int, Int)] = []
    var index = 0
    while index < scalars.count {
      guard isDigit(scalars[index].scalar) else {
        index += 1
        continue
      }
      let start = index
      var number = 0
      while index < scalars.count, isDigit(scalars[index].scalar), number < 10_000 {
        number = number * 10 + Int(scalars[index].scalar.value - 0x30)
        index += 1
      }
      // A decimal part (`1.5、`) or a digit before (`2021.1、`) makes it a figure, not an item number.
      let partOfFigure = start > 0 && (scalars[start - 1].scalar == "." || isDigit(scalars[start - 1].scalar))
      if index < scalars.count, scalars[index].scalar == "、", !partOfFigure {
        result.append((number, start, index + 1))
      }
    }
    return result
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}
