/// Why bytes could not be parsed as JSON.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was wrong.
  public var reason: String
  /// The byte offset where it was noticed.
  public var offset: Int

  /// Creates a parse error.
  public init(reason: String, offset: Int) {
    self.reason = reason
    self.offset = offset
  }

  /// `reason at byte offset`, for logs and error responses.
  public var description: String { "\(reason) at byte \(offset)" }
}

extension JSONValue {
  /// Parses a complete JSON document (RFC 8259).
  ///
  /// A dedicated parser rather than `JSONDecoder`: it keeps integers exact, reports invalid UTF-8 as such, bounds
  /// nesting depth (no stack overflow on `[[[[…`), and is several times faster because it never tries types in
  /// turn. Numbers beyond `Double` range become ±infinity rather than failing the whole document; lone UTF-16
  /// surrogates in `\u` escapes (which JavaScript clients can produce) become U+FFFD. Duplicate keys keep the last.
  public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
    let result = bytes.withContiguousStorageIfAvailable(JSONParser.parse)
      ?? Array(bytes).withUnsafeBufferPointer(JSONParser.parse)
    self = try result.get()
  }
}

/// A recursive-descent parser over a byte buffer.
struct JSONParser {
  /// Deep enough for any real LSP message, shallow enough for any thread's stack.
  static let maximumDepth = 512

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
    var parser = JSONParser(bytes: bytes)
    do throws(JSONParseError) {
      parser.skipWhitespace()
      let value = try parser.parseValue()
      parser.skipWhitespace()
      guard parser.index == bytes.count else { throw parser.failure("Unexpected data after the JSON value") }
      return .success(value)
    } catch {
      return .failure(error)
    }
  }

  private func failure(_ reason: String) -> JSONParseError {
    JSONParseError(reason: reason, offset: index)
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
  }

  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard let byte = current else { throw failure("Unexpected end of input") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw failure("Unexpected character")
    }
  }

  private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
    let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard bytes.count - index >= text.count, bytes[index..<index + text.count].elementsEqual(text) else {
      throw failure("Invalid literal")
    }
    index += text.count
    return value
  }

  /// Consumes `byte` (after optional whitespace) if it is next.
  private mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard current == byte else { return false }
    index += 1
    return true
  }

  private mutating func enterContainer() throws(JSONParseError) {
    depth += 1
    guard depth <= Self.maximumDepth else { throw failure("Nesting deeper than \(Self.maximumDepth) levels") }
    index += 1
  }

  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    defer { depth -= 1 }
    var members: [String: JSONValue] = [:]
    if consume(UInt8(ascii: "}")) { return .object(members) }
    repeat {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw failure("Expected a string key") }
      let key = try parseString()
      guard consume(UInt8(ascii: ":")) else { throw failure("Expected ':'") }
      skipWhitespace()
      members[key] = try parseValue()
    } while consume(UInt8(ascii: ","))
    guard consume(UInt8(ascii: "}")) else { throw failure("Expected ',' or '}'") }
    return .object(members)
  }

  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    defer { depth -= 1 }
    var elements: [JSONValue] = []
    if consume(UInt8(ascii: "]")) { return .array(elements) }
    repeat {
      skipWhitespace()
      elements.append(try parseValue())
    } while consume(UInt8(ascii: ","))
    guard consume(UInt8(ascii: "]")) else { throw failure("Expected ',' or ']'") }
    return .array(elements)
  }

  private mutating func parseString() throws(JSONParseError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes, so the string is the raw bytes.
    while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
      guard byte >= 0x20 else { throw failure("Unescaped control character in string") }
      index += 1
    }
    guard let stop = current else { throw failure("Unterminated string") }
    var decoded = Array(bytes[start..<index])
    if stop == UInt8(ascii: "\\") { try parseEscapedRemainder(into: &decoded) }
    index += 1
    guard let string = decoded.withUnsafeBufferPointer(validatedUTF8String) else {
      throw JSONParseError(reason: "Invalid UTF-8 in string", offset: start)
    }
    return string
  }

  /// Continues a string from its first backslash up to (not past) the closing quote.
  private mutating func parseEscapedRemainder(into decoded: inout [UInt8]) throws(JSONParseError) {
    while let byte = current, byte != UInt8(ascii: "\"") {
      guard byte >= 0x20 else { throw failure("Unescaped control character in string") }
      index += 1
      guard byte == UInt8(ascii: "\\") else {
        decoded.append(byte)
        continue
      }
      guard let escape = current else { break }
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
      case UInt8(ascii: "b"): decoded.append(0x08)
      case UInt8(ascii: "f"): decoded.append(0x0C)
      case UInt8(ascii: "n"): decoded.append(0x0A)
      case UInt8(ascii: "r"): decoded.append(0x0D)
      case UInt8(ascii: "t"): decoded.append(0x09)
      case UInt8(ascii: "u"): decoded.append(contentsOf: String(try parseUnicodeEscape()).utf8)
      default: throw failure("Invalid escape sequence")
      }
    }
    guard current != nil else { throw failure("Unterminated string") }
  }

  /// Reads the hex digits after `\u`, pairing surrogates when a low one follows.
  private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let unit = try parseHex4()
    if UTF16.isLeadSurrogate(unit), bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      let saved = index
      index += 2
      let trail = try parseHex4()
      if UTF16.isTrailSurrogate(trail) {
        return Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00))!
      }
      index = saved
    }
    return Unicode.Scalar(unit) ?? "\u{FFFD}"
  }

  private mutating func parseHex4() throws(JSONParseError) -> UInt16 {
    guard bytes.count - index >= 4 else { throw failure("Truncated \\u escape") }
    var value: UInt16 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("Invalid hex digit in \\u escape")
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else {
      guard skipDigits() > 0 else { throw failure("Invalid number") }
    }
    var isInteger = true
    if current == UInt8(ascii: ".") {
      index += 1
      isInteger = false
      guard skipDigits() > 0 else { throw failure("Expected digits after '.'") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      isInteger = false
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard skipDigits() > 0 else { throw failure("Expected digits in exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    // The grammar was checked above, so only out-of-range input is left, which strtod maps to ±infinity.
    return .double(Double(text) ?? (text.hasPrefix("-") ? -.infinity : .infinity))
  }

  /// Skips ASCII digits and returns how many there were.
  private mutating func skipDigits() -> Int {
    let start = index
    while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
    return index - start
  }
}

/// The bytes as a `String` if they are valid UTF-8; `String(validating:)` would need macOS 15.
func validatedUTF8String(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
  if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
  let string = String(decoding: bytes, as: UTF8.self)
  // Decoding replaces invalid sequences with U+FFFD, so the result re-encodes to the input only if it was valid.
  return string.utf8.elementsEqual(bytes) ? string : nil
}
