/// Splits a byte stream into LSP message bodies (`Content-Length: N\r\n\r\n` + N bytes) and frames outgoing ones.
///
/// Input may arrive in chunks split anywhere; the events never depend on where. Memory is bounded: garbage is
/// discarded as it is scanned, headers are limited to `maximumHeaderLength` and bodies to `maximumContentLength`.
/// Every problem becomes a `FramingEvent.error` after which the framer scans for the next `Content-Length:` or
/// `Content-Type:` header (case-insensitive) and carries on, so a confused client cannot stop the server:
///
/// - a header block may end with `\n\n` (LF-only clients) as well as `\r\n\r\n`;
/// - a header block that repeats a header name before its blank line, or shows one in the middle of a line (its
///   terminator was missing or cut short), is dropped there, and that name starts the next block, so the next
///   request is not swallowed;
/// - a body over the limit that starts like a JSON object is skipped exactly (never buffered) and reported
///   with the request id read from its first bytes (`bodyTooLarge`), so the server can answer it; any other
///   over-limit length is reported (`contentLengthTooLarge`) and scanning resumes right after the header.
public struct MessageFramer: Sendable {
  /// The default body size limit, 64 MiB.
  public static let defaultMaximumContentLength = 64 << 20
  /// The default header block size limit.
  public static let defaultMaximumHeaderLength = 8 << 10

  /// Bodies declared larger than this are rejected without being buffered.
  public let maximumContentLength: Int
  /// Header blocks longer than this are rejected.
  public let maximumHeaderLength: Int

  private enum State: Sendable {
    case seekingHeader
    case readingHeader
    case readingBody(length: Int)
    /// After a header declaring more than the limit: waiting for the body's first byte.
    case oversized(length: Int)
    /// Skipping an over-limit body; its first bytes are kept to read the request id.
    case discarding(remaining: Int, length: Int, prefix: [UInt8], reported: Bool)
  }

  /// How many bytes of an over-limit body are kept to find its request id.
  static let oversizedPrefixLength = 4096

  private static let headerNames: [[UInt8]] = [Array("content-length:".utf8), Array("content-type:".utf8)]
  private static let terminator: [UInt8] = Array("\r\n\r\n".utf8)

  private var buffer: [UInt8] = []
  /// Index in `buffer` of the first unconsumed byte; consumed bytes are dropped lazily to avoid quadratic copying.
  private var start = 0
  private var state = State.seekingHeader
  /// Garbage discarded but not yet reported, so a run of garbage fed byte by byte yields one report.
  private var skippedCount = 0
  /// Header bytes already searched (relative to `start`), so byte-by-byte input does not rescan the header.
  private var headerScanned = 0
  /// Which header names the current block has shown so far (index in `headerNames`).
  private var headerNamesSeen: [Bool] = [false, false]

  /// Creates a framer with the given limits.
  public init(
    maximumContentLength: Int = MessageFramer.defaultMaximumContentLength,
    maximumHeaderLength: Int = MessageFramer.defaultMaximumHeaderLength
  ) {
    self.maximumContentLength = maximumContentLength
    self.maximumHeaderLength = maximumHeaderLength
  }

  /// Frames an outgoing body: `Content-Length: N\r\n\r\n` followed by the body bytes.
  public static func frame(_ body: some Collection<UInt8>) -> [UInt8] {
    var bytes = header(forBodyOf: body.count)
    bytes.append(contentsOf: body)
    return bytes
  }

  /// The header block of a body of `count` bytes (`Content-Length: N\r\n\r\n`).
  public static func header(forBodyOf count: Int) -> [UInt8] { Array("Content-Length: \(count)\r\n\r\n".utf8) }

  /// Adds bytes and returns every event they complete, in stream order.
  public mutating func feed(_ chunk: some Sequence<UInt8>) -> [FramingEvent] {
    append(chunk)
    var events: [FramingEvent] = []
    while let event = nextEvent() { events.append(event) }
    return events
  }

  /// Adds bytes without producing events; pair with `nextEvent()`.
  public mutating func append(_ chunk: some Sequence<UInt8>) {
    buffer.append(contentsOf: chunk)
  }

  /// Call at end of input: reports what was left unread and resets the framer.
  public mutating func finish() -> [FramingEvent] {
    var events: [FramingEvent] = []
    let unread = buffer.count - start
    switch state {
    case .seekingHeader:
      if skippedCount + unread > 0 { events.append(.error(.skippedGarbage(byteCount: skippedCount + unread))) }
    case .readingHeader, .readingBody, .oversized:
      if skippedCount > 0 { events.append(.error(.skippedGarbage(byteCount: skippedCount))) }
      events.append(.error(.truncatedMessage(byteCount: unread)))
    case .discarding(let remaining, let length, let prefix, let reported):
      if !reported { events.append(.error(.bodyTooLarge(length: length, maximum: maximumContentLength, id: OversizedBody.requestID(in: prefix)))) }
      events.append(.error(.truncatedMessage(byteCount: length - remaining)))
    }
    self = MessageFramer(maximumContentLength: maximumContentLength, maximumHeaderLength: maximumHeaderLength)
    return events
  }

  /// The next complete body or error, or nil when more input is needed.
  public mutating func nextEvent() -> FramingEvent? {
    while true {
      switch state {
      case .seekingHeader:
        guard seekHeader() else {
          compact()
          return nil
        }
        state = .readingHeader
        beginHeader()
      case .readingHeader:
        let headerEnd: Int
        let terminatorLength: Int
        switch scanHeader() {
        case .needMore:
          // Give up only once the terminator can no longer end within the limit: a header of exactly
          // `maximumHeaderLength` bytes is accepted however the input is chunked.
          if buffer.count - start > maximumHeaderLength + Self.terminator.count - 1 { return abandonHeader() }
          compact()
          return nil
        case .repeatedName(let index):
          if skippedCount > 0 {
            defer { skippedCount = 0 }
            return .error(.skippedGarbage(byteCount: skippedCount))
          }
          // The block never ended: drop it up to the repeated name, which starts the next block.
          start = index
          beginHeader()
          return .error(.unterminatedHeader)
        case .end(let index, let length):
          headerEnd = index
          terminatorLength = length
        }
        if headerEnd - start > maximumHeaderLength { return abandonHeader() }
        if skippedCount > 0 {
          // Reported before the message it precedes; the header is found again cheaply via `headerScanned`.
          defer { skippedCount = 0 }
          return .error(.skippedGarbage(byteCount: skippedCount))
        }
        let header = buffer[start..<headerEnd]
        start = headerEnd + terminatorLength
        switch parseContentLength(header) {
        case .success(let length) where length > maximumContentLength:
          state = .oversized(length: length)
        case .success(let length):
          state = .readingBody(length: length)
        case .failure(let error):
          state = .seekingHeader
          return .error(error)
        }
      case .oversized(let length):
        guard start < buffer.count else {
          compact()
          return nil
        }
        guard buffer[start] == UInt8(ascii: "{") else {
          // Not a JSON object: most likely a lying header followed by the next message; resume scanning here.
          state = .seekingHeader
          return .error(.contentLengthTooLarge(declared: String(length), maximum: maximumContentLength))
        }
        state = .discarding(remaining: length, length: length, prefix: [], reported: false)
      case .discarding(var remaining, let length, var prefix, var reported):
        let available = min(buffer.count - start, remaining)
        let kept = min(available, Self.oversizedPrefixLength - prefix.count)
        if kept > 0 { prefix.append(contentsOf: buffer[start..<start + kept]) }
        start += available
        remaining -= available
        var event: FramingEvent?
        if !reported && (prefix.count == min(Self.oversizedPrefixLength, length) || remaining == 0) {
          reported = true
          event = .error(.bodyTooLarge(length: length, maximum: maximumContentLength, id: OversizedBody.requestID(in: prefix)))
        }
        state = remaining == 0 ? .seekingHeader : .discarding(remaining: remaining, length: length, prefix: prefix, reported: reported)
        compact()
        if let event { return event }
        if remaining > 0 { return nil }
      case .readingBody(let length):
        guard buffer.count - start >= length else {
          compact()
          return nil
        }
        let body = Array(buffer[start..<start + length])
        start += length
        state = .seekingHeader
        compact()
        return .body(body)
      }
    }
  }

  /// Moves `start` to the next header name, counting skipped bytes; false if none is complete yet.
  private mutating func seekHeader() -> Bool {
    var index = start
    while index < buffer.count {
      guard buffer[index] | 0x20 == UInt8(ascii: "c") else {
        index += 1
        continue
      }
      switch matchHeaderName(at: index) {
      case .full(_):
        skippedCount += index - start
        start = index
        return true
      case .prefix:
        // The tail might become a header name once more bytes arrive: keep it.
        skippedCount += index - start
        start = index
        return false
      case .none:
        index += 1
      }
    }
    skippedCount += buffer.count - start
    start = buffer.count
    return false
  }

  private enum NameMatch { case full(Int), prefix, none }

  private func matchHeaderName(at index: Int) -> NameMatch {
    let available = buffer.count - index
    var prefix = false
    for (number, name) in Self.headerNames.enumerated() {
      let count = min(available, name.count)
      var matches = true
      for offset in 0..<count where Self.lowercased(buffer[index + offset]) != name[offset] {
        matches = false
        break
      }
      if matches && count == name.count { return .full(number) }
      if matches { prefix = true }
    }
    return prefix ? .prefix : .none
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
  }

  private enum HeaderScan { case needMore, end(Int, length: Int), repeatedName(Int) }

  /// Starts scanning a header block at `start` (which is at a header name).
  private mutating func beginHeader() {
    state = .readingHeader
    headerScanned = 0
    headerNamesSeen = [false, false]
  }

  /// Scans the header block starting at `start` for its end (`\r\n\r\n` or `\n\n`) or a header name seen
  /// before in it or not at a line start. The scan resumes where it stopped and stops only where the bytes so far cannot decide, so
  /// the result does not depend on how the input was chunked.
  private mutating func scanHeader() -> HeaderScan {
    var index = start + headerScanned
    defer { headerScanned = index - start }
    while index < buffer.count {
      let byte = buffer[index]
      if byte == UInt8(ascii: "\n") {
        guard index + 1 < buffer.count else { return .needMore }
        if buffer[index + 1] == UInt8(ascii: "\n") { return .end(index, length: 2) }
      } else if byte == UInt8(ascii: "\r") {
        guard index + 3 < buffer.count else { return .needMore }
        if buffer[index + 1] == UInt8(ascii: "\n") && buffer[index + 2] == UInt8(ascii: "\r") && buffer[index + 3] == UInt8(ascii: "\n") {
          return .end(index, length: 4)
        }
      } else if byte | 0x20 == UInt8(ascii: "c") {
        switch matchHeaderName(at: index) {
        case .prefix: return .needMore
        case .full(let name):
          // A name seen before in this block, or one not at the start of a line: this block never ended.
          if headerNamesSeen[name] || (index > start && buffer[index - 1] != UInt8(ascii: "\n")) {
            return .repeatedName(index)
          }
          headerNamesSeen[name] = true
          index += Self.headerNames[name].count
          continue
        case .none: break
        }
      }
      index += 1
    }
    return .needMore
  }

  /// Gives up on an overlong header: steps past its name and resumes scanning.
  private mutating func abandonHeader() -> FramingEvent {
    start += 1
    state = .seekingHeader
    return .error(.headerTooLong(maximum: maximumHeaderLength))
  }

  private func parseContentLength(_ header: ArraySlice<UInt8>) -> Result<Int, FramingError> {
    var length: Int?
    for line in header.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      let text = String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
      guard let colon = text.firstIndex(of: ":") else { return .failure(.malformedHeader(text)) }
      let name = text[..<colon].trimmingSpaces().lowercased()
      // Content-Type and unknown headers are tolerated; only the length matters for framing.
      guard name == "content-length" else { continue }
      let value = String(text[text.index(after: colon)...].trimmingSpaces())
      guard !value.isEmpty, value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
        return .failure(.invalidContentLength(value))
      }
      guard let parsed = Int(value) else {
        return .failure(.contentLengthTooLarge(declared: value, maximum: maximumContentLength))
      }
      if let length, length != parsed { return .failure(.invalidContentLength("conflicting values")) }
      length = parsed
    }
    guard let length else { return .failure(.missingContentLength) }
    return .success(length)
  }

  /// Drops consumed bytes once they dominate the buffer, keeping appends amortized O(1).
  private mutating func compact() {
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
      start = 0
    } else if start > 4096 && start > buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs (header whitespace per RFC 7230).
  fileprivate func trimmingSpaces() -> SubSequence {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return self[endIndex...]
    }
    return self[first...last]
  }
}
