/// A URI such as `file:///path/to/form.jixiao`, kept as the client sent it.
public typealias DocumentURI = String

/// A zero-based line and character offset; the character unit is the negotiated `PositionEncodingKind`.
public struct Position: Codable, Sendable, Hashable, Comparable {
  /// Zero-based line number.
  public var line: Int
  /// Zero-based offset within the line, in code units of the negotiated encoding.
  public var character: Int

  /// Creates a position.
  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  /// Document order.
  public static func < (lhs: Position, rhs: Position) -> Bool {
    (lhs.line, lhs.character) < (rhs.line, rhs.character)
  }
}
