import Foundation

/// The headings of indicator-table columns (research/templates.md §4), as data: each role and the headings
/// that name it. Headings match after whitespace and parenthesised notes are removed.
public enum IndicatorHeadings {
  /// Role → (exact headings, heading prefixes), checked in this order (notes before values: 指标值说明 is a note).
  public static let table: [(role: IndicatorColumnRole, exact: [String], prefixes: [String])] = [
    (.level1, [], ["一级"]),
    (.level2, [], ["二级"]),
    (.name, ["指标名称", "指标内容", "绩效指标名称"], ["三级"]),
    (.note, ["备注", "指标解释", "指标值说明", "指标值内容", "指标说明", "指标内容/计算公式", "评分细则"], []),
    (.comparator, ["计算符号", "指标值方向", "指标方向", "指标方向性", "指标值类型", "符号"], []),
    (.nature, ["指标性质"], []),
    (.unit, ["计量单位", "单位", "度量单位", "指标单位"], []),
    (.weight, ["权重", "分值", "权重分值", "指标权重", "指标分值"], []),
    (.standard, ["绩效标准", "度量标准", "评分标准", "计分标准", "评价标准"], []),
    (
      .value,
      ["目标值", "年度指标值", "绩效指标值", "计划值", "计划指标值", "本年度计划水平", "指标目标值", "年度目标值", "中期指标值", "全年目标值"],
      ["指标值"]
    ),
  ]

  /// Words that mark a value column as the annual one (`年度指标值`, `指标值（年度）`).
  public static let annualWords = ["年度", "本年", "当年", "全年"]
  /// Words that mark a value column as the multi-year one.
  public static let multiYearWords = ["中期", "长期", "实施期"]
  /// A heading holding one of these is the leading merged label column (`本年度绩效指标`, `绩效指标(权重…)`).
  public static let mergedLabelWords = ["绩效指标", "绩"]

  /// The role a heading names, if any.
  ///
  /// Every row of every table is tried as a heading row (twice per form), so the same few dozen headings are asked
  /// about again and again; each answer took ≈ 22,000 instructions (normalizing, then comparing with every heading
  /// of the table as `String`s) and is remembered (`memo`) after the first time.
  public static func role(of heading: String) -> IndicatorColumnRole? {
    memo.value(for: heading) { computeRole(of: heading) }
  }

  private static let memo = ByteMemo<IndicatorColumnRole?>()

  private static func computeRole(of heading: String) -> IndicatorColumnRole? {
    let key = TemplateCatalog.normalizedLabel(heading).label
    guard !key.isEmpty else { return nil }
    for entry in table {
      if entry.exact.contains(key) || entry.prefixes.contains(where: { key.hasPrefix($0) }) { return entry.role }
    }
    if key == "绩" || key.contains("绩效指标") { return .mergedLabel }
    return nil
  }

  /// Whether a value heading marks the annual column.
  ///
  /// Byte searches where every scalar stands alone (`TextClean.scalarsStandAlone`): then they find what Foundation's
  /// `contains` finds (the compatibility ideographs equivalent to 年, 度 … do not stand alone: `FormReaderTests`).
  public static func isAnnual(_ heading: String) -> Bool {
    let text = TextClean.squeezed(heading)
    return contains(text, annualWords) && !contains(text, multiYearWords)
  }

  private static func contains(_ text: String, _ words: [String]) -> Bool {
    guard TextClean.scalarsStandAlone(text) else { return words.contains { text.contains($0) } }
    return words.contains { TextClean.contains(text, $0) }
  }

  /// Whether a value heading marks the multi-year column (`中期指标值`, `长期目标值`).
  public static func isMultiYear(_ heading: String) -> Bool {
    contains(TextClean.squeezed(heading), multiYearWords)
  }
}

/// Answers of a pure function of a text, remembered: safe from several threads (the checking engine's workers),
/// bounded (past `capacity` distinct texts, new answers are computed and not kept, so hostile input with a million
/// different labels costs what it did without the memo, not memory; texts over `maxLength` bytes are not kept).
/// Keyed by the text's UTF-8 bytes, not the `String`: `String` hashing and `==` go through the canonical (NFC)
/// form, which for CJK text costs hundreds of instructions a call; the bytes are hashed as they are. Equal bytes
/// are an equal `String`, so for a pure function a remembered answer is the answer (texts that are equal only
/// canonically are remembered apart, each with its own answer).
final class ByteMemo<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var buckets: [Int: [(key: [UInt8], value: Value)]] = [:]
  private var count = 0
  let capacity: Int
  /// Longer texts are not remembered (labels are short; a form's long texts, goals and descriptions, would fill it).
  let maxLength: Int

  init(capacity: Int = 4096, maxLength: Int = 96) {
    self.capacity = capacity
    self.maxLength = maxLength
  }

  func value(for text: String, compute: () -> Value) -> Value {
    guard text.utf8.count <= maxLength else { return compute() }
    let (hash, known): (Int, Value?) = TextClean.withBytes(text) { bytes in
      var hasher = Hasher()
      hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
      let hash = hasher.finalize()
      lock.lock()
      defer { lock.unlock() }
      guard let bucket = buckets[hash] else { return (hash, nil) }
      for entry in bucket where entry.key.elementsEqual(bytes) { return (hash, entry.value) }
      return (hash, nil)
    }
    if let known { return known }
    let value = compute()
    lock.lock()
    if count < capacity {
      buckets[hash, default: []].append((Array(text.utf8), value))
      count += 1
    }
    lock.unlock()
    return value
  }
}
