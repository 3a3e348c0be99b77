/// A replacement of a range of text; an empty range inserts, an empty `newText` deletes.
public struct TextEdit: Codable, Sendable, Hashable {
  /// The range to replace.
  public var range: LSPRange
  /// The replacement text.
  public var newText: String

  /// Creates an edit.
  public init(range: LSPRange, newText: String) {
    self.range = range
    self.newText = newText
  }
}
