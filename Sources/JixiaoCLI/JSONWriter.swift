import LSP
/// A minimal JSON writer that keeps keys in the order given, so the CLI's output is stable and diffable.
/// It writes UTF-8 bytes straight into a buffer (the checking engine's workers render each file's part of a
/// report this way, in parallel); `serialized` and `pretty` are the same bytes as a `String`.
indirect enum JSON {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  /// Compact serialization.
  var serialized: String {
    var output: [UInt8] = []
    write(into: &output, pretty: false)
    return String(decoding: output, as: UTF8.self)
  }

  /// Indented serialization (2 spaces).
  var pretty: String {
    var output: [UInt8] = []
    write(into: &output, pretty: true)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the serialization to `output`: compact, or indented by 2 spaces a level as if the value stood `level`
  /// levels deep (its own first line is not indented: the caller has written what precedes it).
  func write(into output: inout [UInt8], pretty: Bool, level: Int = 0) {
    switch self {
    case .string(let text): JSONValue.writeString(text, into: &output)
    case .int(let value): output.append(contentsOf: String(value).utf8)
    case .double(let value):
      output.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)).utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .null: output.append(contentsOf: "null".utf8)
    case .array(let items):
      if items.isEmpty { output.append(contentsOf: "[]".utf8); return }
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSON.newline(into: &output, pretty: pretty, level: level + 1)
        item.write(into: &output, pretty: pretty, level: level + 1)
      }
      JSON.newline(into: &output, pretty: pretty, level: level)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
      output.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSON.newline(into: &output, pretty: pretty, level: level + 1)
        JSONValue.writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        value.write(into: &output, pretty: pretty, level: level + 1)
      }
      JSON.newline(into: &output, pretty: pretty, level: level)
      output.append(UInt8(ascii: "}"))
    }
  }

  /// In indented output, a line break and the indentation of `level`; nothing in compact output.
  static func newline(into output: inout [UInt8], pretty: Bool, level: Int) {
    guard pretty else { return }
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
  }
}

/// Compact JSON written member by member into bytes, with the commas `JSON`'s compact form puts between members (the
/// start of a file's part of the JSON report; its diagnostics are written by `DiagnosticJSON`).
struct CompactJSON {
  var output: [UInt8]
  /// Per open object or array: whether a member or element was written in it.
  private var hasContent: [Bool] = []

  init(output: [UInt8] = []) { self.output = output }

  mutating func open(_ bracket: Unicode.Scalar) {
    output.append(UInt8(ascii: bracket))
    hasContent.append(false)
  }

  /// A member's key and colon; the value follows.
  mutating func key(_ name: String) {
    if hasContent[hasContent.count - 1] { output.append(UInt8(ascii: ",")) }
    hasContent[hasContent.count - 1] = true
    JSONValue.writeString(name, into: &output)
    output.append(UInt8(ascii: ":"))
  }

  mutating func member(_ name: String, string value: String) {
    key(name)
    JSONValue.writeString(value, into: &output)
  }
}
