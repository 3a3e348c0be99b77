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
  /// UTF-32 little endian with a byte order mark.
  case utf32LE = "utf-32le"
  /// UTF-32 big endian with a byte order mark.
  case utf32BE = "utf-32be"

  /// Foundation's GB18030 encoding (CFStringEncodings.GB_18030_2000); on Linux GBK decodes through it too.
  static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// Why a file could not be read or written.
public enum SourceFileError: Error, Equatable, CustomStringConvertible {
  /// The bytes are none of the supported encodings.
  case undecodable(path: String)
  /// The bytes hold NUL characters: UTF-16 or UTF-32 without a byte order mark, or not text at all.
  case binary(path: String)
  /// The file is larger than the configured limit.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The file could not be read at all.
  case unreadable(path: String, reason: String)
  /// The fixed text could not be written back; the file is unchanged.
  case unwritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .undecodable(let path):
      return "\(path): not UTF-8, UTF-16 or UTF-32 (with BOM) or GB18030 text; the file was not checked and will not be written"
    case .binary(let path):
      return "\(path): holds NUL bytes (UTF-16 or UTF-32 without a byte order mark, or not text); the file was not checked "
        + "and will not be written (save it as UTF-8)"
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
/// Detection order: a UTF-8 BOM, a UTF-32 BOM, a UTF-16 BOM (LE or BE), valid UTF-8, then GB18030 (which covers
/// GBK and GB2312). UTF-16 and UTF-32 without a BOM are refused (they hold NUL bytes), never read as text.
/// Line endings are not touched: the UTF-8 text
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

  /// Decodes `bytes`, detecting the encoding. Text holding U+0000 is refused (`binary`): that is what UTF-16 or
  /// UTF-32 without a BOM looks like when read as UTF-8, and no form holds it, so it is never reported clean.
  public init(path: String, bytes: [UInt8]) throws {
    self.path = path
    original = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      guard SourceFile.isValidUTF8(bytes[3...]) else { throw SourceFileError.undecodable(path: path) }
      encoding = .utf8BOM
      utf8 = bytes
    } else if (bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])) && bytes.count % 4 == 0 {
      let littleEndian = bytes[0] == 0xFF
      guard let text = String(data: Data(bytes[4...]), encoding: littleEndian ? .utf32LittleEndian : .utf32BigEndian)
      else { throw SourceFileError.undecodable(path: path) }
      encoding = littleEndian ? .utf32LE : .utf32BE
      utf8 = Array(text.utf8)
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
    if utf8.contains(0) { throw SourceFileError.binary(path: path) }
  }

  /// Reads and decodes a regular file, refusing files above `maximumSize` before reading more than that many
  /// bytes. The one safe way to read a form from disk, for the CLI and the server alike:
  ///
  /// - the file is opened non-blocking and checked with `fstat` on the open descriptor, so a FIFO, a device or a
  ///   link to `/dev/stdin` is refused at once (`not a regular file`) instead of blocking or reading the
  ///   process's own input; `allowStreams` lets an explicit `/dev/fd/N` through (read to its end, bounded);
  /// - at most `maximumSize + 1` bytes are ever read, whatever `st_size` says.
  public static func read(path: String, maximumSize: Int = defaultMaximumSize, allowStreams: Bool = false) throws -> SourceFile {
    try SourceFile(path: path, bytes: readBytes(path: path, maximumSize: maximumSize, allowStreams: allowStreams))
  }

  /// The raw bytes of a file, read as `read(path:maximumSize:allowStreams:)` reads them, not decoded.
  public static func readBytes(path: String, maximumSize: Int = defaultMaximumSize, allowStreams: Bool = false) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard descriptor >= 0 else { throw SourceFileError.unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw SourceFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    let kind = status.st_mode & S_IFMT
    if kind == S_IFDIR { throw SourceFileError.unreadable(path: path, reason: "is a folder") }
    if kind != S_IFREG {
      guard allowStreams, kind == S_IFIFO || kind == S_IFSOCK || kind == S_IFCHR else {
        throw SourceFileError.unreadable(path: path, reason: "not a regular file (\(SourceFile.kindName(kind))); only regular files are checked")
      }
      // A stream named explicitly (`/dev/fd/N`): read it like stdin, blocking.
      let flags = fcntl(descriptor, F_GETFL)
      if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    }
    let declared = kind == S_IFREG ? Int(status.st_size) : 0
    if declared > maximumSize { throw SourceFileError.tooLarge(path: path, size: declared, limit: maximumSize) }
    let bytes = try readAll(descriptor, path: path, expected: declared, limit: maximumSize)
    if bytes.count > maximumSize { throw SourceFileError.tooLarge(path: path, size: bytes.count, limit: maximumSize) }
    return bytes
  }

  /// Up to `count` first bytes of a regular file, opened the same safe way as `read` (never blocks); empty for
  /// anything else or when it cannot be opened.
  public static func leadingBytes(path: String, count: Int) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
    return read > 0 ? Array(bytes[..<read]) : []
  }

  /// Decodes bytes read from a stream (standard input) by `readPrefix`: more than `maximumSize` of them is
  /// `tooLarge`.
  public static func decodeStream(_ bytes: [UInt8], path: String, maximumSize: Int) throws -> SourceFile {
    if bytes.count > maximumSize { throw SourceFileError.tooLarge(path: path, size: bytes.count, limit: maximumSize) }
    return try SourceFile(path: path, bytes: bytes)
  }

  /// At most `limit + 1` bytes of a stream, read until its end: one byte more than the limit is enough to tell
  /// that it is over, so the rest is never read (`check - </dev/zero` stops).
  public static func readPrefix(_ descriptor: Int32, limit: Int) -> [UInt8] {
    (try? readAll(descriptor, path: "-", expected: 0, limit: limit)) ?? []
  }

  static func kindName(_ kind: mode_t) -> String {
    switch kind {
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    case S_IFLNK: return "a symbolic link"
    default: return "not a file"
    }
  }

  /// Reads to end of file, or until more than `limit` bytes have arrived (`limit + 1` at most; no overflow when
  /// `limit` is `Int.max`).
  private static func readAll(_ descriptor: Int32, path: String, expected: Int, limit: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    let ceiling = limit == Int.max ? Int.max : limit + 1
    bytes.reserveCapacity(min(expected, limit, 1 << 30) + 1)
    let chunkSize = 1 << 20
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while bytes.count < ceiling {
      let wanted = min(chunkSize, ceiling - bytes.count)
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
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
    case .utf32LE, .utf32BE:
      let string = String(decoding: text, as: UTF8.self)
      guard let data = string.data(using: encoding == .utf32LE ? .utf32LittleEndian : .utf32BigEndian) else { return nil }
      return (encoding == .utf32LE ? [0xFF, 0xFE, 0x00, 0x00] : [0x00, 0x00, 0xFE, 0xFF]) + [UInt8](data)
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
    case .utf16LE, .utf16BE, .utf32LE, .utf32BE, .gb18030: return encode(utf8) == original
    }
  }

  /// Writes `text` (UTF-8) back in the file's encoding, BOM and all, atomically: a temporary file beside the
  /// file (created exclusively, with the file's mode, owner and group), flushed to disk, then renamed over it.
  /// A symbolic link is followed, so the link stays and its target is replaced.
  ///
  /// The whole read-compare-write-rename holds an advisory lock (`flock`) on the file, so two `--fix` runs on one
  /// file take turns; the second then finds the file replaced and is refused. Refused, with the file unchanged:
  /// - a file that is not a regular file, is read-only by its mode, has several hard links (a rename would split
  ///   them), or belongs to another user (a rename would change its owner);
  /// - a file whose bytes, size, modification time or inode differ from what was read: checked once the lock is
  ///   held, and again right before the rename (`beforeReplacing` runs in between; tests use it to be that
  ///   concurrent writer);
  /// - a text that cannot be encoded faithfully.
  public func write(_ text: [UInt8], beforeReplacing: (() -> Void)? = nil) throws {
    guard isWritable else {
      throw SourceFileError.unwritable(path: path, reason: "its \(encoding.rawValue) bytes do not survive decoding and encoding unchanged")
    }
    guard let encoded = encode(text) else {
      throw SourceFileError.unwritable(path: path, reason: "the fixed text cannot be encoded as \(encoding.rawValue)")
    }
    func refuse(_ reason: String) -> SourceFileError { .unwritable(path: path, reason: reason) }
    func systemError(_ what: String) -> SourceFileError { refuse("\(what): \(String(cString: strerror(errno)))") }
    let target = try SourceFile.writableTarget(of: path, refuse)
    let file = open(target, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard file >= 0 else { throw systemError("cannot open it") }
    defer { close(file) }  // also releases the lock
    var status = stat()
    guard fstat(file, &status) == 0 else { throw systemError("cannot stat it") }
    guard status.st_mode & S_IFMT == S_IFREG else { throw refuse("not a regular file") }
    try SourceFile.lock(file, refuse)
    // The lock may have been waited for: the file must still be the one at the path, with the bytes read.
    guard fstat(file, &status) == 0 else { throw systemError("cannot stat it") }
    try checkUnchanged(file, target: target, status: status, refuse)
    guard status.st_mode & S_IWUSR != 0 else {
      throw refuse("it is read-only (mode \(String(status.st_mode & 0o7777, radix: 8))); make it writable to fix it")
    }
    guard status.st_nlink <= 1 else {
      throw refuse("it has \(status.st_nlink) hard links; replacing it would split them (fix a copy, or use --diff)")
    }
    guard geteuid() == 0 || status.st_uid == geteuid() else {
      throw refuse("it belongs to user \(status.st_uid); replacing it would change its owner")
    }
    let directory = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).jixiao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let permissions = status.st_mode & 0o7777
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
    guard descriptor >= 0 else { throw systemError("cannot create a temporary file beside it") }
    var keep = false
    defer {
      close(descriptor)
      if !keep { unlink(temporary) }
    }
    var written = 0
    while written < encoded.count {
      let count = encoded.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, encoded.count - written) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw systemError("cannot write a temporary file beside it") }
      written += count
    }
    // Owner and group first (chown may clear set-id bits), then the mode, which the umask may have narrowed.
    var created = stat()
    guard fstat(descriptor, &created) == 0 else { throw systemError("cannot stat the temporary file") }
    if (created.st_uid, created.st_gid) != (status.st_uid, status.st_gid) {
      guard fchown(descriptor, status.st_uid, status.st_gid) == 0 else {
        throw systemError("cannot give the new file the owner and group \(status.st_uid):\(status.st_gid)")
      }
    }
    guard fchmod(descriptor, permissions) == 0 else { throw systemError("cannot keep the mode") }
    guard fsync(descriptor) == 0 else { throw systemError("cannot flush a temporary file") }
    beforeReplacing?()
    try checkUnchanged(file, target: target, status: status, refuse)
    guard rename(temporary, target) == 0 else { throw systemError("cannot replace the file") }
    keep = true
    let folder = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
    if folder >= 0 {
      _ = fsync(folder)
      close(folder)
    }
  }

  /// Whether a path names a file descriptor rather than a file (`/dev/stdin`, `/dev/fd/N`, `/proc/…/fd/N`): such a
  /// path is read like standard input and never written, even when the descriptor is a redirected file.
  public static func namesDescriptor(_ path: String) -> Bool {
    let standard = spelledOut(path)
    return ["/dev/stdin", "/dev/stdout", "/dev/stderr"].contains(standard) || standard.hasPrefix("/dev/fd/")
      || (standard.hasPrefix("/proc/") && standard.contains("/fd/"))
  }

  /// Whether a path names standard input itself (`/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`).
  public static func namesStandardInput(_ path: String) -> Bool {
    ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"].contains(spelledOut(path))
  }

  /// An absolute path without empty and `.` components; spelled out, not `standardizingPath`, which resolves
  /// the very links the callers look for.
  private static func spelledOut(_ path: String) -> String {
    path.hasPrefix("/") ? "/" + path.split(separator: "/").filter { $0 != "." }.joined(separator: "/") : path
  }

  /// The file a write replaces: symbolic links followed hop by hop (so the link stays a link), refused when a hop
  /// leads to a file descriptor (`x.txt -> /dev/stdin` would otherwise rewrite whatever stdin was redirected from).
  static func writableTarget(of path: String, _ refuse: (String) -> SourceFileError) throws -> String {
    var current = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    for _ in 0..<40 {
      if namesDescriptor(current) { throw refuse("it names a file descriptor (standard input), not a file") }
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return current
      }
      current = destination.hasPrefix("/") ? destination : (current as NSString).deletingLastPathComponent + "/" + destination
    }
    throw refuse("too many levels of symbolic links")
  }

  /// Takes the exclusive advisory lock, waiting up to 30 s for another writer.
  private static func lock(_ file: Int32, _ refuse: (String) -> SourceFileError) throws {
    for _ in 0..<3000 {
      if flock(file, LOCK_EX | LOCK_NB) == 0 { return }
      guard errno == EWOULDBLOCK || errno == EINTR else {
        return  // file systems without flock: the checks below still apply
      }
      usleep(10_000)
    }
    throw refuse("another process held a lock on it for 30 s")
  }

  /// Refuses unless the path still names the open file and it still holds exactly the bytes read, with the size
  /// and modification time it had when the lock was taken.
  private func checkUnchanged(_ file: Int32, target: String, status: stat, _ refuse: (String) -> SourceFileError) throws {
    var atPath = stat()
    var now = stat()
    let changed = refuse("it changed on disk since it was read")
    guard stat(target, &atPath) == 0, fstat(file, &now) == 0,
      atPath.st_ino == status.st_ino, atPath.st_dev == status.st_dev,
      now.st_size == status.st_size, now.st_mtim.tv_sec == status.st_mtim.tv_sec, now.st_mtim.tv_nsec == status.st_mtim.tv_nsec,
      Int(now.st_size) == original.count
    else { throw changed }
    var current = [UInt8](repeating: 0, count: original.count + 1)
    var total = 0
    while total < current.count {
      let wanted = current.count - total
      let count = current.withUnsafeMutableBytes { pread(file, $0.baseAddress! + total, wanted, off_t(total)) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      total += count
    }
    guard total == original.count, current[..<total].elementsEqual(original) else { throw changed }
  }

  /// Whether `bytes` are well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or scalars above
  /// U+10FFFF), what `UTF8`'s decoder accepts, checked without decoding (26 instructions a byte that way).
  static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { bytes in
      let count = bytes.count
      var index = 0
      while index < count {
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let width = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
        guard width > 0, index + width <= count else { return false }
        // The second byte's range depends on the lead (E0: A0–BF, ED: 80–9F, F0: 90–BF, F4: 80–8F).
        let second = bytes[index + 1]
        let (low, high): (UInt8, UInt8) =
          switch lead {
          case 0xE0: (0xA0, 0xBF)
          case 0xED: (0x80, 0x9F)
          case 0xF0: (0x90, 0xBF)
          case 0xF4: (0x80, 0x8F)
          default: (0x80, 0xBF)
          }
        guard second >= low, second <= high else { return false }
        for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { return false }
        index += width
      }
      return true
    }
  }
}
