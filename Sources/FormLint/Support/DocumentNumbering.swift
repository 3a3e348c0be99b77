import FormModel

/// A number written in a form that orders the document: the annex number (`5-3` from `附件5-3`) or the
/// project's item number (`3` from `3、社区矫正…`).
public struct DocumentNumber: Sendable, Equatable {
  /// What comes before the last number (`5-` for `5-3`; empty for a single number).
  public let prefix: String
  /// The last number (3 for `5-3`).
  public let number: Int
  /// Byte range of the last number's digits (relative to the form node until the summary is shifted).
  public var range: Range<Int>

  /// The number as written, prefix included.
  public var text: String { "\(prefix)\(number)" }

  /// The same number with its range moved by `delta`.
  func shifted(by delta: Int) -> DocumentNumber {
    var copy = self
    copy.range = (range.lowerBound + delta)..<(range.upperBound + delta)
    return copy
  }
}

/// Reads the numbers JX601 compares, when a form's summary is made.
enum DocumentNumbering {
  private static let separators: Set<Unicode.Scalar> = ["-", "－", "—", "–", ".", "．"]

  /// The annex number of a form: the digits and separators after `附件` on its annex line.
  static func annexNumber(in form: Form) -> DocumentNumber? {
    guard let annex = form.annex else { return nil }
    let line = form.node.lines[annex.lineIndex]
    let scalars = HygieneText.scalars(form.node.text(ofLine: annex.lineIndex))
    guard let mark = scalars.firstIndex(where: { $0.scalar == "件" }) else { return nil }
    var index = mark + 1
    while index < scalars.count, TextClean.isSpace(scalars[index].scalar) { index += 1 }
    var prefix = ""
    var lastStart: Int?
    var lastEnd = index
    var number = 0
    while index < scalars.count {
      let scalar = scalars[index].scalar
      if isDigit(scalar) {
        if lastStart == nil {
          lastStart = index
          number = 0
        }
        number = min(number * 10 + Int(scalar.value - 0x30), 1_000_000)
        lastEnd = index + 1
      } else if separators.contains(scalar), lastStart != nil, index + 1 < scalars.count, isDigit(scalars[index + 1].scalar) {
        prefix += String(String.UnicodeScalarView(scalars[lastStart!..<(index + 1)].map(\.scalar)))
        lastStart = nil
      } else {
        break
      }
      index += 1
    }
    guard let start = lastStart else { return nil }
    let end = lastEnd < scalars.count ? scalars[lastEnd].offset : form.node.text(ofLine: annex.lineIndex).utf8.count
    return DocumentNumber(
      prefix: prefix, number: number, range: (line.contentStart + scalars[start].offset)..<(line.contentStart + end))
  }

  /// The item number that opens the project name (`3、…`, `3.…`), if any.
  static func projectNumber(in form: Form) -> DocumentNumber? {
    guard let cell = form.value(.projectName) else { return nil }
    let scalars = HygieneText.scalars(cell.text)
    guard let start = scalars.firstIndex(where: { !TextClean.isSpace($0.scalar) }) else { return nil }
    var end = start
    var number = 0
    while end < scalars.count, isDigit(scalars[end].scalar), number < 1_000_000 {
      number = number * 10 + Int(scalars[end].scalar.value - 0x30)
      end += 1
    }
    guard end > start, end < scalars.count, "、.．，,".unicodeScalars.contains(scalars[end].scalar) else { return nil }
    let range = cell.nodeRange(scalars[start].offset..<scalars[end].offset)
    return DocumentNumber(prefix: "", number: number, range: range)
  }

  /// A project name without its item number and whitespace, for comparing names across forms (JX602).
  static func comparableName(_ name: String) -> String {
    var scalars = Array(TextClean.squeezed(name).unicodeScalars)
    let digits = scalars.prefix { isDigit($0) }.count
    if digits > 0, digits < scalars.count, "、.．，,".unicodeScalars.contains(scalars[digits]) {
      scalars.removeFirst(digits + 1)
    }
    return String(String.UnicodeScalarView(scalars))
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}
