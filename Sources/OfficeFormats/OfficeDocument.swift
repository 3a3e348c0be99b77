/// The grid an office file is read into: paragraphs and tables in document order, tables of rows of cells,
/// each cell a list of paragraphs; every piece of text keeps where it came from in the part's XML so that
/// findings can be placed back (comments, tracked changes).
public struct OfficeDocument: Sendable {
  public enum Kind: String, Sendable {
    case docx, xlsx
  }

  public let kind: Kind
  public var blocks: [OfficeBlock]

  public init(kind: Kind, blocks: [OfficeBlock]) {
    self.kind = kind
    self.blocks = blocks
  }
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

  public init(text: String, source: RunSource? = nil) {
    self.text = text
    self.source = source
  }
}

/// A paragraph: its text pieces and, in a .docx, where its content starts and ends in the XML.
public struct OfficeParagraph: Sendable {
  public var pieces: [TextPiece]
  /// The offset just after `<w:p …>` and its `<w:pPr>` (where a comment range can start); -1 outside .docx.
  public var contentStart: Int
  /// The offset of `</w:p>` (where a comment range can end); -1 outside .docx.
  public var contentEnd: Int
  /// For a sheet row read as a free line: where it is.
  public var sheetLocation: SheetLocation?
  /// In a .docx: the offset just after `<w:p …>`, the offset of `</w:pPr>` when the paragraph has properties,
  /// and the paragraph mark's `<w:rPr>` start tag inside them (to mark the paragraph mark deleted).
  public var afterStartTag = -1
  public var propertiesEnd: Int?
  public var markProperties: (tag: Range<Int>, selfClosing: Bool)?

  public init(pieces: [TextPiece], contentStart: Int = -1, contentEnd: Int = -1) {
    self.pieces = pieces
    self.contentStart = contentStart
    self.contentEnd = contentEnd
  }

  public var text: String { pieces.count == 1 ? pieces[0].text : pieces.map(\.text).joined() }
}

/// A table cell.
public struct OfficeCell: Sendable {
  public var paragraphs: [OfficeParagraph]
  /// A vertically merged cell below the first: read empty, as Word's text export reads it.
  public var isContinuation: Bool
  /// The cell's column as a reader counts the cells of the row (1-based).
  public var column: Int
  /// The spreadsheet reference (`B5`), in a sheet.
  public var reference: String?

  public init(paragraphs: [OfficeParagraph], isContinuation: Bool = false, column: Int, reference: String? = nil) {
    self.paragraphs = paragraphs
    self.isContinuation = isContinuation
    self.column = column
    self.reference = reference
  }

  public var text: String { isContinuation ? "" : paragraphs.map(\.text).joined(separator: "\n") }
}

public struct OfficeRow: Sendable {
  public var cells: [OfficeCell]
  /// 1-based row number (in a sheet, the sheet's row number).
  public var number: Int

  public init(cells: [OfficeCell], number: Int) {
    self.cells = cells
    self.number = number
  }
}

public struct OfficeTable: Sendable {
  /// 表N: top-level tables counted from 1 (in a workbook, per sheet block).
  public var number: Int
  /// The sheet's name, in a workbook.
  public var sheet: String?
  public var rows: [OfficeRow]

  public init(number: Int, sheet: String? = nil, rows: [OfficeRow]) {
    self.number = number
    self.sheet = sheet
    self.rows = rows
  }
}

/// A cell of a sheet.
public struct SheetLocation: Sendable, Equatable {
  public var sheet: String
  public var row: Int
  public var reference: String

  public init(sheet: String, row: Int, reference: String) {
    self.sheet = sheet
    self.row = row
    self.reference = reference
  }
}
