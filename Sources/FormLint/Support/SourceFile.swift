import Foundation

/// The character encoding a form file was read in; fixes write it back the same way.
public enum SourceEncoding: String, Sendable, Codable {
  /// UTF-8 without a byte order mark.
  case utf8 = "utf-8"
  /// UTF-8 with a byte order mark (kept in the text; the tree has a BOM token).
  case utf8BOM = "utf-8-bom"
  /// UTF-16 little endian with a byte order mark.
  case utf16LE = "utf-16le"
  /// UTF-16 big endian with a byte order mark.
  case utf16BE = "utf-16be"
  /// GB18030 (and GBK, its subset), as Windows-made files often are.
  case gb18030 = "gb18030"

  /// Foundation's GB18030 encoding (CFStringEncodings.GB_18030_2000); on Linux GBK decodes through it too.
  static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// Why a file could not be read.
public enum SourceFileError: Error, Equatable, CustomStringConvertible {
  /// The bytes are none of the supported encodings.
  case undecodable(path: String)
  /// The file is larger than the configured limit.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The file could not be read at all.
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .undecodable(let path):
      return "\(path): not UTF-8, UTF-16 (with BOM) or GB18030 text; the file was not checked and will not be written"
    case .tooLarge(let path, let size, let limit):
      return "\(path): \(size) bytes is more than the limit of \(limit) bytes (set \"maxFileSize\" in .jixiao.json)"
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    }
  }
}

/// A form file's text as UTF-8 bytes, with what is needed to write it back unchanged in form.
public struct SourceFile: Sendable {
  /// Where it was read from (`-` for stdin).
  public let path: String
  /// The encoding it was read in.
  public let encoding: SourceEncoding
  /// The text as UTF-8 (a UTF-8 BOM stays in; other encodings' BOMs are dropped and restored on write).
  public let utf8: [UInt8]
  /// The raw bytes as read, to detect a change on disk before writing.
  public let original: [UInt8]

  /// Default size limit: 64 MiB.
  public static let defaultMaximumSize = 64 << 20

  /// Decodes `bytes`, detecting the encoding.
  public init(path: String, bytes: [UInt8]) throws {
    self.path = path
    original = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      guard SourceFile.isValidUTF8(bytes[3...]) else { throw SourceFileError.undecodable(path: path) }
      encoding = .utf8BOM
      utf8 = bytes
    } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let littleEndian = bytes[0] == 0xFF
      guard bytes.count % 2 == 0,
        let text = String(data: Data(bytes[2...]), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
      else { throw SourceFileError.undecodable(path: path) }
      encoding = littleEndian ? .utf16LE : .utf16BE
      utf8 = Array(text.utf8)
    } else if SourceFile.isValidUTF8(bytes[...]) {
      encoding = .utf8
      utf8 = bytes
    } else if let text = String(data: Data(bytes), encoding: SourceEncoding.foundationGB18030) {
      encoding = .gb18030
      utf8 = Array(text.utf8)
    } else {
      throw SourceFileError.undecodable(path: path)
    }
  }

  /// Reads and decodes a file, refusing files above `maximumSize`.
  public static func read(path: String, maximumSize: Int = defaultMaximumSize) throws -> SourceFile {
    let url = URL(fileURLWithPath: path)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    if let size, size > maximumSize { throw SourceFileError.tooLarge(path: path, size: size, limit: maximumSize) }
    do {
      let data = try Data(contentsOf: url)
      return try SourceFile(path: path, bytes: [UInt8](data))
    } catch let error as SourceFileError {
      throw error
    } catch {
      throw SourceFileError.unreadable(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  /// UTF-8 text encoded back into the file's encoding.
  public func encode(_ text: [UInt8]) -> [UInt8]? {
    switch encoding {
    case .utf8, .utf8BOM: return text
    case .utf16LE, .utf16BE:
      let string = String(decoding: text, as: UTF8.self)
      guard let data = string.data(using: encoding == .utf16LE ? .utf16LittleEndian : .utf16BigEndian) else { return nil }
      return (encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]) + [UInt8](data)
    case .gb18030:
      return String(decoding: text, as: UTF8.self).data(using: SourceEncoding.foundationGB18030).map { [UInt8]($0) }
    }
  }

  /// Writes `text` (UTF-8) back in the file's encoding, atomically (temporary file, then rename), keeping
  /// the file's permissions; refuses when the file changed on disk since it was read.
  public func write(_ text: [UInt8]) throws {
    guard let encoded = encode(text) else {
      throw SourceFileError.unreadable(path: path, reason: "the fixed text cannot be encoded as \(encoding.rawValue)")
    }
    let current = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) }
    guard current == original else {
      throw SourceFileError.unreadable(path: path, reason: "changed on disk since it was read; not written")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).jixiao-\(getpid()).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(encoded)) else {
      throw SourceFileError.unreadable(path: path, reason: "cannot create a temporary file beside it")
    }
    if let permissions = attributes?[.posixPermissions] {
      try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
    }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw SourceFileError.unreadable(path: path, reason: "cannot replace the file: \(String(cString: strerror(errno)))")
    }
  }

  static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }
}
