// The readers build these values with the synthesized memberwise initializers; other modules only read them.

/// The grid an office file is read into: paragraphs and tables in document order, tables of rows of cells,
/// each cell a list of paragraphs; every piece of text keeps where it came from in the part's XML so that
/// findings can be placed back (comments, tracked changes).
public struct OfficeDocument: Sendable {
  public enum Kind: String, Sendable {
    case docx, xlsx
  }

  public let kind: Kind
  public var blocks: [OfficeBlock]
}

/// A top-level paragraph (a free line) or a table.
public enum OfficeBlock: Sendable {
  /// A paragraph outside tables; `number` counts the document's top-level paragraphs from 1.
  case paragraph(OfficeParagraph, number: Int)
  case table(OfficeTable)
}

/// Where a run's text sits in `word/document.xml`.
public struct RunSource: Sendable, Equatable {
  /// The whole `<w:r>…</w:r>`.
  public let run: Range<Int>
  /// The run's start tag.
  public let runTag: Range<Int>
  /// `<w:rPr>…</w:rPr>`, when the run has properties.
  public let properties: Range<Int>?
  /// The `<w:t …>` start tag and the raw bytes of its content.
  public let textTag: Range<Int>
  public let text: Range<Int>
}

/// A stretch of a paragraph's text.
public struct TextPiece: Sendable {
  public var text: String
  /// Set when the text is the whole content of one `<w:t>` (so it can be split to anchor a comment or mark a
  /// change); nil for tabs, breaks, field results, spreadsheet text.
  public var source: RunSource?
}

/// A paragraph: its text pieces and, in a .docx, where its content starts and ends in the XML.
public struct OfficeParagraph: Sendable {
  public var pieces: [TextPiece]
  /// The offset just after `<w:p …>` and its `<w:pPr>` (where a comment range can start); -1 outside .docx.
  public var contentStart = -1
  /// The offset of `</w:p>` (where a comment range can end); -1 outside .docx.
  public var contentEnd = -1
  /// For a sheet row read as a free line: where it is.
  public var sheetLocation: SheetLocation?
  /// In a .docx: the offset just after `<w:p …>`, the offset of `</w:pPr>` when the paragraph has properties,
  /// and the paragraph mark's `<w:rPr>` start tag inside them (to mark the paragraph mark deleted).
  public var afterStartTag = -1
  public var propertiesEnd: Int?
  public var markProperties: (tag: Range<Int>, selfClosing: Bool)?

  public var text: String { pieces.count == 1 ? pieces[0].text : pieces.map(\.text).joined() }
}

/// A table cell.
public struct OfficeCell: Sendable {
  public var paragraphs: [OfficeParagraph]
  /// A vertically merged cell below the first: read empty, as Word's text export reads it.
  public var isContinuation = false
  /// The cell's column as a reader counts the cells of the row (1-based).
  public var column: Int
  /// The spreadsheet reference (`B5`), in a sheet.
  public var reference: String?

  public var text: String { isContinuation ? "" : paragraphs.map(\.text).joined(separator: "\n") }
}

public struct OfficeRow: Sendable {
  public var cells: [OfficeCell]
  /// 1-based row number (in a sheet, the sheet's row number).
  public var number: Int
}

public struct OfficeTable: Sendable {
  /// 表N: top-level tables counted from 1 (in a workbook, per sheet block).
  public var number: Int
  /// The sheet's name, in a workbook.
  public var sheet: String?
  public var rows: [OfficeRow]
}

/// A cell of a sheet.
public struct SheetLocation: Sendable, Equatable {
  public var sheet: String
  public var row: Int
  public var reference: String
}
