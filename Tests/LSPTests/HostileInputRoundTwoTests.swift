import Testing

@testable import LSP

/// Issue #15 (hostile input, second round): framing and decoding defects, each with the input that showed it.
@Suite struct HostileInputRoundTwoTests {
  let request = #"{"jsonrpc":"2.0","id":9,"method":"jixiao/noSuchMethod"}"#

  /// #6: a header ended by LF only, by a single CRLF, or by nothing must not swallow the request after it,
  /// however the bytes are chunked.
  @Test(arguments: ["Content-Length: 2\n\n{}", "Content-Length: 2\r\n{}", "Content-Length: 2{}", "content-type: x\r\n{}"])
  func brokenHeaderTerminatorsDoNotSwallowTheNextRequest(_ broken: String) {
    let stream = Array(broken.utf8) + framed(request)
    let whole = events([stream])
    #expect(whole.last == body(request), "\(whole)")
    for split in 0...stream.count {
      #expect(events([Array(stream[..<split]), Array(stream[split...])]) == whole, "split at \(split)")
    }
    #expect(events(stream.map { [$0] }) == whole)
  }

  /// #6: LF-only headers are read (hand-written clients send them).
  @Test func lineFeedOnlyHeadersAreAccepted() {
    #expect(events([Array("Content-Type: x\nContent-Length: 2\n\n{}".utf8)]) == [body("{}")])
  }

  /// #7: a body over the limit is skipped exactly, reported with its id, and the next message is read.
  @Test func overLimitBodyIsReportedWithItsIDThenResynchronised() {
    let big = #"{"jsonrpc":"2.0","params":{"id":5,"text":"\#(String(repeating: "x", count: 300))"},"id":"big","method":"m"}"#
    let stream = framed(big) + framed(request)
    let expected: [FramingEvent] = [.error(.bodyTooLarge(length: big.utf8.count, maximum: 100, id: "big")), body(request)]
    #expect(events([stream], framer: MessageFramer(maximumContentLength: 100)) == expected)
    #expect(events(stream.map { [$0] }, framer: MessageFramer(maximumContentLength: 100)) == expected)
    // Without a readable id it is still reported (the server answers -32700 with id null).
    let anonymous = "{" + String(repeating: " ", count: 200) + "}"
    #expect(events([framed(anonymous) + framed(request)], framer: MessageFramer(maximumContentLength: 100)) == [
      .error(.bodyTooLarge(length: anonymous.utf8.count, maximum: 100, id: nil)), body(request),
    ])
  }

  /// #7: a lying over-limit header followed by a real message: resynchronise at once, nothing skipped.
  @Test func overLimitHeaderFollowedByAMessageResynchronises() {
    let stream = Array("Content-Length: 4000000000\r\n\r\n".utf8) + framed(request)
    #expect(events([stream]) == [
      .error(.contentLengthTooLarge(declared: "4000000000", maximum: MessageFramer.defaultMaximumContentLength)), body(request),
    ])
  }

  @Test func idIsReadOnlyAtTopLevel() {
    func id(_ text: String) -> RequestID? { OversizedBody.requestID(in: Array(text.utf8)) }
    #expect(id(#"{"jsonrpc":"2.0","id":7,"#) == 7)
    #expect(id(#"{"params":{"id":1,"a":[{"id":2}]},"x":"\"id\":3","id":"s"}"#) == "s")
    #expect(id(#"{"params":{"id":1},"text":"#) == nil)
    #expect(id(#"[{"id":1}]"#) == nil)
    #expect(id(#"{"id":1.5}"#) == nil)
  }

  /// #8: `"params": null` is the same as no params.
  @Test func nullParamsAreAbsentParams() throws {
    #expect(try decode(#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#).get()
      == .request(RequestMessage(id: 1, method: "shutdown")))
    #expect(try decode(#"{"jsonrpc":"2.0","method":"exit","params":null}"#).get()
      == .notification(NotificationMessage(method: "exit")))
    #expect(decodingError(#"{"jsonrpc":"2.0","method":"exit","params":3}"#)?.error.code == .invalidRequest)
  }
}
