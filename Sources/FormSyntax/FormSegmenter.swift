/// Splits text into form nodes: classifies every line and cuts before each line that starts a form.
///
/// A form starts at an annex line, or at a title line unless the current form so far holds only its annex
/// line (and blank lines): `附件5-1` then `2021年…绩效目标表` is one form. A form needs a table: an annex or
/// title line with no table after it (before the next annex or title) opens no form; its lines stay free lines
/// of the node before (or of the preamble), and lose their boundary mark. Whether a piece holds a table depends
/// on the piece alone, so incremental reparsing of whole nodes stays exact.
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
        let heading = LineScanner.heading(view, lineStart, contentEnd)
        boundary = heading != .none
        isAnnex = boundary && Headings.hasAnnexPrefix(view, lineStart, contentEnd)
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
    return (mergingTablelessForms(pieces), bomLength, annexOnly)
  }

  /// Folds every form piece that holds no table into the piece before it (or makes it the preamble).
  static func mergingTablelessForms(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    result.reserveCapacity(pieces.count)
    for var piece in pieces {
      if piece.isForm && !piece.lines.contains(where: { $0.kind == .cellStart }) {
        piece.lines = piece.lines.map {
          SyntaxLine(
            start: $0.start, contentStart: $0.contentStart, contentEnd: $0.contentEnd, end: $0.end, kind: $0.kind,
            isFormBoundary: false)
        }
        if result.isEmpty {
          piece.isForm = false
        } else {
          result[result.count - 1].end = piece.end
          result[result.count - 1].lines += piece.lines
          continue
        }
      }
      result.append(piece)
    }
    return result
  }
}
