import OfficeFormats

/// Builds small .docx/.xlsx archives in memory for the reader tests.
enum OfficeFixture {
  static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

  /// A .docx whose body is `body` (WordprocessingML with the `w:` prefix).
  static func docx(body: String) -> [UInt8] {
    let document = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="\(wordNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)<w:sectPr/></w:body></w:document>
      """
    var writer = ZipWriter()
    writer.add("[Content_Types].xml", Array(contentTypes.utf8))
    writer.add("_rels/.rels", Array(rootRelationships.utf8))
    writer.add("word/document.xml", Array(document.utf8))
    return writer.finish()
  }

  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """
  static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

  /// A paragraph of one run per text.
  static func p(_ texts: String...) -> String {
    "<w:p>" + texts.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
  }

  /// A cell with the given paragraphs and properties.
  static func tc(_ paragraphs: String..., properties: String = "") -> String {
    "<w:tc><w:tcPr>\(properties)</w:tcPr>" + (paragraphs.isEmpty ? "<w:p/>" : paragraphs.joined()) + "</w:tc>"
  }

  static func tr(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }
  static func tbl(_ rows: String...) -> String { "<w:tbl><w:tblPr/><w:tblGrid/>" + rows.joined() + "</w:tbl>" }

  /// An .xlsx with one sheet per entry: (name, sheetData XML, mergeCells XML), shared strings and styles.
  static func xlsx(sheets: [(String, String, String)], sharedStrings: [String] = [], styles: String = "") -> [UInt8] {
    var writer = ZipWriter()
    let sheetList = sheets.enumerated().map { index, sheet in
      "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }.joined()
    writer.add("xl/workbook.xml", Array("""
      <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetList)</sheets></workbook>
      """.utf8))
    let relationships = sheets.indices.map {
      "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
    }.joined()
    writer.add("xl/_rels/workbook.xml.rels", Array("""
      <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
      """.utf8))
    for (index, sheet) in sheets.enumerated() {
      writer.add("xl/worksheets/sheet\(index + 1).xml", Array("""
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(sheet.1)</sheetData>\(sheet.2)</worksheet>
        """.utf8))
    }
    if !sharedStrings.isEmpty {
      let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
      writer.add("xl/sharedStrings.xml", Array("""
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(items)</sst>
        """.utf8))
    }
    if !styles.isEmpty {
      writer.add("xl/styles.xml", Array("""
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(styles)</styleSheet>
        """.utf8))
    }
    return writer.finish()
  }

  /// The notation text of an office file's bytes.
  static func notation(_ bytes: [UInt8], path: String = "test.docx") throws -> String {
    String(decoding: NotationRenderer.render(try OfficeFile.read(bytes, path: path)).text, as: UTF8.self)
  }
}
