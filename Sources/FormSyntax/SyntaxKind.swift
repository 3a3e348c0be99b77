/// The kind of a node or token of the lossless syntax tree, printed by `jixiao debug tree`.
public enum SyntaxKind: String, Sendable, CaseIterable {
  /// The whole file.
  case document = "DOCUMENT"
  /// One 绩效目标表: from its annex or title line up to the next form.
  case form = "FORM"
  /// Text before the first form (or a whole file without any form start).
  case preamble = "PREAMBLE"
  /// A line outside any table: annex number, title, unit line, signature line …
  case freeLine = "FREE_LINE"
  /// An empty line that is not the end of a row.
  case blankLine = "BLANK_LINE"
  /// Consecutive rows.
  case table = "TABLE"
  /// Cells up to (and including) the empty line that ends them.
  case row = "ROW"
  /// A TAB-led line and the lines that continue it.
  case cell = "CELL"
  /// A UTF-8 byte order mark at the start of the file.
  case bom = "BOM"
  /// The TAB that opens a cell.
  case tab = "TAB"
  /// Text of a line, without its line break.
  case text = "TEXT"
  /// `\n`, `\r\n` or `\r`.
  case lineBreak = "LINE_BREAK"
  /// What separates the cells of a row in a row layout: a TAB (TSV), a pipe and its padding (Markdown).
  case separator = "SEPARATOR"
  /// Layout syntax that is not cell text: heading marks, a Markdown delimiter row, TSV quotes.
  case markup = "MARKUP"
  /// A Markdown table's delimiter row (`|---|---|`).
  case delimiterRow = "DELIMITER_ROW"
}

/// What a physical line is, decided from its first bytes and the line before it.
public enum LineKind: UInt8, Sendable {
  /// Nothing before the line break.
  case blank
  /// A line outside tables (annex, title, unit line, signature …).
  case free
  /// A line starting with TAB: it opens a cell.
  case cellStart
  /// A non-empty line without TAB right after a cell line: it continues that cell.
  case continuation
  /// A line of a table row in a row layout (TSV, Markdown): cells side by side, a quoted TSV cell may span lines.
  case row
  /// A Markdown table's delimiter row (`|---|:---:|`).
  case delimiter
}
