/// What a free line is as a heading of a form: an annex line, a title line, or neither.
///
/// The one place that decides it, for every front end (the TAB notation's segmenter, and any other layout):
/// see RULES.md, "Templates".
public enum HeadingKind: Sendable, Equatable {
  /// Neither: prose, a unit line, a mention of a form in a sentence …
  case none
  /// `附件5-1`, `附表2`, `附件：`, a bare `附件`: the annex number line above a form.
  case annex
  /// A free-standing heading that names a target table (`2021年项目支出绩效目标表`, `…绩效目标申报表（2022年度）`),
  /// possibly after an annex prefix (`附件2：…绩效目标表`).
  case title
}

/// Classifies lines as annex lines and title lines.
///
/// A **title** names a target table: after an optional annex prefix, its text ends (before trailing
/// parenthesised notes and year expressions such as `（2022年度）` or `2021年度`) in 绩效目标表, 项目绩效表, or
/// 绩效目标 + 表 with a short qualifier between (`绩效目标申报表`, `绩效目标（申报）表`, `(绩效目标)申报表`,
/// `绩效目标批复表`); a self-evaluation (`自评表`) is not a target table. A line with sentence punctuation (`。`,
/// `；`, a `，` before the title words), a 《》 citation, a leading list marker (`2.`, `一、`) or a leading tag
/// (`[预算绩效]`) is a mention, not a title.
public enum Headings {
  /// The longest title, in Unicode scalars; longer lines are prose.
  public static let maximumTitleLength = 100

  /// Classifies a line's text (without TAB or line break).
  public static func classify(_ text: Substring.UnicodeScalarView) -> HeadingKind {
    var scalars = text[...]
    trimBlanks(&scalars)
    guard !scalars.isEmpty, scalars.count <= maximumTitleLength else { return .none }
    if startsWithAnnexWord(scalars) {
      scalars = scalars.dropFirst(2)
      skipAnnexNumber(&scalars)
      if scalars.isEmpty { return .annex }
    }
    return isTitle(scalars) ? .title : .none
  }

  /// Classifies a string.
  public static func classify(_ text: String) -> HeadingKind { classify(Substring(text).unicodeScalars) }

  /// Classifies UTF-8 bytes `start..<end` (a line's text). Cheap for lines that cannot be headings.
  public static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HeadingKind {
    guard end > start, end - start <= maximumTitleLength * 4 else { return .none }
    guard startsWithAnnexBytes(bytes, start, end) || containsTableWord(bytes, start, end) else { return .none }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return classify(text)
  }

  /// Whether the line's text begins (after blanks) with 附件 or 附表: an annex line, or a title after an annex
  /// prefix. Such a line never joins the form of the annex line above it.
  public static func hasAnnexPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    startsWithAnnexBytes(bytes, start, end)
  }

  /// Whether a string begins (after blanks) with 附件 or 附表.
  public static func hasAnnexPrefix(_ text: String) -> Bool {
    var scalars = Substring(text).unicodeScalars[...]
    trimBlanks(&scalars)
    return startsWithAnnexWord(scalars)
  }

  /// The annex number of an annex line or annex-prefixed title (`5-1` of `附件5-1`), empty for a bare `附件`.
  public static func annexNumber(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    trimBlanks(&scalars)
    guard startsWithAnnexWord(scalars) else { return "" }
    scalars = scalars.dropFirst(2)
    let before = scalars
    skipAnnexNumber(&scalars)
    // One pass, capacity reserved once (two views and a filtered array were built per annex line).
    var number = String.UnicodeScalarView()
    let kept = before[..<scalars.startIndex]
    number.reserveCapacity(text.utf8.count)
    for scalar in kept where !isBlank(scalar) && scalar != ":" && scalar != "：" { number.append(scalar) }
    return String(number)
  }

  // MARK: Pieces

  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0xA0, 0x3000, 0xFEFF: return true
    default: return false
    }
  }

  private static func trimBlanks(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
    while let first = scalars.first, isBlank(first) { scalars.removeFirst() }
    while let last = scalars.last, isBlank(last) { scalars.removeLast() }
  }

  private static func startsWithAnnexWord(_ scalars: Substring.UnicodeScalarView.SubSequence) -> Bool {
    var iterator = scalars.makeIterator()
    guard iterator.next() == "附", let second = iterator.next() else { return false }
    return second == "件" || second == "表"
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
  }

  // The sets below are switches, not `Set`s: hashing a scalar cost more than the rest of the classifier.
  private static func isChineseDigit(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
    default: return false
    }
  }

  private static func isNumberJoiner(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "-", "－", "—", "–", "_": return true
    default: return false
    }
  }

  /// Skips blanks, an optional colon, a number (`5-1`, `５`, `一`), blanks and an optional colon.
  private static func skipAnnexNumber(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
    func skipBlanks() { while let first = scalars.first, isBlank(first) { scalars.removeFirst() } }
    func skipColon() {
      if let first = scalars.first, first == ":" || first == "：" { scalars.removeFirst() }
    }
    skipBlanks()
    skipColon()
    skipBlanks()
    if let first = scalars.first, isDigit(first) {
      while let next = scalars.first, isDigit(next) || isNumberJoiner(next) { scalars.removeFirst() }
    } else if let first = scalars.first, isChineseDigit(first) {
      while let next = scalars.first, isChineseDigit(next) { scalars.removeFirst() }
    }
    skipBlanks()
    skipColon()
    skipBlanks()
  }

  /// The two openers a closing bracket matches, or nil when the scalar closes nothing.
  private static func openers(closedBy scalar: Unicode.Scalar) -> (Unicode.Scalar, Unicode.Scalar)? {
    switch scalar {
    case "）": return ("（", "(")
    case ")": return ("(", "（")
    case "】": return ("【", "[")
    case "]": return ("[", "【")
    case "］": return ("［", "[")
    default: return nil
    }
  }

  private static func isSentenceMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "。", "；", ";", "《", "》", "！", "？": return true
    default: return false
    }
  }

  private static func isComma(_ scalar: Unicode.Scalar) -> Bool { scalar == "，" || scalar == "," }

  /// Whether the text (after any annex prefix) is a title.
  static func isTitle(_ text: Substring.UnicodeScalarView.SubSequence) -> Bool {
    var scalars = text
    trimBlanks(&scalars)
    guard let first = scalars.first else { return false }
    if scalars.contains(where: isSentenceMark) { return false }
    // A tag (`[预算绩效]…`) or list marker (`2.…`, `一、…`, `(1)…`) marks a mention, not a heading.
    switch first {
    case "[", "【", "［", ".", "．", "、": return false
    default: break
    }
    if startsWithListMarker(scalars) { return false }
    stripTrailingNotes(&scalars)
    guard scalars.last == "表" else { return false }
    let array = Array(scalars)
    let words: [Unicode.Scalar] = ["绩", "效", "目", "标"]
    var wordsStart: Int?
    if let found = lastIndex(of: words, in: array) {
      let qualifier = array[(found + words.count)..<(array.count - 1)]
      let qualifierText = String(String.UnicodeScalarView(qualifier))
      if qualifier.count <= 6, !qualifier.contains(where: { isComma($0) || isBlank($0) }),
        !qualifierText.contains("自评"), !qualifierText.contains("评价")
      {
        wordsStart = found
      }
    }
    if wordsStart == nil, array.count >= 5, array.suffix(5) == ["项", "目", "绩", "效", "表"] {
      wordsStart = array.count - 5
    }
    guard let wordsStart else { return false }
    return !array[..<wordsStart].contains(where: isComma)
  }

  private static func startsWithListMarker(_ scalars: Substring.UnicodeScalarView.SubSequence) -> Bool {
    let array = Array(scalars.prefix(5))
    var index = 0
    if let first = array.first, first == "(" || first == "（" {
      index = 1
      var digits = 0
      while index < array.count, isDigit(array[index]) || isChineseDigit(array[index]) {
        index += 1
        digits += 1
      }
      return digits > 0 && index < array.count && (array[index] == ")" || array[index] == "）")
    }
    var digits = 0
    while index < array.count, isDigit(array[index]) {
      index += 1
      digits += 1
    }
    if digits >= 1 && digits <= 2 && index < array.count && (array[index] == "." || array[index] == "．" || array[index] == "、") {
      return true
    }
    if digits == 0 {
      var numerals = 0
      while index < array.count, isChineseDigit(array[index]) {
        index += 1
        numerals += 1
      }
      return numerals > 0 && index < array.count && array[index] == "、"
    }
    return false
  }

  /// Removes trailing parenthesised notes (`（2022年度）`, `(打捆项目)`) and year expressions (`2021年度`).
  private static func stripTrailingNotes(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
    var guardCount = 0
    while guardCount < 8 {
      guardCount += 1
      trimBlanks(&scalars)
      guard let last = scalars.last else { return }
      if let openers = openers(closedBy: last) {
        guard let open = scalars.dropLast().lastIndex(where: { $0 == openers.0 || $0 == openers.1 }) else { return }
        scalars = scalars[..<open]
        continue
      }
      if last == "度" || last == "年" {
        var rest = scalars.dropLast()
        if last == "度" {
          guard rest.last == "年" else { return }
          rest = rest.dropLast()
        }
        var digits = 0
        while let previous = rest.last, isDigit(previous) || previous == "X" || previous == "x" || previous == "×" {
          rest = rest.dropLast()
          digits += 1
        }
        guard digits == 4 else { return }
        scalars = rest
        continue
      }
      return
    }
  }

  private static func lastIndex(of word: [Unicode.Scalar], in array: [Unicode.Scalar]) -> Int? {
    guard array.count >= word.count else { return nil }
    var index = array.count - word.count
    while index >= 0 {
      if array[index..<(index + word.count)].elementsEqual(word) { return index }
      index -= 1
    }
    return nil
  }

  // MARK: Byte prefilters

  // 附 is E9 99 84; 件 E4 BB B6; 表 E8 A1 A8.
  private static let annexWordBytes: [[UInt8]] = [[0xE9, 0x99, 0x84, 0xE4, 0xBB, 0xB6], [0xE9, 0x99, 0x84, 0xE8, 0xA1, 0xA8]]
  private static let tableWord: [UInt8] = [0xE8, 0xA1, 0xA8]

  private static func startsWithAnnexBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var index = start
    while index < end {
      if bytes[index] == 0x20 || bytes[index] == 0x09 {
        index += 1
      } else if index + 2 < end && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 {
        index += 3
      } else if index + 1 < end && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0 {
        index += 2
      } else if index + 2 < end && bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF {
        index += 3
      } else {
        break
      }
    }
    guard end - index >= 6 else { return false }
    return annexWordBytes.contains { word in (0..<6).allSatisfy { bytes[index + $0] == word[$0] } }
  }

  private static func containsTableWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var index = start
    while index + 2 < end {
      if bytes[index] == 0xE8 && bytes[index + 1] == 0xA1 && bytes[index + 2] == 0xA8 { return true }
      index += 1
    }
    return false
  }
}
