/// The code unit in which `Position.character` counts.
public struct PositionEncodingKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire name, such as `utf-16`.
  public var rawValue: String
  /// Wraps a wire name; unknown names are kept.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Bytes of UTF-8.
  public static let utf8 = PositionEncodingKind(rawValue: "utf-8")
  /// UTF-16 code units; the default every client must support.
  public static let utf16 = PositionEncodingKind(rawValue: "utf-16")
  /// Unicode scalars.
  public static let utf32 = PositionEncodingKind(rawValue: "utf-32")
}
