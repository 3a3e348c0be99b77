import Foundation

/// An arbitrary JSON value, used for untyped parts of the protocol (params, `data`, settings, capabilities).
///
/// Integers are kept apart from floating-point numbers so that ids and versions survive a round trip exactly.
/// Equality is structural: `.int(1) != .double(1)`; an integral `.double` is read back as `.int` after encoding,
/// so compare numbers with `doubleValue` / `intValue` when the origin is unknown.
public enum JSONValue: Sendable, Hashable {
  /// JSON `null`.
  case null
  /// JSON `true` or `false`.
  case bool(Bool)
  /// A number that is an exact integer within `Int` range.
  case int(Int)
  /// Any other number.
  case double(Double)
  /// A JSON string.
  case string(String)
  /// A JSON array.
  case array([JSONValue])
  /// A JSON object; key order is not preserved (encoding sorts keys).
  case object([String: JSONValue])
}

extension JSONValue: Codable {
  /// Decodes any JSON value. Strings and objects are tried early because they dominate LSP traffic.
  ///
  /// Numbers that do not fit a `Double` (such as `1e400`) cannot be represented by `JSONDecoder`, so the whole
  /// document is then rejected as unparsable.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([String: JSONValue].self) {
      self = .object(value)
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a representable JSON value")
    }
  }

  /// Encodes the value; non-finite doubles, which JSON cannot express, become `null` so encoding never fails.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .int(let value): try container.encode(value)
    case .double(let value):
      if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}
