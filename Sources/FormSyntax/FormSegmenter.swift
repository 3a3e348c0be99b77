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
  /// A piece of text that becomes one form node, with its lines in offsets relative to the piece's start.
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
  /// `endsInCodeBlock` tells whether a fenced code block is still open at the range's end (Markdown documents):
  /// it would go on into the text after the range.
  ///
  /// `endsAnnexOnly` tells whether the last piece holds only an annex line and blank lines: a title line
  /// right after the range would then belong to it.
  static func split(
    _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, atDocumentStart: Bool, policy: LayoutPolicy = .pinned(.notation)
  ) -> (pieces: [Piece], bomLength: Int, endsAnnexOnly: Bool, endsInCodeBlock: Bool) {
    var bomLength = 0
    if atDocumentStart && range.count >= 3 && bytes[range.lowerBound] == 0xEF && bytes[range.lowerBound + 1] == 0xBB
      && bytes[range.lowerBound + 2] == 0xBF
    {
      bomLength = 3
    }
    var pieces: [Piece] = []
    let markdown = policy.allowsMarkdown
    let codeBlocks = policy.readsCodeBlocks
    var fence: MarkdownScanner.Fence?
    var evidence = LayoutEvidence()
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
      var isCode = false
      if codeBlocks {
        if let openFence = fence {
          isCode = true
          if MarkdownScanner.closesFence(openFence, view, lineStart, contentEnd) { fence = nil }
        } else if let opened = MarkdownScanner.openingFence(view, lineStart, contentEnd) {
          isCode = true
          fence = opened
        }
      }
      if isCode {
        // Fenced code in a Markdown document: shown, not read (no heading, no row, no evidence).
        kind = contentEnd == lineStart ? .blank : .free
        evidence.previousPipeRow = nil
        if kind != .blank { annexOnly = false }
      } else if contentEnd == lineStart {
        kind = .blank
        evidence.previousPipeRow = nil
      } else if view[lineStart] == LineScanner.tab {
        // The notation's cell line (or a TSV row whose first cell is empty): no heading, no pipe row.
        kind = .cellStart
        contentStart = lineStart + 1
        evidence.addTabLed(tabs: tabs)
        annexOnly = false
      } else if markdown && MarkdownScanner.pipeStart(view, lineStart, contentEnd) != nil {
        // A pipe row never starts a form.
        kind = inCell ? .continuation : .free
        evidence.add(view, lineStart, contentEnd, tabs: tabs)
        annexOnly = false
      } else if codeBlocks && MarkdownScanner.isIndented(view, lineStart, contentEnd) {
        // Indented code, or a paragraph's continuation: never a heading, and no evidence.
        kind = inCell ? .continuation : .free
        evidence.previousPipeRow = nil
        annexOnly = false
      } else {
        // The classifier sees a Markdown heading's text without its `#` marks.
        let text =
          markdown ? (MarkdownScanner.headingText(view, lineStart, contentEnd) ?? lineStart..<contentEnd) : lineStart..<contentEnd
        boundary = LineScanner.heading(view, text.lowerBound, text.upperBound) != .none
        if boundary {
          contentStart = text.lowerBound
          let isAnnex = Headings.hasAnnexPrefix(view, text.lowerBound, text.upperBound)
          let gluedToAnnex = !isAnnex && current.isForm && annexOnly
          if !gluedToAnnex {
            if current.lines.isEmpty {
              current.isForm = true
            } else {
              current.end = lineStart
              pieces.append(finished(current, &evidence, policy))
              current = Piece(start: lineStart, end: lineStart, isForm: true)
            }
            annexOnly = isAnnex
          } else {
            annexOnly = false
          }
          evidence.previousPipeRow = nil
          kind = .free
        } else {
          kind = inCell ? .continuation : .free
          evidence.add(view, lineStart, contentEnd, tabs: tabs)
          annexOnly = false
        }
      }
      inCell = kind == .cellStart || kind == .continuation
      let base = current.start
      current.lines.append(
        SyntaxLine(
          start: lineStart - base, contentStart: contentStart - base, contentEnd: contentEnd - base, end: end - base,
          kind: kind, isFormBoundary: boundary, isCode: isCode))
      lineStart = end
    }
    current.end = rangeEnd
    if !current.lines.isEmpty || pieces.isEmpty || bomLength > 0 { pieces.append(finished(current, &evidence, policy)) }
    return (mergingTablelessForms(pieces), bomLength, annexOnly, fence != nil)
  }

  /// The piece with its layout and whether it holds a table, from the evidence of its lines; starts the next
  /// piece's evidence.
  private static func finished(_ piece: Piece, _ evidence: inout LayoutEvidence, _ policy: LayoutPolicy) -> Piece {
    var piece = piece
    switch policy {
    case .detect(let fallback): piece.layout = evidence.layout(fallback: fallback)
    case .pinned(let layout): piece.layout = layout
    }
    piece.hasTable = evidence.hasTable(in: piece.layout)
    evidence = LayoutEvidence()
    return piece
  }

  /// Folds every form piece that holds no table into the piece before it (or makes it the preamble).
  static func mergingTablelessForms(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    result.reserveCapacity(pieces.count)
    for var piece in pieces {
      if piece.isForm && !piece.hasTable {
        // Lines are relative to their piece: rebased when the piece joins the one before.
        let shift = result.last.map { piece.start - $0.start } ?? 0
        piece.lines = piece.lines.map {
          SyntaxLine(
            start: $0.start + shift, contentStart: $0.contentStart + shift, contentEnd: $0.contentEnd + shift,
            end: $0.end + shift, kind: $0.kind, isFormBoundary: false, isCode: $0.isCode)
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
  /// Counts a line that starts with a TAB: a notation cell when it holds no other TAB, else a TSV row.
  @inline(__always)
  mutating func addTabLed(tabs: Int) {
    tabLedLines += 1
    if tabs == 1 { notationLines += 1 } else { tsvLines += 1 }
    previousPipeRow = nil
  }

  /// Counts one line's evidence: a non-empty line that is neither TAB-led nor a form's heading.
  @inline(__always)
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, tabs: Int) {
    if tabs > 0 { tsvLines += 1 }
    let first = bytes[start]
    guard first == MarkdownScanner.pipe || first == MarkdownScanner.space || first == 0x2D || first == 0x3A else {
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
