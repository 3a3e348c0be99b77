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

/// Why a file could not be read or written.
public enum SourceFileError: Error, Equatable, CustomStringConvertible {
  /// The bytes are none of the supported encodings.
  case undecodable(path: String)
  /// The file is larger than the configured limit.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The file could not be read at all.
  case unreadable(path: String, reason: String)
  /// The fixed text could not be written back; the file is unchanged.
  case unwritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .undecodable(let path):
      return "\(path): not UTF-8, UTF-16 (with BOM) or GB18030 text; the file was not checked and will not be written"
    case .tooLarge(let path, let size, let limit):
      return "\(path): \(size) bytes is more than the limit of \(limit) bytes; the file was not checked "
        + "(raise the limit with --max-file-size or \"maxFileSize\" in .jixiao.json)"
    case .unreadable(let path, let reason): return "\(path): \(reason)"
    case .unwritable(let path, let reason): return "\(path): not written: \(reason)"
    }
  }
}

/// A form file's text as UTF-8 bytes, with what is needed to write it back unchanged in form.
///
/// Detection order: a UTF-8 BOM, a UTF-16 BOM (LE or BE), valid UTF-8, then GB18030 (which covers GBK and
/// GB2312). UTF-16 without a BOM and UTF-32 are not recognized. Line endings are not touched: the UTF-8 text
/// keeps every CR and LF, so fixes write them back as they were.
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
      // Foundation rejects unpaired surrogates, so what decodes also encodes back to the same bytes.
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

  /// Reads and decodes a file, refusing files above `maximumSize` before reading more than that many bytes
  /// (also for pipes and other files whose size is not known in advance).
  public static func read(path: String, maximumSize: Int = defaultMaximumSize) throws -> SourceFile {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SourceFileError.unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw SourceFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    if status.st_mode & S_IFMT == S_IFDIR { throw SourceFileError.unreadable(path: path, reason: "is a folder") }
    let declared = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
    if declared > maximumSize { throw SourceFileError.tooLarge(path: path, size: declared, limit: maximumSize) }
    let bytes = try readAll(descriptor, path: path, expected: declared, limit: maximumSize)
    if bytes.count > maximumSize { throw SourceFileError.tooLarge(path: path, size: bytes.count, limit: maximumSize) }
    return try SourceFile(path: path, bytes: bytes)
  }

  /// Reads to end of file, or until more than `limit` bytes have arrived.
  private static func readAll(_ descriptor: Int32, path: String, expected: Int, limit: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(expected, limit) + 1)
    let chunkSize = 1 << 20
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, min(chunkSize, limit + 1 - bytes.count)) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SourceFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[..<count])
    }
    return bytes
  }

  /// UTF-8 text encoded back into the file's encoding, or nil when it cannot be.
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

  /// Whether the text encodes back to exactly the bytes read, so that writing a fixed text changes nothing but
  /// the fixes. False for GB18030 files that use the single byte 0x80 (the cp936 euro sign), which GB18030
  /// spells A2 E3: such a file is checked but never written.
  public var isWritable: Bool {
    switch encoding {
    case .utf8, .utf8BOM: return true
    case .utf16LE, .utf16BE, .gb18030: return encode(utf8) == original
    }
  }

  /// Writes `text` (UTF-8) back in the file's encoding, BOM and all, atomically: a temporary file beside the
  /// file (created exclusively, with the file's permissions and, where allowed, its owner), flushed to disk,
  /// then renamed over it. A symbolic link is followed, so the link stays and its target is replaced.
  /// Refuses when the file changed on disk since it was read, or when the text cannot be encoded faithfully.
  public func write(_ text: [UInt8]) throws {
    guard isWritable else {
      throw SourceFileError.unwritable(path: path, reason: "its \(encoding.rawValue) bytes do not survive decoding and encoding unchanged")
    }
    guard let encoded = encode(text) else {
      throw SourceFileError.unwritable(path: path, reason: "the fixed text cannot be encoded as \(encoding.rawValue)")
    }
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let current = (try? Data(contentsOf: URL(fileURLWithPath: target))).map { [UInt8]($0) }
    guard current == original else {
      throw SourceFileError.unwritable(path: path, reason: "it changed on disk since it was read")
    }
    var status = stat()
    guard stat(target, &status) == 0 else { throw SourceFileError.unwritable(path: path, reason: String(cString: strerror(errno))) }
    let directory = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).jixiao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let permissions = status.st_mode & 0o7777
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
    guard descriptor >= 0 else {
      throw SourceFileError.unwritable(path: path, reason: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))")
    }
    func abandon(_ reason: String) -> SourceFileError {
      close(descriptor)
      unlink(temporary)
      return .unwritable(path: path, reason: reason)
    }
    var written = 0
    while written < encoded.count {
      let count = encoded.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, encoded.count - written) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw abandon("cannot write a temporary file beside it: \(String(cString: strerror(errno)))") }
      written += count
    }
    // The umask may have cleared bits at creation; the owner is kept when allowed (root, or same owner).
    _ = fchmod(descriptor, permissions)
    _ = fchown(descriptor, status.st_uid, status.st_gid)
    guard fsync(descriptor) == 0 else { throw abandon("cannot flush a temporary file: \(String(cString: strerror(errno)))") }
    close(descriptor)
    guard rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw SourceFileError.unwritable(path: path, reason: "cannot replace the file: \(reason)")
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
