/// Bounds on what a zip archive may inflate to. Every entry is inflated with its limit enforced while
/// inflating (the sizes an archive declares are not trusted).
public struct ZipLimits: Sendable, Equatable {
  /// Most entries in the central directory.
  public var maximumEntries = 10_000
  /// Most bytes one entry may inflate to.
  public var maximumEntrySize = 256 << 20
  /// Most bytes all the entries read from one archive may inflate to together.
  public var maximumTotalSize = 1 << 30
  /// Highest inflated/compressed ratio for an entry that inflates past `ratioFloor` bytes (deflate of real
  /// XML stays well under 100; a zip bomb is near 1,000).
  public var maximumRatio = 200
  /// Entries smaller than this are not held to the ratio.
  public var ratioFloor = 1 << 20

  /// The defaults.
  public init() {}
}

/// A zip archive read from memory: the central directory, entries inflated on demand, and each entry's raw
/// record (local header, data, descriptor) so a writer can copy it byte for byte.
public final class ZipArchive {
  /// One entry of the central directory.
  public struct Entry: Sendable {
    public let name: String
    let method: UInt16
    let flags: UInt16
    let crc: UInt32
    public let compressedSize: Int
    public let uncompressedSize: Int
    /// The whole local record (header, name, extra, data, data descriptor) in the archive's bytes.
    let record: Range<Int>
    let data: Range<Int>
    /// The central directory header, as read (for copying).
    let centralHeader: Range<Int>
  }

  public let bytes: [UInt8]
  public let entries: [Entry]
  let limits: ZipLimits
  private var inflatedTotal = 0
  private let index: [String: Int]

  /// Reads the central directory. Throws `OfficeError` for anything but a well-formed, unencrypted zip.
  public init(bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(OfficeError) {
    self.bytes = bytes
    self.limits = limits
    guard bytes.starts(with: [0x50, 0x4B]) else { throw .notOffice(reason: "not a zip archive, so not a .docx/.xlsx file") }
    guard bytes.count >= 22 else { throw .corruptZip(reason: "\(bytes.count) bytes, too short for a zip archive (truncated?)") }
    // End of central directory: the last signature in the final 64 KiB + 22 bytes.
    var end = -1
    var position = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    while position >= lowest {
      if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 5, bytes[position + 3] == 6 {
        end = position
        break
      }
      position -= 1
    }
    guard end >= 0 else { throw .corruptZip(reason: "no end of central directory (truncated?)") }
    let count = Int(ZipArchive.u16(bytes, end + 10))
    let directorySize = Int(ZipArchive.u32(bytes, end + 12))
    let directoryOffset = Int(ZipArchive.u32(bytes, end + 16))
    if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
      throw .corruptZip(reason: "ZIP64 archives are not supported")
    }
    guard count <= limits.maximumEntries else {
      throw .limitExceeded(reason: "\(count) zip entries, more than the limit of \(limits.maximumEntries)")
    }
    guard directoryOffset + directorySize <= end else {
      throw .corruptZip(reason: "central directory outside the file (truncated?)")
    }
    var entries: [Entry] = []
    var index: [String: Int] = [:]
    var cursor = directoryOffset
    for _ in 0..<count {
      guard cursor + 46 <= end, ZipArchive.u32(bytes, cursor) == 0x0201_4B50 else {
        throw .corruptZip(reason: "bad central directory entry")
      }
      let flags = ZipArchive.u16(bytes, cursor + 8)
      let method = ZipArchive.u16(bytes, cursor + 10)
      let crc = ZipArchive.u32(bytes, cursor + 16)
      let compressed = Int(ZipArchive.u32(bytes, cursor + 20))
      let uncompressed = Int(ZipArchive.u32(bytes, cursor + 24))
      let nameLength = Int(ZipArchive.u16(bytes, cursor + 28))
      let extraLength = Int(ZipArchive.u16(bytes, cursor + 30))
      let commentLength = Int(ZipArchive.u16(bytes, cursor + 32))
      let localOffset = Int(ZipArchive.u32(bytes, cursor + 42))
      let headerEnd = cursor + 46 + nameLength + extraLength + commentLength
      guard headerEnd <= end else { throw .corruptZip(reason: "bad central directory entry") }
      let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
      if flags & 1 != 0 { throw .encrypted }
      guard localOffset + 30 <= bytes.count, ZipArchive.u32(bytes, localOffset) == 0x0403_4B50 else {
        throw .corruptZip(reason: "entry \(name) points outside the file (truncated?)")
      }
      let localName = Int(ZipArchive.u16(bytes, localOffset + 26))
      let localExtra = Int(ZipArchive.u16(bytes, localOffset + 28))
      let dataStart = localOffset + 30 + localName + localExtra
      guard dataStart + compressed <= bytes.count else {
        throw .corruptZip(reason: "entry \(name) is cut off (truncated?)")
      }
      var recordEnd = dataStart + compressed
      if flags & 8 != 0 {
        // A data descriptor follows: with its optional signature 16 bytes, without 12.
        let signed = recordEnd + 4 <= bytes.count && ZipArchive.u32(bytes, recordEnd) == 0x0807_4B50
        recordEnd = min(bytes.count, recordEnd + (signed ? 16 : 12))
      }
      index[name] = entries.count
      entries.append(Entry(
        name: name, method: method, flags: flags, crc: crc, compressedSize: compressed, uncompressedSize: uncompressed,
        record: localOffset..<recordEnd, data: dataStart..<(dataStart + compressed), centralHeader: cursor..<headerEnd))
      cursor = headerEnd
    }
    self.entries = entries
    self.index = index
  }

  /// Whether an entry exists.
  public func contains(_ name: String) -> Bool { index[name] != nil }

  /// The entry named `name`, if any.
  public func entry(_ name: String) -> Entry? { index[name].map { entries[$0] } }

  /// The inflated bytes of an entry, nil when there is none. Enforces the limits and checks the CRC.
  public func read(_ name: String) throws(OfficeError) -> [UInt8]? {
    guard let entry = entry(name) else { return nil }
    let remaining = limits.maximumTotalSize - inflatedTotal
    // The ratio bound applies while inflating, so a bomb stops after ratio × its compressed size.
    let ratioBound = max(limits.ratioFloor, limits.maximumRatio.multipliedReportingOverflow(by: entry.compressedSize).partialValue)
    let limit = min(limits.maximumEntrySize, remaining, ratioBound)
    let output: [UInt8]
    switch entry.method {
    case 0:
      guard entry.compressedSize <= min(limits.maximumEntrySize, remaining) else { throw tooLarge(entry, limit: limit) }
      output = Array(bytes[entry.data])
    case 8:
      do {
        output = try Zlib.inflate(bytes[entry.data], expectedSize: entry.uncompressedSize, limit: limit)
      } catch .tooLarge {
        throw tooLarge(entry, limit: limit)
      } catch {
        throw .corruptZip(reason: "entry \(name) does not inflate (damaged or truncated)")
      }
    default:
      throw .corruptZip(reason: "entry \(name) uses compression method \(entry.method); only stored and deflate are read")
    }
    guard Zlib.crc32(output[...]) == entry.crc else { throw .corruptZip(reason: "entry \(name) fails its CRC check") }
    inflatedTotal += output.count
    return output
  }

  private func tooLarge(_ entry: Entry, limit: Int) -> OfficeError {
    if limit == limits.maximumEntrySize {
      return .limitExceeded(reason: "entry \(entry.name) inflates to more than \(limits.maximumEntrySize) bytes: a zip bomb?")
    }
    if limit == limits.maximumTotalSize - inflatedTotal {
      return .limitExceeded(reason: "the archive inflates to more than \(limits.maximumTotalSize) bytes in all: a zip bomb?")
    }
    return .limitExceeded(reason: "entry \(entry.name) inflates to more than \(limits.maximumRatio) times its compressed "
      + "size of \(entry.compressedSize) bytes: a zip bomb?")
  }

  static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
  static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
  }
}
