/// A problem in the byte stream around message bodies; the framer reports it and resynchronizes.
public enum FramingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Bytes that did not start a header were discarded.
  case skippedGarbage(byteCount: Int)
  /// A header block had no `Content-Length`.
  case missingContentLength
  /// A `Content-Length` value was not a non-negative decimal integer (or two values disagreed).
  case invalidContentLength(String)
  /// A `Content-Length` exceeded the framer's maximum; the declared text is kept since it may overflow `Int`.
  case contentLengthTooLarge(declared: String, maximum: Int)
  /// A header line had no colon.
  case malformedHeader(String)
  /// No blank line ended the header within the allowed header size.
  case headerTooLong(maximum: Int)
  /// The input ended inside a header or body.
  case truncatedMessage(byteCount: Int)

  /// A one-line explanation for logs.
  public var description: String {
    switch self {
    case .skippedGarbage(let count): return "Skipped \(count) byte(s) that did not start a message header"
    case .missingContentLength: return "Message header has no Content-Length"
    case .invalidContentLength(let value): return "Invalid Content-Length: \(value)"
    case .contentLengthTooLarge(let declared, let maximum):
      return "Content-Length \(declared) exceeds the maximum of \(maximum) bytes"
    case .malformedHeader(let line): return "Malformed header line: \(line)"
    case .headerTooLong(let maximum): return "Message header longer than \(maximum) bytes"
    case .truncatedMessage(let count): return "Input ended inside a message (\(count) byte(s) unread)"
    }
  }
}

/// What the framer produces: a complete body or a recoverable error.
public enum FramingEvent: Sendable, Hashable {
  /// One complete message body, header removed.
  case body([UInt8])
  /// A framing problem; the framer has already skipped past it.
  case error(FramingError)
}
