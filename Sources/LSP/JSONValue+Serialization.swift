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
  /// (all but `"`, `\` and control characters) are copied at once.
  public static func writeString(_ string: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
        start = index + 1
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
}
