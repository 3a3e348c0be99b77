/// A problem in the byte stream around message bodies; the framer reports it and resynchronizes.
public enum FramingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Bytes that did not start a header were discarded.
  case skippedGarbage(byteCount: Int)
  /// A header block had no `Content-Length`.
  case missingContentLength
  /// A `Content-Length` value was not a non-negative decimal integer (or two values disagreed).
  case invalidContentLength(String)
  /// A `Content-Length` exceeded the framer's maximum and no body that looks like a message followed (or the value
  /// overflows `Int`); the declared text is kept. Scanning resumed right after the header.
  case contentLengthTooLarge(declared: String, maximum: Int)
  /// A body over the maximum was skipped without being buffered; `id` is the request id read from its first bytes,
  /// if it had one there. The server answers it (with -32700 and id null when there is no id).
  case bodyTooLarge(length: Int, maximum: Int, id: RequestID?)
  /// A header block repeated a header name before any blank line: it never ended, and was dropped up to there.
  case unterminatedHeader
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
    case .bodyTooLarge(let length, let maximum, let id):
      return "Message body of \(length) bytes exceeds the maximum of \(maximum) bytes (id \(id?.description ?? "unknown")); skipped"
    case .unterminatedHeader: return "Message header not ended by a blank line before the next header; dropped"
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
