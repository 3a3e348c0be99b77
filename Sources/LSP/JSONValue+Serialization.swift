extension JSONValue {
  /// Compact JSON text with object keys sorted, so output is deterministic; `/` and non-ASCII are not escaped and
  /// non-finite numbers, which JSON cannot express, are written as `null`.
  public func serialized() -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(into: &output)
    return output
  }

  /// Appends the compact serialization (as `serialized()`) to `output`.
  public func write(into output: inout [UInt8]) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .int(let value): output.append(contentsOf: String(value).utf8)
    case .double(let value):
      // Swift's shortest round-tripping representation (`2.5`, `1e+30`) is valid JSON for finite values.
      output.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        element.write(into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (offset, key) in members.keys.sorted().enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        Self.writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        members[key]!.write(into: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Appends `string` as a JSON string literal (quotes and escapes included). Runs of bytes that need no escape
  /// (all but `"`, `\` and control characters) are copied at once, found eight bytes at a time.
  public static func writeString(_ string: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var start = 0
      var index = 0
      while index < utf8.count {
        if index + 8 <= utf8.count, let base = utf8.baseAddress,
          !mayNeedEscape(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
        {
          index += 8
          continue
        }
        let byte = utf8[index]
        index += 1
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        if start < index - 1 { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<(index - 1)])) }
        start = index
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
        case 0x0A: output.append(contentsOf: #"\n"#.utf8)
        case 0x0D: output.append(contentsOf: #"\r"#.utf8)
        case 0x09: output.append(contentsOf: #"\t"#.utf8)
        default:
          output.append(contentsOf: #"\u00"#.utf8)
          output.append(hexDigits[Int(byte >> 4)])
          output.append(hexDigits[Int(byte & 0xF)])
        }
      }
      if start < utf8.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// Whether one of eight bytes is below 0x20, `"` or `\` (false means none is; the borrows of the subtractions can
  /// only mark bytes above a byte that matches, so the answer is exact for the word as a whole).
  @inline(__always)
  static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let below = (word &- ones &* 0x20) & ~word
    return (below | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & high != 0
  }
}
