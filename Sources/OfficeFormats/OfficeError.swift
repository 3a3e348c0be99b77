/// Why an office file could not be read or written. Each is about one file; callers report it and go on
/// with the other files.
public enum OfficeError: Error, Equatable, CustomStringConvertible, Sendable {
  /// Not a zip archive at all (a renamed text or other file), or a zip without the parts of this format.
  case notOffice(reason: String)
  /// An old binary Word 97–2003 (.doc) or Excel (.xls) file.
  case legacyBinary(format: String, modern: String)
  /// A password-protected (encrypted) document.
  case encrypted
  /// The zip container is damaged: truncated, bad offsets, CRC mismatch, unsupported method.
  case corruptZip(reason: String)
  /// An entry or the whole archive inflates past a limit (a zip bomb, or a document beyond what is checked).
  case limitExceeded(reason: String)
  /// An XML part is malformed or uses what is refused (DTDs, entity declarations, nesting too deep).
  case badXML(part: String, reason: String)
  /// The output could not be written; nothing was written.
  case unwritable(reason: String)

  public var description: String {
    switch self {
    case .notOffice(let reason): return reason
    case .legacyBinary(let format, let modern):
      return "an old binary \(format) file; Jixiao reads only \(modern): open it in Word, WPS or LibreOffice and "
        + "save it as \(modern)"
    case .encrypted:
      return "the document is password-protected (encrypted); remove the password (save a copy without it) and check that"
    case .corruptZip(let reason): return "the file is damaged (zip container: \(reason))"
    case .limitExceeded(let reason): return "refused: \(reason)"
    case .badXML(let part, let reason): return "malformed XML in \(part): \(reason)"
    case .unwritable(let reason): return "not written: \(reason)"
    }
  }

  /// The message in Simplified Chinese (`chinese`) or English.
  public func description(chinese: Bool) -> String {
    guard chinese else { return description }
    switch self {
    case .notOffice(let reason):
      if reason.hasPrefix("not a zip archive") { return "不是 zip 压缩包，因而不是真正的 .docx/.xlsx 文件（改过扩展名？）；如果是文本，请以 .txt 文件检查" }
      if reason.hasPrefix("a zip archive without") { return "是 zip 压缩包，但没有 word/document.xml 或 xl/workbook.xml：不是 Word 或 Excel 文件" }
      return "不是 Word 或 Excel 文件（\(reason)）"
    case .legacyBinary(let format, let modern):
      return "这是旧版二进制 \(format) 文件；Jixiao 只读 \(modern)：请在 Word、WPS 或 LibreOffice 中打开并另存为 \(modern)"
    case .encrypted: return "文档设有密码（已加密）：请去掉密码另存一份后再检查"
    case .corruptZip(let reason): return "文件已损坏（zip 容器：\(reason)）"
    case .limitExceeded(let reason): return "拒绝读取：\(reason)"
    case .badXML(let part, let reason): return "\(part) 中的 XML 有误：\(reason)"
    case .unwritable(let reason): return "未写入：\(reason)"
    }
  }
}

