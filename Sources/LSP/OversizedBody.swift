/// Reading the request id from the first bytes of a body too large to parse, so that it can be answered.
enum OversizedBody {
  /// The top-level `"id"` of a JSON object whose first bytes are `prefix`, if it appears within them and is an
  /// integer or a string; nil otherwise. Members before it are skipped without being parsed, nested ones included.
  static func requestID(in prefix: [UInt8]) -> RequestID? {
    var scanner = Scanner(bytes: prefix)
    scanner.skipSpace()
    guard scanner.take(UInt8(ascii: "{")) else { return nil }
    while true {
      scanner.skipSpace()
      guard let key = scanner.stringRange() else { return nil }
      scanner.skipSpace()
      guard scanner.take(UInt8(ascii: ":")) else { return nil }
      scanner.skipSpace()
      let valueStart = scanner.index
      guard scanner.skipValue() else { return nil }
      if prefix[key].elementsEqual("\"id\"".utf8) {
        guard let value = try? JSONValue(parsing: prefix[valueStart..<scanner.index]) else { return nil }
        return RequestID(value)
      }
      scanner.skipSpace()
      guard scanner.take(UInt8(ascii: ",")) else { return nil }
    }
  }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// The range of a string token, quotes included; nil if it does not end within the bytes.
    mutating func stringRange() -> Range<Int>? {
      let begin = index
      guard take(UInt8(ascii: "\"")) else { return nil }
      while index < bytes.count {
        let byte = bytes[index]
        index += byte == UInt8(ascii: "\\") ? 2 : 1
        if byte == UInt8(ascii: "\"") { return begin..<index }
      }
      return nil
    }

    /// Skips one value (nested objects and arrays by depth, strings by their quotes); false if it does not end
    /// within the bytes.
    mutating func skipValue() -> Bool {
      guard index < bytes.count else { return false }
      switch bytes[index] {
      case UInt8(ascii: "\""):
        return stringRange() != nil
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        var depth = 0
        while index < bytes.count {
          switch bytes[index] {
          case UInt8(ascii: "\""):
            guard stringRange() != nil else { return false }
            continue
          case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
          case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth == 0 {
              index += 1
              return true
            }
          default: break
          }
          index += 1
        }
        return false
      default:
        // A number, true, false or null: up to the next delimiter, which must be present.
        while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
          index += 1
        }
        return index < bytes.count
      }
    }
  }
}
