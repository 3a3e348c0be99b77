/// Splits text into form nodes: classifies every line and cuts before each line that starts a form.
///
/// A form starts at an annex line, or at a title line unless the current form so far holds only its annex
/// line (and blank lines): `附件5-1` then `2021年…绩效目标表` is one form.
struct FormSegmenter {
  /// A piece of text that becomes one form node, with its lines in absolute offsets.
  struct Piece {
    var start: Int
    var end: Int
    var isForm: Bool
    var lines: [SyntaxLine] = []
  }

  /// Scans `bytes[range]`. `atDocumentStart` allows a BOM and a preamble.
  ///
  /// `endsAnnexOnly` tells whether the last piece holds only an annex line and blank lines: a title line
  /// right after the range would then belong to it.
  static func split(
    _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, atDocumentStart: Bool
  ) -> (pieces: [Piece], bomLength: Int, endsAnnexOnly: Bool) {
    var bomLength = 0
    if atDocumentStart && range.count >= 3 && bytes[range.lowerBound] == 0xEF && bytes[range.lowerBound + 1] == 0xBB
      && bytes[range.lowerBound + 2] == 0xBF
    {
      bomLength = 3
    }
    var pieces: [Piece] = []
    var current = Piece(start: range.lowerBound, end: range.lowerBound, isForm: false)
    var annexOnly = false
    var inCell = false
    var lineStart = range.lowerBound + bomLength
    let rangeEnd = range.upperBound
    // A bounded view so that scanning never runs past the range.
    let view = UnsafeBufferPointer(rebasing: bytes[0..<rangeEnd])
    while lineStart < rangeEnd {
      let (contentEnd, end) = LineScanner.scanLine(view, from: lineStart)
      var contentStart = lineStart
      let kind: LineKind
      var boundary = false
      var isAnnex = false
      if contentEnd == lineStart {
        kind = .blank
      } else if view[lineStart] == LineScanner.tab {
        kind = .cellStart
        contentStart = lineStart + 1
      } else {
        isAnnex = LineScanner.isAnnexLine(view, lineStart, contentEnd)
        boundary = isAnnex || LineScanner.isTitleLine(view, lineStart, contentEnd)
        kind = (!boundary && inCell) ? .continuation : .free
      }
      if boundary {
        let gluedToAnnex = !isAnnex && current.isForm && annexOnly
        if !gluedToAnnex {
          if current.lines.isEmpty {
            current.isForm = true
          } else {
            current.end = lineStart
            pieces.append(current)
            current = Piece(start: lineStart, end: lineStart, isForm: true)
          }
          annexOnly = isAnnex
        } else {
          annexOnly = false
        }
      } else if kind != .blank {
        annexOnly = false
      }
      inCell = kind == .cellStart || kind == .continuation
      current.lines.append(
        SyntaxLine(
          start: lineStart, contentStart: contentStart, contentEnd: contentEnd, end: end, kind: kind,
          isFormBoundary: boundary))
      lineStart = end
    }
    current.end = rangeEnd
    if !current.lines.isEmpty || pieces.isEmpty || bomLength > 0 { pieces.append(current) }
    return (pieces, bomLength, annexOnly)
  }
}
