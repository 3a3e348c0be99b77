import Testing

@testable import LSP

/// Frames `body` the way a client would.
func framed(_ body: String, extraHeaders: String = "") -> [UInt8] {
  Array("Content-Length: \(body.utf8.count)\r\n\(extraHeaders)\r\n\(body)".utf8)
}

/// Feeds each chunk in turn and collects every event.
func events(_ chunks: [[UInt8]], framer: MessageFramer = MessageFramer()) -> [FramingEvent] {
  var framer = framer
  return chunks.flatMap { framer.feed($0) }
}

func body(_ text: String) -> FramingEvent { .body(Array(text.utf8)) }

@Suite struct FramingTests {
  let first = #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#
  let second = #"{"id":1,"jsonrpc":"2.0","method":"shutdown"}"#

  @Test func headerAndBodySplitAtEveryBytePosition() {
    let contentType = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
    let stream = framed(first) + framed(second, extraHeaders: contentType)
    for split in 0...stream.count {
      let result = events([Array(stream[..<split]), Array(stream[split...])])
      #expect(result == [body(first), body(second)], "split at \(split)")
    }
  }

  @Test func byteByByteFeeding() {
    let stream = framed(first) + framed(second)
    #expect(events(stream.map { [$0] }) == [body(first), body(second)])
  }

  @Test func severalMessagesInOneChunk() {
    let stream = framed(first) + framed(second) + framed(first) + Array("Content-Len".utf8)
    var framer = MessageFramer()
    #expect(framer.feed(stream) == [body(first), body(second), body(first)])
    #expect(framer.feed(Array("gth: 2\r\n\r\n{}".utf8)) == [body("{}")])
  }

  @Test func headerNamesAreCaseInsensitiveAndContentTypeIsTolerated() {
    let stream = Array("content-type: application/vscode-jsonrpc\r\nCONTENT-LENGTH:2\r\n\r\n{}".utf8)
    #expect(events([stream]) == [body("{}")])
  }

  @Test func garbageBeforeHeaderIsSkippedAndReportedOnce() {
    let garbage = Array("hello world\r\n\u{0}\u{1}cont".utf8)
    let stream = garbage + framed(first)
    #expect(events([stream]) == [.error(.skippedGarbage(byteCount: garbage.count)), body(first)])
    #expect(events(stream.map { [$0] }) == [.error(.skippedGarbage(byteCount: garbage.count)), body(first)])
  }

  @Test func invalidContentLengthThenRecovery() {
    let stream = Array("Content-Length: abc\r\n\r\n{}".utf8) + framed(first)
    #expect(events([stream]) == [
      .error(.invalidContentLength("abc")), .error(.skippedGarbage(byteCount: 2)), body(first),
    ])
  }

  @Test func missingContentLengthThenRecovery() {
    let stream = Array("Content-Type: application/json\r\n\r\n".utf8) + framed(first)
    #expect(events([stream]) == [.error(.missingContentLength), body(first)])
  }

  @Test func hugeContentLengthIsRejectedWithoutBuffering() {
    let huge = "999999999999999999999999999"
    let stream = Array("Content-Length: \(huge)\r\n\r\n".utf8) + framed(second)
    #expect(events([stream]) == [
      .error(.contentLengthTooLarge(declared: huge, maximum: MessageFramer.defaultMaximumContentLength)), body(second),
    ])
  }

  @Test func configurableMaximum() {
    let stream = framed(first) + framed("{}")
    // The over-limit body is a JSON object: skipped exactly, never buffered, and reported (no id in it).
    #expect(events([stream], framer: MessageFramer(maximumContentLength: 10)) == [
      .error(.bodyTooLarge(length: first.utf8.count, maximum: 10, id: nil)),
      body("{}"),
    ])
  }

  @Test func overlongHeaderIsAbandoned() {
    let stream = Array("Content-Length: 2\r\nX: \(String(repeating: "a", count: 100))".utf8)
    var framer = MessageFramer(maximumHeaderLength: 64)
    let result = framer.feed(stream)
    #expect(result == [.error(.headerTooLong(maximum: 64))])
    #expect(framer.feed(framed("{}")) == [.error(.skippedGarbage(byteCount: stream.count - 1)), body("{}")])
  }

  @Test func malformedHeaderLine() {
    let stream = Array("Content-Length: 2\r\nnonsense\r\n\r\n{}".utf8) + framed("[]")
    #expect(events([stream]) == [
      .error(.malformedHeader("nonsense")), .error(.skippedGarbage(byteCount: 2)), body("[]"),
    ])
  }

  @Test func endOfInputReportsTruncation() {
    var framer = MessageFramer()
    #expect(framer.feed(Array("Content-Length: 10\r\n\r\n{}".utf8)).isEmpty)
    #expect(framer.finish() == [.error(.truncatedMessage(byteCount: 2))])
    #expect(framer.feed(Array("junk".utf8)).isEmpty)
    #expect(framer.finish() == [.error(.skippedGarbage(byteCount: 4))])
    #expect(framer.finish().isEmpty)
  }

  @Test func zeroLengthBody() {
    #expect(events([Array("Content-Length: 0\r\n\r\n".utf8)]) == [.body([])])
  }

  @Test func encoderWritesHeaderThenBody() {
    let frame = MessageFramer.frame(Array("{\"a\":\"é\"}".utf8))
    #expect(String(decoding: frame, as: UTF8.self) == "Content-Length: 10\r\n\r\n{\"a\":\"é\"}")
    #expect(events([frame]) == [body("{\"a\":\"é\"}")])
  }
}
