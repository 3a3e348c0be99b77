/// The id of a JSON-RPC request: LSP allows an integer or a string.
public enum RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
  /// A numeric id; only exact integers within `Int` range are accepted.
  case int(Int)
  /// A string id.
  case string(String)

  /// Decodes an integer or string id; anything else (including fractional numbers) is a type mismatch.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else {
      let context = DecodingError.Context(
        codingPath: decoder.codingPath, debugDescription: "Request id must be an integer or string")
      throw DecodingError.typeMismatch(RequestID.self, context)
    }
  }

  /// Encodes the id as a bare JSON number or string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .int(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    }
  }

  /// Interprets a JSON value as an id; nil for null, fractional or out-of-range numbers and other types.
  public init?(_ json: JSONValue) {
    if case .string(let value) = json {
      self = .string(value)
    } else if case .double(let value) = json, value.magnitude >= 0x1p53 {
      // Beyond 2^53 a double is not the literal that was sent (-9223372036854775809 reads as Int.min exactly),
      // and echoing a different id would answer a request nobody made.
      return nil
    } else if let value = json.intValue {
      self = .int(value)
    } else {
      return nil
    }
  }

  /// The id as a JSON value.
  public var json: JSONValue {
    switch self {
    case .int(let value): return .int(value)
    case .string(let value): return .string(value)
    }
  }

  /// The id as it would appear in JSON, for logs.
  public var description: String {
    switch self {
    case .int(let value): return String(value)
    case .string(let value): return "\"\(value)\""
    }
  }
}

extension RequestID: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
  /// An integer id literal.
  public init(integerLiteral value: Int) { self = .int(value) }
  /// A string id literal.
  public init(stringLiteral value: String) { self = .string(value) }
}
