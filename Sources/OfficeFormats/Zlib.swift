import CZlib

/// Raw deflate (RFC 1951, as in zip entries) through the system zlib, and CRC-32.
enum Zlib {
  /// Inflates raw deflate data, refusing to produce more than `limit` bytes (checked while inflating, so a
  /// zip bomb never gets further than the limit). Returns nil when the data is corrupt or truncated, and
  /// throws `tooLarge` when the output would pass the limit.
  static func inflate(_ input: ArraySlice<UInt8>, expectedSize: Int, limit: Int) throws(InflateFailure) -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .corrupt
    }
    defer { inflateEnd(&stream) }
    let chunk = 1 << 16
    var output = [UInt8]()
    output.reserveCapacity(min(max(expectedSize, 0), limit) + 1)
    var buffer = [UInt8](repeating: 0, count: chunk)
    var status: Int32 = Z_OK
    try input.withUnsafeBufferPointer { (source) throws(InflateFailure) in
      stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
      stream.avail_in = UInt32(source.count)
      repeat {
        let produced = buffer.withUnsafeMutableBufferPointer { target -> Int in
          stream.next_out = target.baseAddress
          stream.avail_out = UInt32(chunk)
          status = CZlib.inflate(&stream, Z_NO_FLUSH)
          return chunk - Int(stream.avail_out)
        }
        if status != Z_OK && status != Z_STREAM_END { throw .corrupt }
        if output.count + produced > limit { throw .tooLarge }
        output.append(contentsOf: buffer[..<produced])
        if status == Z_OK && produced == 0 && stream.avail_in == 0 { throw .corrupt }  // truncated
      } while status != Z_STREAM_END
    }
    return output
  }

  /// Raw deflate of `input` at the default level.
  static func deflate(_ input: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
      ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { preconditionFailure("zlib deflateInit2 failed") }
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, UInt(input.count)))
    var output = [UInt8](repeating: 0, count: bound + 16)
    let written = input.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target -> Int in
        stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
        stream.avail_in = UInt32(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = UInt32(target.count)
        let status = CZlib.deflate(&stream, Z_FINISH)
        precondition(status == Z_STREAM_END, "zlib deflate did not finish in its bound")
        return target.count - Int(stream.avail_out)
      }
    }
    output.removeSubrange(written...)
    return output
  }

  /// CRC-32 as zip stores it.
  static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    bytes.withUnsafeBufferPointer { buffer in
      UInt32(CZlib.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
    }
  }

  enum InflateFailure: Error {
    case corrupt
    case tooLarge
  }
}
