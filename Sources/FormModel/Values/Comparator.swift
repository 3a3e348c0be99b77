import Foundation

/// The comparison a value is stated with: `≥90%`, `10场次以上`, `不超过250万元`.
public enum Comparator: String, Sendable, Equatable, Hashable, CaseIterable {
  case greaterOrEqual = "≥"
  case lessOrEqual = "≤"
  case greater = ">"
  case less = "<"
  case equal = "="

  /// The mathematical symbol of the comparison.
  public var symbol: String { rawValue }

  /// The first comparator a text states, as a symbol or word before a number (`≥`, `不低于`) or after a value
  /// (`以上`), or nil.
  public static func stated(in text: String) -> Comparator? {
    let scalars = ScalarText(text)
    var index = 0
    while index < scalars.count {
      if let found = ComparatorLexicon.prefix(in: scalars, at: index) ?? ComparatorLexicon.suffix(in: scalars, at: index) {
        return found.comparator
      }
      index += 1
    }
    return nil
  }

  /// Whether `value` satisfies the comparison against `bound` (`value ≥ bound` for `.greaterOrEqual`).
  public func holds(_ value: ExactDecimal, against bound: ExactDecimal) -> Bool {
    switch self {
    case .greaterOrEqual: return value >= bound
    case .lessOrEqual: return value <= bound
    case .greater: return value > bound
    case .less: return value < bound
    case .equal: return value == bound
    }
  }
}

/// `Comparator` under a name Foundation does not also export (its `Comparator` is an Objective-C block type), for
/// files that import both modules.
public typealias ValueComparator = Comparator

/// Comparator symbols and words as they stand before a number (`不低于`) or after a value (`以上`).
/// Per 民法典 art. 1259, 以上/以下/以内 include the stated number and 超过/不满 exclude it.
enum ComparatorLexicon {
  struct Entry {
    let word: [Unicode.Scalar]
    let comparator: Comparator
    /// A one-character word such as `达` that is safe before a percentage but not before money (`下达20万元`).
    let isLoose: Bool
  }

  static let prefixes: [Entry] = entries(
    [
      (.greaterOrEqual, ["≥", "≧", "⩾", ">=", "＞＝", "大于等于", "大于或等于", "不低于", "不少于", "不小于", "至少", "最低", "达到"]),
      (
        .lessOrEqual,
        [
          "≤", "≦", "⩽", "<=", "＜＝", "小于等于", "小于或等于", "不高于", "不超过", "不大于", "不多于", "不超出",
          "最高", "最多", "控制在",
        ]
      ),
      (.greater, [">", "＞", "大于", "高于", "超过", "多于"]),
      (.less, ["<", "＜", "小于", "低于", "少于", "不足", "不满"]),
      (.equal, ["=", "＝", "等于"]),
    ], loose: [(.greaterOrEqual, "达")])

  static let suffixes: [Entry] = entries(
    [
      (.greaterOrEqual, ["及以上", "以上"]),
      (.lessOrEqual, ["及以下", "以下", "以内", "之内"]),
    ], loose: [])

  /// The comparator written just before `index` (spaces between allowed) and where it starts.
  static func prefix(in text: ScalarText, before index: Int, allowLoose: Bool) -> (comparator: Comparator, start: Int)?
  {
    let end = text.skipSpaces(backwardFrom: index)
    for entry in prefixes where allowLoose || !entry.isLoose {
      if text.matches(entry.word, endingAt: end) { return (entry.comparator, end - entry.word.count) }
    }
    return nil
  }

  /// The comparator word starting at `index` (a prefix read forwards, for whole cells) and where it ends.
  static func prefix(in text: ScalarText, at index: Int) -> (comparator: Comparator, end: Int)? {
    for entry in prefixes where text.matches(entry.word, at: index) {
      return (entry.comparator, index + entry.word.count)
    }
    return nil
  }

  /// The comparator word after a value, at `index` or after spaces, and where it ends.
  static func suffix(in text: ScalarText, at index: Int) -> (comparator: Comparator, end: Int)? {
    let start = text.skipSpaces(from: index)
    for entry in suffixes where text.matches(entry.word, at: start) {
      return (entry.comparator, start + entry.word.count)
    }
    return nil
  }

  private static func entries(_ groups: [(Comparator, [String])], loose: [(Comparator, String)]) -> [Entry] {
    let strict = groups.flatMap { group in
      group.1.map { Entry(word: scalarWord($0), comparator: group.0, isLoose: false) }
    }
    let relaxed = loose.map { Entry(word: scalarWord($0.1), comparator: $0.0, isLoose: true) }
    // Longest first: `不超过` must win over `超过`, `>=` over `=`.
    return (strict + relaxed).sorted { $0.word.count > $1.word.count }
  }
}
