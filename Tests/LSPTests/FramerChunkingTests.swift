import Testing

@testable import LSP

/// Regression (found by the rpc fuzz target, Tests/Fuzz/RPCFuzz.swift, "framer: bodies differ by chunking"): a
/// header block 1–3 bytes short of the limit was accepted when it arrived whole but abandoned when it arrived in
/// pieces, because the incomplete-header check fired before the `\r\n\r\n` terminator could arrive. The framer
/// must yield the same bodies however its input is split.
@Suite struct FramerChunkingTests {
  static func events(_ stream: [UInt8], chunk: Int?, limit: Int) -> [FramingEvent] {
    var framer = MessageFramer(maximumContentLength: 1 << 20, maximumHeaderLength: limit)
    var events: [FramingEvent] = []
    if let chunk {
      var index = 0
      while index < stream.count {
        events += framer.feed(stream[index..<min(stream.count, index + chunk)])
        index += chunk
      }
    } else {
      events = framer.feed(stream)
    }
    return events + framer.finish()
  }

  static func bodies(_ events: [FramingEvent]) -> [[UInt8]] {
    events.compactMap { if case .body(let body) = $0 { return body } else { return nil } }
  }

  @Test(arguments: [-3, -2, -1, 0, 1, 2])
  func headerNearTheLimitIsTreatedAlikeWholeOrInPieces(_ slack: Int) {
    let limit = 64
    let body = Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8)
    // Pad the header with an unknown header line so the block is `limit + slack` bytes before the terminator.
    let base = "Content-Length: \(body.count)\r\nX-Pad: "
    let header = base + String(repeating: "x", count: limit + slack - base.utf8.count)
    let stream = Array(header.utf8) + Array("\r\n\r\n".utf8) + body
    let whole = Self.bodies(Self.events(stream, chunk: nil, limit: limit))
    #expect(whole == (slack <= 0 ? [body] : []))
    for chunk in [1, 2, 3, 5, 7] {
      #expect(Self.bodies(Self.events(stream, chunk: chunk, limit: limit)) == whole, "chunks of \(chunk)")
    }
  }
}
