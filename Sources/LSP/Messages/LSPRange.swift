/// A half-open range between two positions (the spec's `Range`, renamed so it does not shadow `Swift.Range`).
public struct LSPRange: Codable, Sendable, Hashable {
  /// The first position in the range.
  public var start: Position
  /// The position just after the range.
  public var end: Position

  /// Creates a range.
  public init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }

  /// An empty range at `position`.
  public init(at position: Position) {
    self.init(start: position, end: position)
  }

  /// Whether `position` lies within the range (the end is excluded unless the range is empty).
  public func contains(_ position: Position) -> Bool {
    start == end ? position == start : start <= position && position < end
  }
}
