// libFuzzer entry point: arbitrary bytes into the JSON-RPC reader (MessageFramer + Message.decode) and into the
// language server's dispatcher. Built by Scripts/fuzz (not a SwiftPM target).
//
// The input is used twice: as a raw byte stream for the framer, and split at newlines into message bodies that
// an in-memory client sends, one by one, to a fresh `Server` (no debounce). Corpus files are therefore one
// JSON message per line (see Scripts/robustness/rpc-seeds.py).
//
// Invariants checked on every input:
// - the server survives every message: a final request sent after the input is answered, unless the input
//   made it exit (an `exit` notification);
// - the framer yields the same events whether the stream arrives whole or in chunks (the first input
//   byte picks the chunk sizes), and never holds more than a body limit plus a header limit;
// - every body that decodes re-encodes to a frame that reads back as the same message, and encoding
//   that message again gives the same bytes (a fixed point);
// - a decoding failure carries the error code the spec names (-32700 or -32600);
// - any JSON text that parses serializes to text that parses to the same value.
import Dispatch
import FormServer
import LSP

@_cdecl("LLVMFuzzerTestOneInput")
public func rpcFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  checkJSONRoundTrip(bytes)
  guard let first = bytes.first else { return 0 }
  let stream = Array(bytes.dropFirst())
  // Small limits so the limit paths are reached by small inputs.
  let limits = (content: 512, header: 256)

  var whole = MessageFramer(maximumContentLength: limits.content, maximumHeaderLength: limits.header)
  var wholeEvents = whole.feed(stream)
  wholeEvents += whole.finish()

  var chunked = MessageFramer(maximumContentLength: limits.content, maximumHeaderLength: limits.header)
  var chunkedEvents: [FramingEvent] = []
  var index = 0
  var step = Int(first % 17) + 1
  while index < stream.count {
    let end = min(stream.count, index + step)
    chunkedEvents += chunked.feed(stream[index..<end])
    index = end
    step = (step * 7 + Int(first)) % 23 + 1
  }
  chunkedEvents += chunked.finish()
  let wholeBodies = wholeEvents.compactMap(body)
  let chunkedBodies = chunkedEvents.compactMap(body)
  if wholeBodies != chunkedBodies {
    fatalError("framer: bodies differ by chunking: \(wholeBodies.count) whole vs \(chunkedBodies.count) chunked")
  }
  for body in wholeBodies {
    if body.count > limits.content { fatalError("framer: body of \(body.count) bytes passed a \(limits.content)-byte limit") }
    checkMessage(body)
  }
  let lines = bytes.split(separator: UInt8(ascii: "\n")).prefix(64).map { Array($0) }
  checkServer(lines)
  return 0
}

/// Sends each line as a message body to a fresh server, then a final request that must be answered.
private func checkServer(_ bodies: [[UInt8]]) {
  let (client, serverEnd) = InMemoryConnection.makePair()
  let server = Server(connection: serverEnd, options: ServerOptions(debounceMilliseconds: 0, logsToStandardError: false))
  server.start()
  let finalID = RequestID.string("fuzz-final-request")
  let answered = DispatchSemaphore(value: 0)
  client.start(
    receive: { event in
      if case .message(.response(let response)) = event, response.id == finalID { answered.signal() }
    }, onClose: { answered.signal() })
  for body in bodies { client.send(body: body) }
  client.send(.request(RequestMessage(id: finalID, method: "shutdown", params: nil)))
  if answered.wait(timeout: .now() + 10) == .timedOut {
    fatalError("server neither answered a request nor exited within 10 s after \(bodies.count) messages")
  }
  client.send(.notification(NotificationMessage(method: "exit", params: nil)))
  let exited = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    _ = server.waitForExit()
    exited.signal()
  }
  if exited.wait(timeout: .now() + 10) == .timedOut { fatalError("server did not exit within 10 s of `exit`") }
}

private func body(_ event: FramingEvent) -> [UInt8]? {
  if case .body(let bytes) = event { return bytes }
  return nil
}

private func checkMessage(_ body: [UInt8]) {
  switch Message.decode(body) {
  case .success(let message):
    let frame = message.encodedFrame()
    var framer = MessageFramer()
    let events = framer.feed(frame)
    guard events.count == 1, case .body(let reread) = events[0] else {
      fatalError("an encoded message does not frame as one body: \(events)")
    }
    guard case .success(let again) = Message.decode(reread) else {
      fatalError("an encoded message does not decode: \(String(decoding: reread, as: UTF8.self))")
    }
    if again.encodedBody() != reread {
      fatalError("encoding is not a fixed point: \(String(decoding: reread, as: UTF8.self))")
    }
  case .failure(let failure):
    let code = failure.error.code.rawValue
    if code != -32700 && code != -32600 { fatalError("decoding failed with code \(code)") }
  }
}

private func checkJSONRoundTrip(_ bytes: [UInt8]) {
  guard let value = try? JSONValue(parsing: bytes) else { return }
  let text = value.serialized()
  guard let reparsed = try? JSONValue(parsing: text) else {
    fatalError("serialized JSON does not parse: \(String(decoding: text, as: UTF8.self))")
  }
  if reparsed.serialized() != text {
    fatalError("JSON serialization is not a fixed point: \(String(decoding: text, as: UTF8.self))")
  }
}
