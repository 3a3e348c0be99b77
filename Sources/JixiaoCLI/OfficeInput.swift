import FormLint
import Foundation
import OfficeFormats

/// Office files (.docx, .xlsx) as the CLI reads them: the document rendered to the notation (checked like a
/// text file) with the map back to tables, rows and cells.
enum OfficeInput {
  /// Whether `path` is read as an office file: by its extension, or because its first bytes are a zip or
  /// compound-file signature (a .docx saved under another name).
  static func isOffice(_ path: String) -> Bool {
    if path == "-" { return false }
    if OfficeFile.isOfficePath(path) { return true }
    // Read the safe way (non-blocking, regular files only): a FIFO named x.docx must not block here.
    let head = SourceFile.leadingBytes(path: path, count: 1 << 16)
    return [.wordDocument, .excelWorkbook, .legacyOffice].contains(FileKind.sniff(head, path: path))
  }

  /// The file's raw bytes, refusing files above `maximumSize`.
  static func bytes(of path: String, maximumSize: Int) throws -> [UInt8] {
    try SourceFile.readBytes(path: path, maximumSize: maximumSize)
  }

  /// Reads and renders an office file: the text to check (as a `SourceFile` named by the path) and the map.
  static func read(path: String, maximumSize: Int) throws -> (SourceFile, RenderedNotation) {
    let raw = try bytes(of: path, maximumSize: maximumSize)
    let document: OfficeDocument
    do {
      document = try OfficeFile.read(raw, path: path)
    } catch {
      throw OfficeInputError(path: path, error: error)
    }
    let rendered = NotationRenderer.render(document)
    return (try SourceFile(path: path, bytes: rendered.text), rendered)
  }
}

/// An office file that could not be read: the file's path and why.
struct OfficeInputError: Error, CustomStringConvertible {
  let path: String
  let error: OfficeError
  var description: String { text(.en) }

  func text(_ language: Language) -> String {
    LocalizedText(zh: "\(path)：\(error.description(chinese: true))；未检查该文件", en: "\(path): \(error.description); the file was not checked").text(language)
  }
}

extension RenderedNotation {
  /// Where a finding's start is, as a user finds it, and the cell's text.
  func place(of offset: Int) -> (place: OfficePlace, quote: String)? {
    span(at: offset).map { ($0.place, $0.quote) }
  }
}

extension OfficeInput {
  /// The refusal of `--fix`/`--diff` on an office file.
  static func refusesFixes(_ path: String) -> UsageError {
    let output = "REVIEWED" + (path.lowercased().hasSuffix(".xlsx") ? ".xlsx" : ".docx")
    return UsageError(
      zh: "\(path)：--fix 和 --diff 只修改文本文件；Word/Excel 文件请用 `jixiao annotate \(path) -o \(output)`"
        + "（问题写成批注；加 --suggest 把安全修复写成修订）",
      en: "\(path): --fix and --diff change text files only; for a Word or Excel file run `jixiao annotate \(path) -o \(output)` "
        + "(findings as comments; --suggest adds the safe fixes as tracked changes)")
  }
}
