import FormSyntax

/// Inline edits in swift-syntax style: `⏩️old⏸️new⏪️` replaces `old` with `new`; a text may hold several.
///
/// The variation selector (U+FE0F) after each marker is optional. Markers do not nest.
public struct IncrementalEditMarkers: Sendable {
  /// The text before the edits.
  public let originalText: String
  /// The text after every edit.
  public let editedText: String
  /// The edits in source order, for **sequential** application: each range is in UTF-8 offsets of the text
  /// that the edits before it produced (so applying them one after another to `originalText` gives
  /// `editedText`).
  public let edits: [TextEdit]
  /// One edit that turns `originalText` into `editedText`: from the first edit's start to the last edit's end
  /// (offsets of `originalText`), replaced by the edited text in between.
  public let combinedEdit: TextEdit

  /// Parses marked text. Unbalanced markers are a mistake in the test and stop it.
  public init(_ markedText: String) {
    var original: [UInt8] = []
    var edited: [UInt8] = []
    var edits: [TextEdit] = []
    var state = State.outside
    var oldBytes: [UInt8] = []
    var newBytes: [UInt8] = []
    var firstOriginalOffset: Int?
    var lastOriginalEnd = 0
    var lastEditedEnd = 0
    let scalars = Array(markedText.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if let marker = Marker(rawValue: scalar) {
        if index < scalars.count && scalars[index] == "\u{FE0F}" { index += 1 }
        switch (marker, state) {
        case (.begin, .outside):
          state = .old
          firstOriginalOffset = firstOriginalOffset ?? original.count
        case (.separator, .old):
          state = .new
        case (.end, .new):
          // `edited` holds every earlier edit's result, so its length is this edit's start in sequential terms.
          edits.append(TextEdit(range: edited.count..<(edited.count + oldBytes.count), replacement: newBytes))
          original += oldBytes
          edited += newBytes
          lastOriginalEnd = original.count
          lastEditedEnd = edited.count
          oldBytes.removeAll()
          newBytes.removeAll()
          state = .outside
        default:
          preconditionFailure("Misplaced edit marker \(scalar) in: \(markedText)")
        }
        continue
      }
      let bytes = Array(String(scalar).utf8)
      switch state {
      case .outside:
        original += bytes
        edited += bytes
      case .old: oldBytes += bytes
      case .new: newBytes += bytes
      }
    }
    precondition(state == .outside, "Unterminated edit marker in: \(markedText)")
    originalText = String(decoding: original, as: UTF8.self)
    editedText = String(decoding: edited, as: UTF8.self)
    self.edits = edits
    let start = firstOriginalOffset ?? 0
    let editedStart = start
    combinedEdit = TextEdit(
      range: start..<max(start, lastOriginalEnd),
      replacement: Array(edited[editedStart..<max(editedStart, lastEditedEnd)]))
  }

  private enum State { case outside, old, new }

  private enum Marker: Unicode.Scalar {
    case begin = "\u{23E9}"
    case separator = "\u{23F8}"
    case end = "\u{23EA}"
  }
}
