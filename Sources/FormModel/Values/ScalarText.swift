/// The Unicode scalars of a text with the UTF-8 offset of each: the parsers match CJK words by scalar index
/// (one step per character) and still report UTF-8 byte ranges.
struct ScalarText {
  let scalars: [Unicode.Scalar]
  /// `offsets[i]` is the UTF-8 offset of scalar `i`; the extra last element is the text's UTF-8 length.
  let offsets: [Int]

  init(_ text: String) {
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []
    // CJK text has about a third as many scalars as bytes; reserving by bytes avoids regrowth at little cost.
    scalars.reserveCapacity(text.utf8.count)
    offsets.reserveCapacity(text.utf8.count + 1)
    var offset = 0
    for scalar in text.unicodeScalars {
      scalars.append(scalar)
      offsets.append(offset)
      offset += UTF8.width(scalar)
    }
    offsets.append(offset)
    self.scalars = scalars
    self.offsets = offsets
  }

  var count: Int { scalars.count }

  /// No single value in a cell is longer than this many scalars (`2024年1月1日-2024年12月31日` has 21): a longer cell
  /// is prose, and saying so at once spares the whole-cell parsers a walk through a paragraph.
  static let longestCellValue = 40

  /// The trimmed range when it is short enough to be one value (see `longestCellValue`).
  var valueCell: Range<Int>? {
    let cell = trimmed
    return cell.count <= Self.longestCellValue ? cell : nil
  }

  /// The scalar at `index`, or NUL outside the text, so that look-ahead and look-behind need no bounds checks.
  subscript(_ index: Int) -> Unicode.Scalar {
    index >= 0 && index < scalars.count ? scalars[index] : "\u{0}"
  }

  /// The UTF-8 byte range of the scalar range `range`.
  func byteRange(_ range: Range<Int>) -> Range<Int> {
    offsets[range.lowerBound]..<offsets[range.upperBound]
  }

  /// Whether `word` stands at scalar index `index`.
  func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
    guard index >= 0, index + word.count <= scalars.count else { return false }
    for offset in word.indices where scalars[index + offset] != word[offset] { return false }
    return true
  }

  /// Whether `word` ends just before scalar index `end`.
  func matches(_ word: [Unicode.Scalar], endingAt end: Int) -> Bool {
    matches(word, at: end - word.count)
  }

  /// The end of the first of `words` standing at `index` (list longer words first).
  func matchEnd(of words: [[Unicode.Scalar]], at index: Int) -> Int? {
    for word in words where matches(word, at: index) { return index + word.count }
    return nil
  }

  /// Whether any of `words` starts inside `range`.
  func contains(_ words: [[Unicode.Scalar]], in range: Range<Int>) -> Bool {
    for index in range where words.contains(where: { matches($0, at: index) }) { return true }
    return false
  }

  /// Runs `read` at each index from the start and collects what it finds. `read` also says where to go on: past
  /// its find, or past a number that was none, so that no search restarts inside a number (`2021年` is no `021`).
  func collect<Found>(_ read: (Int) -> (Found?, Int)) -> [Found] {
    var found: [Found] = []
    var index = 0
    while index < count {
      let (item, next) = read(index)
      if let item { found.append(item) }
      index = max(index + 1, next)
    }
    return found
  }

  /// The first index at or after `index` that is not a space inside a line (space, TAB, U+3000, NBSP).
  func skipSpaces(from index: Int) -> Int {
    var index = index
    while index < count, Self.isInlineSpace(scalars[index]) { index += 1 }
    return index
  }

  /// The lowest index `i <= end` such that the scalars in `i..<end` are all spaces inside a line.
  func skipSpaces(backwardFrom end: Int) -> Int {
    var index = end
    while index > 0, Self.isInlineSpace(scalars[index - 1]) { index -= 1 }
    return index
  }

  /// The scalar range without leading and trailing whitespace (as `TextTrim` defines it).
  var trimmed: Range<Int> {
    var lower = 0
    while lower < count, TextTrim.isWhitespace(scalars[lower]) { lower += 1 }
    var upper = count
    while upper > lower, TextTrim.isWhitespace(scalars[upper - 1]) { upper -= 1 }
    return lower..<upper
  }

  /// The start of the stretch ending at `index` that holds no scalar `isBoundary` accepts.
  func stretchStart(before index: Int, isBoundary: (Unicode.Scalar) -> Bool) -> Int {
    var start = index
    while start > 0, !isBoundary(scalars[start - 1]) { start -= 1 }
    return start
  }

  /// The end of the stretch starting at `index` that holds no scalar `isBoundary` accepts.
  func stretchEnd(from index: Int, isBoundary: (Unicode.Scalar) -> Bool) -> Int {
    var end = index
    while end < count, !isBoundary(scalars[end]) { end += 1 }
    return end
  }

  static func isInlineSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0xA0, 0x3000: return true
    default: return false
    }
  }
}

/// The scalars of a word, for matching against a `ScalarText`.
func scalarWord(_ word: String) -> [Unicode.Scalar] { Array(word.unicodeScalars) }

/// The scalars of several words, longest first so that a match prefers `场次` to `场`.
func scalarWords(_ words: [String]) -> [[Unicode.Scalar]] {
  words.map(scalarWord).sorted { $0.count > $1.count }
}

/// Punctuation that separates the parts of a text. Switches rather than sets: these run once per scalar, and
/// hashing a scalar costs more than the comparisons.
enum Boundaries {
  /// Ends of sentences: a `其中` breakdown does not reach past them.
  static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "。", "；", ";", "！", "？", "!", "?", "\n", "\r": return true
    default: return false
    }
  }

  /// Ends of clauses, as RULES.md JX401 counts them (`，。；` and their ASCII forms).
  static func isClauseEnd(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "，" || scalar == "," || isSentenceEnd(scalar)
  }

  /// Ends of list items too: a `每人` before one item does not make the next item a unit price.
  static func isListItemEnd(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "、" || scalar == "：" || scalar == ":" || isClauseEnd(scalar)
  }

  /// Separators between the parts of a date: `2021.1`, `2021-01-01`, `2021/1/1`, and full-width forms.
  static func isDatePartSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ".", "-", "/", "．", "－", "／": return true
    default: return false
    }
  }

  /// Separators between the two ends of a period or a range.
  static func isRangeSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "-", "－", "—", "–", "‐", "−", "~", "～", "〜", "至", "到": return true
    default: return false
    }
  }
}
