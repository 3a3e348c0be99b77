import LSP
/// A minimal JSON writer that keeps keys in the order given, so the CLI's output is stable and diffable.
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
    var output = ""
    write(into: &output, indent: nil, level: 0)
    return output
  }

  /// Indented serialization (2 spaces).
  var pretty: String {
    var output = ""
    write(into: &output, indent: "  ", level: 0)
    return output
  }

  private func write(into output: inout String, indent: String?, level: Int) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (depth: Int) in indent.map { String(repeating: $0, count: depth) } ?? "" }
    switch self {
    case .string(let text): JSON.escape(text, into: &output)
    case .int(let value): output += String(value)
    case .double(let value): output += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .bool(let value): output += value ? "true" : "false"
    case .null: output += "null"
    case .array(let items):
      if items.isEmpty { output += "[]"; return }
      output += "[" + newline
      for (index, item) in items.enumerated() {
        output += pad(level + 1)
        item.write(into: &output, indent: indent, level: level + 1)
        output += (index + 1 < items.count ? "," : "") + newline
      }
      output += pad(level) + "]"
    case .object(let members):
      if members.isEmpty { output += "{}"; return }
      output += "{" + newline
      for (index, (key, value)) in members.enumerated() {
        output += pad(level + 1)
        JSON.escape(key, into: &output)
        output += indent == nil ? ":" : ": "
        value.write(into: &output, indent: indent, level: level + 1)
        output += (index + 1 < members.count ? "," : "") + newline
      }
      output += pad(level) + "}"
    }
  }

  /// A JSON string literal, escaped by the one escaper the project has (LSP's, which the server's output uses too).
  static func escape(_ text: String, into output: inout String) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 2)
    JSONValue.writeString(text, into: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }
}
