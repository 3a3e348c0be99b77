/// Opening an office file: telling .docx, .xlsx, old binary formats, encrypted documents and other files
/// apart, and reading the document.
public enum OfficeFile {
  /// The OLE compound-file signature of .doc/.xls and of encrypted OOXML.
  static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// Whether a path names a file Jixiao reads as an office file (by extension, any case).
  public static func isOfficePath(_ path: String) -> Bool {
    let lower = path.lowercased()
    return [".docx", ".docm", ".xlsx", ".xlsm", ".doc", ".xls"].contains { lower.hasSuffix($0) }
  }

  /// Reads an office file's bytes. `path` picks .docx or .xlsx when the archive could be either.
  public static func read(_ bytes: [UInt8], path: String, limits: ZipLimits = ZipLimits()) throws(OfficeError) -> OfficeDocument {
    let lower = path.lowercased()
    if bytes.starts(with: compoundFileMagic) {
      if containsUTF16(bytes, "EncryptionInfo") || containsUTF16(bytes, "EncryptedPackage") { throw .encrypted }
      let excel = lower.hasSuffix(".xls") || lower.hasSuffix(".xlsx") || containsUTF16(bytes, "Workbook")
      throw excel ? .legacyBinary(format: "Excel 97–2003 (.xls)", modern: ".xlsx") : .legacyBinary(format: "Word 97–2003 (.doc)", modern: ".docx")
    }
    guard bytes.starts(with: [0x50, 0x4B]) else {
      if lower.hasSuffix(".doc") || lower.hasSuffix(".xls") {
        throw .notOffice(reason: "not a Word or Excel file (no .doc/.xls signature); if it is text, check it as a .txt file")
      }
      throw .notOffice(reason: "not a zip archive, so not a real .docx/.xlsx (a renamed file?); if it is text, check it as a .txt file")
    }
    let archive = try ZipArchive(bytes: bytes, limits: limits)
    if archive.contains("word/document.xml") {
      guard let part = try archive.read("word/document.xml") else { throw .notOffice(reason: "no word/document.xml") }
      return try WordReader.read(part)
    }
    if archive.contains("xl/workbook.xml") {
      return try SpreadsheetReader.read(archive)
    }
    if archive.contains("EncryptedPackage") { throw .encrypted }
    throw .notOffice(reason: "a zip archive without word/document.xml or xl/workbook.xml: not a Word or Excel document")
  }

  private static func containsUTF16(_ bytes: [UInt8], _ text: String) -> Bool {
    let needle = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    guard bytes.count >= needle.count, let first = needle.first else { return false }
    var index = 0
    while index <= bytes.count - needle.count {
      if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }
}
