/// Writes a zip archive: entries copied from another archive byte for byte (local header, data and descriptor
/// as they were), and new or replaced entries deflated.
public struct ZipWriter {
  private var output: [UInt8] = []
  private var central: [UInt8] = []
  private var count = 0

  public init() {}

  /// Copies an entry of `archive` unchanged (its local record verbatim; the central header is rebuilt only in
  /// its offset).
  public mutating func copy(_ entry: ZipArchive.Entry, from archive: ZipArchive) {
    let offset = output.count
    output.append(contentsOf: archive.bytes[entry.record])
    var header = Array(archive.bytes[entry.centralHeader])
    ZipWriter.put32(&header, 42, UInt32(offset))
    central.append(contentsOf: header)
    count += 1
  }

  /// Adds an entry with `data`, deflated (stored when that is not smaller).
  public mutating func add(_ name: String, _ data: [UInt8]) {
    let deflated = Zlib.deflate(data)
    let stored = deflated.count >= data.count
    let body = stored ? data : deflated
    let crc = Zlib.crc32(data[...])
    let nameBytes = Array(name.utf8)
    let offset = output.count
    var local = [UInt8](repeating: 0, count: 30)
    ZipWriter.put32(&local, 0, 0x0403_4B50)
    ZipWriter.put16(&local, 4, 20)
    ZipWriter.put16(&local, 6, 0x0800)  // UTF-8 names
    ZipWriter.put16(&local, 8, stored ? 0 : 8)
    ZipWriter.put16(&local, 10, 0)  // time
    ZipWriter.put16(&local, 12, 0x21)  // date: 1980-01-01
    ZipWriter.put32(&local, 14, crc)
    ZipWriter.put32(&local, 18, UInt32(body.count))
    ZipWriter.put32(&local, 22, UInt32(data.count))
    ZipWriter.put16(&local, 26, UInt16(nameBytes.count))
    output.append(contentsOf: local)
    output.append(contentsOf: nameBytes)
    output.append(contentsOf: body)
    var header = [UInt8](repeating: 0, count: 46)
    ZipWriter.put32(&header, 0, 0x0201_4B50)
    ZipWriter.put16(&header, 4, 20)
    ZipWriter.put16(&header, 6, 20)
    for index in 0..<22 { header[8 + index] = local[6 + index] }  // flags … name length, as in the local header
    ZipWriter.put32(&header, 42, UInt32(offset))
    central.append(contentsOf: header)
    central.append(contentsOf: nameBytes)
    count += 1
  }

  /// The archive's bytes.
  public func finish() -> [UInt8] {
    var bytes = output
    let directoryOffset = bytes.count
    bytes.append(contentsOf: central)
    var end = [UInt8](repeating: 0, count: 22)
    ZipWriter.put32(&end, 0, 0x0605_4B50)
    ZipWriter.put16(&end, 8, UInt16(count))
    ZipWriter.put16(&end, 10, UInt16(count))
    ZipWriter.put32(&end, 12, UInt32(central.count))
    ZipWriter.put32(&end, 16, UInt32(directoryOffset))
    bytes.append(contentsOf: end)
    return bytes
  }

  static func put16(_ bytes: inout [UInt8], _ at: Int, _ value: UInt16) {
    bytes[at] = UInt8(value & 0xFF)
    bytes[at + 1] = UInt8(value >> 8)
  }

  static func put32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
    for index in 0..<4 { bytes[at + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
  }
}
