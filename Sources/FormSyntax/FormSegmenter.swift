/// Splits text into form nodes: classifies every line and cuts before each line that starts a form.
///
/// A form starts at an annex line, or at a title line unless the current form so far holds only its annex
/// line (and blank lines): `附件5-1` then `2021年…绩效目标表` is one form. A form needs a table: an annex or
/// title line with no table after it (before the next annex or title) opens no form; its lines stay free lines
/// of the node before (or of the preamble), and lose their boundary mark. Whether a piece holds a table depends
/// on the piece alone, so incremental reparsing of whole nodes stays exact.
///
/// The cut is the same in every layout: where Markdown may occur (`LayoutPolicy.allowsMarkdown`) a heading's
/// text is classified without its `#` marks and a pipe row never starts a form. Each piece's layout is then
/// chosen from its own lines (`LayoutEvidence`), so it too depends on the piece alone.
struct FormSegmenter {
  /// A piece of text that becomes one form node, with its lines in absolute offsets.
  struct Piece {
    var start: Int
    var end: Int
    var isForm: Bool
    var lines: [SyntaxLine] = []
    /// The piece's layout, from the policy (detected from the piece's lines or pinned).
    var layout: Layout = .notation
    /// Whether the piece holds a table in its layout (a form without one opens no form).
    var hasTable = false
  }

  /// What the lines of a piece say about its layout, and whether it holds a table.
  struct LayoutEvidence {
    /// Lines that open a cell the notation's way: a TAB, and no other TAB on the line.
    var notationLines = 0
    /// Lines that start with a TAB (notation cells; TSV rows whose first cell is empty).
    var tabLedLines = 0
    /// Lines with a TAB between cells (a TAB after the first byte, or after non-TAB text), heading lines aside.
    var tsvLines = 0
    /// Markdown pipe rows directly followed by a delimiter row.
    var markdownTables = 0
    /// The previous line when it is a pipe row: where its leading pipe is and where its text ends.
    var previousPipeRow: (pipe: Int, end: Int)?

    func layout(fallback: Layout) -> Layout {
      if markdownTables > 0 { return .markdown }
      if tsvLines > notationLines { return .tsv }
      if notationLines > 0 { return .notation }
      return fallback
    }

    func hasTable(in layout: Layout) -> Bool {
      switch layout {
      case .notation: return tabLedLines > 0
      case .tsv: return tsvLines + tabLedLines > 0
      case .markdown: return markdownTables > 0
      }
    }
  }

  /// Scans `bytes[range]`. `atDocumentStart` allows a BOM and a preamble.
  ///
  /// `endsAnnexOnly` tells whether the last piece holds only an annex line and blank lines: a title line
  /// right after the range would then belong to it.
  static func split(
    _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, atDocumentStart: Bool, policy: LayoutPolicy = .pinned(.notation)
  ) -> (pieces: [Piece], bomLength: Int, endsAnnexOnly: Bool) {
    var bomLength = 0
    if atDocumentStart && range.count >= 3 && bytes[range.lowerBound] == 0xEF && bytes[range.lowerBound + 1] == 0xBB
      && bytes[range.lowerBound + 2] == 0xBF
    {
      bomLength = 3
    }
    var pieces: [Piece] = []
    let markdown = policy.allowsMarkdown
    var evidence = LayoutEvidence()
    func finished(_ piece: Piece) -> Piece {
      var piece = piece
      switch policy {
      case .detect(let fallback): piece.layout = evidence.layout(fallback: fallback)
      case .pinned(let layout): piece.layout = layout
      }
      piece.hasTable = evidence.hasTable(in: piece.layout)
      evidence = LayoutEvidence()
      return piece
    }
    var current = Piece(start: range.lowerBound, end: range.lowerBound, isForm: false)
    var annexOnly = false
    var inCell = false
    var lineStart = range.lowerBound + bomLength
    let rangeEnd = range.upperBound
    // A bounded view so that scanning never runs past the range.
    let view = UnsafeBufferPointer(rebasing: bytes[0..<rangeEnd])
    while lineStart < rangeEnd {
      let (contentEnd, end, tabs) = LineScanner.scanLine(view, from: lineStart)
      var contentStart = lineStart
      let kind: LineKind
      var boundary = false
      var isAnnex = false
      if contentEnd == lineStart {
        kind = .blank
      } else if view[lineStart] == LineScanner.tab {
        kind = .cellStart
        contentStart = lineStart + 1
      } else if markdown && MarkdownScanner.pipeStart(view, lineStart, contentEnd) != nil {
        // A pipe row never starts a form.
        kind = inCell ? .continuation : .free
      } else {
        // The classifier sees a Markdown heading's text without its `#` marks.
        let text =
          markdown ? (MarkdownScanner.headingText(view, lineStart, contentEnd) ?? lineStart..<contentEnd) : lineStart..<contentEnd
        let heading = LineScanner.heading(view, text.lowerBound, text.upperBound)
        boundary = heading != .none
        isAnnex = boundary && Headings.hasAnnexPrefix(view, text.lowerBound, text.upperBound)
        kind = (!boundary && inCell) ? .continuation : .free
        if boundary { contentStart = text.lowerBound }
      }
      if boundary {
        let gluedToAnnex = !isAnnex && current.isForm && annexOnly
        if !gluedToAnnex {
          if current.lines.isEmpty {
            current.isForm = true
          } else {
            current.end = lineStart
            pieces.append(finished(current))
            current = Piece(start: lineStart, end: lineStart, isForm: true)
          }
          annexOnly = isAnnex
        } else {
          annexOnly = false
        }
      } else if kind != .blank {
        annexOnly = false
      }
      evidence.add(view, lineStart, contentEnd, tabs: tabs, isBoundary: boundary)
      inCell = kind == .cellStart || kind == .continuation
      current.lines.append(
        SyntaxLine(
          start: lineStart, contentStart: contentStart, contentEnd: contentEnd, end: end, kind: kind,
          isFormBoundary: boundary))
      lineStart = end
    }
    current.end = rangeEnd
    if !current.lines.isEmpty || pieces.isEmpty || bomLength > 0 { pieces.append(finished(current)) }
    return (mergingTablelessForms(pieces), bomLength, annexOnly)
  }

  /// Folds every form piece that holds no table into the piece before it (or makes it the preamble).
  static func mergingTablelessForms(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    result.reserveCapacity(pieces.count)
    for var piece in pieces {
      if piece.isForm && !piece.hasTable {
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

extension FormSegmenter.LayoutEvidence {
  /// Counts one line's evidence.
  @inline(__always)
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, tabs: Int, isBoundary: Bool) {
    if tabs > 0 && !isBoundary {
      if bytes[start] == LineScanner.tab {
        tabLedLines += 1
        if tabs == 1 { notationLines += 1 } else { tsvLines += 1 }
      } else {
        tsvLines += 1
      }
    }
    guard start < end, !isBoundary, bytes[start] == MarkdownScanner.pipe || bytes[start] == MarkdownScanner.space
      || bytes[start] == 0x2D || bytes[start] == 0x3A
    else {
      previousPipeRow = nil
      return
    }
    let pipe = MarkdownScanner.pipeStart(bytes, start, end)
    // A table as the Markdown reader takes one: a pipe row, then a pipe-led delimiter row of as many cells.
    if let previous = previousPipeRow, let pipe, MarkdownScanner.isDelimiterRow(bytes, start, end),
      MarkdownScanner.cells(bytes, pipeStart: pipe, end: end).count
        == MarkdownScanner.cells(bytes, pipeStart: previous.pipe, end: previous.end).count
    {
      markdownTables += 1
    }
    previousPipeRow = pipe.map { ($0, end) }
  }
}
