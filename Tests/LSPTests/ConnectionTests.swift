import Foundation
import Testing

@testable import LSP

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Collects events delivered on another thread and lets the test wait for them.
final class EventRecorder: Sendable {
  private let state = Locked((events: [ConnectionEvent](), closed: false))
  private let arrived = DispatchSemaphore(value: 0)

  func record(_ event: ConnectionEvent) {
    state.withLock { $0.events.append(event) }
    arrived.signal()
  }

  func recordClose() {
    state.withLock { $0.closed = true }
    arrived.signal()
  }

  /// Waits until `count` events (or the close) arrived, failing after a generous timeout.
  func wait(for count: Int, orClose: Bool = false) -> [ConnectionEvent] {
    let deadline = Date().addingTimeInterval(10)
    while state.withLock({ $0.events.count < count && !(orClose && $0.closed) }) {
      if arrived.wait(timeout: .now() + deadline.timeIntervalSinceNow) == .timedOut { break }
    }
    return events
  }

  var events: [ConnectionEvent] { state.withLock { $0.events } }
  var isClosed: Bool { state.withLock { $0.closed } }
}

extension Connection {
  func start(recorder: EventRecorder) {
    start(receive: { recorder.record($0) }, onClose: { recorder.recordClose() })
  }
}

@Suite struct ConnectionTests {
  @Test func inMemoryDeliversInOrderBothWays() throws {
    let (client, server) = InMemoryConnection.makePair()
    let serverEvents = EventRecorder()
    let clientEvents = EventRecorder()
    // Sent before start: must be buffered, not lost.
    client.send(.notification(NotificationMessage(method: "early")))
    server.start(recorder: serverEvents)
    client.start(recorder: clientEvents)
    for index in 0..<200 {
      client.send(.request(RequestMessage(id: .int(index), method: "m", params: ["i": .int(index)])))
    }
    let received = serverEvents.wait(for: 201)
    #expect(received.first == .message(.notification(NotificationMessage(method: "early"))))
    #expect(received.dropFirst().map { event -> RequestID? in
      if case .message(.request(let request)) = event { return request.id }
      return nil
    } == (0..<200).map { RequestID.int($0) })

    server.reply(to: 5, result: Hover(contents: MarkupContent(value: "x")))
    server.reply(to: "s", error: .requestCancelled)
    try server.send(notification: LogMessageParams(type: .info, message: "hi"))
    try server.send(request: DiagnosticRefreshRequest(), id: 1)
    let sent = clientEvents.wait(for: 4)
    #expect(sent == [
      .message(.response(.success(id: 5, ["contents": ["kind": "markdown", "value": "x"]]))),
      .message(.response(.failure(id: "s", .requestCancelled))),
      .message(.notification(NotificationMessage(method: "window/logMessage", params: ["message": "hi", "type": 3]))),
      .message(.request(RequestMessage(id: 1, method: "workspace/diagnostic/refresh"))),
    ])
  }

  @Test func inMemoryCloseDeliversPendingThenCloses() {
    let (client, server) = InMemoryConnection.makePair()
    let serverEvents = EventRecorder()
    client.send(.notification(NotificationMessage(method: "a")))
    client.close()
    client.send(.notification(NotificationMessage(method: "dropped")))
    server.start(recorder: serverEvents)
    #expect(serverEvents.wait(for: 2, orClose: true).count == 1)
    #expect(serverEvents.isClosed)
  }

  @Test func inMemoryReportsInvalidBodies() {
    let (client, server) = InMemoryConnection.makePair()
    let serverEvents = EventRecorder()
    server.start(recorder: serverEvents)
    client.send(body: Array("[]".utf8))
    guard case .invalidMessage(let error)? = serverEvents.wait(for: 1).first else {
      Issue.record("expected an invalid message")
      return
    }
    #expect(error.response == .failure(id: nil, .invalidRequest("Batch requests are not supported by LSP")))
  }

  @Test func typedParamsDecoding() throws {
    let request = RequestMessage(id: 1, method: "textDocument/hover", params: ["textDocument": ["uri": "u"]])
    #expect(throws: ResponseError.invalidParams("Invalid params for textDocument/hover: params.position is required")) {
      try request.decodeParams(HoverParams.self)
    }
    let wrongType = RequestMessage(
      id: 1, method: "textDocument/hover",
      params: ["textDocument": ["uri": "u"], "position": ["line": "one", "character": 0]])
    do {
      _ = try wrongType.decodeParams(HoverParams.self)
      Issue.record("decoded a string line")
    } catch {
      #expect(error.code == .invalidParams)
      #expect(error.message.contains("params.position.line"))
    }
    #expect(throws: ResponseError.invalidParams("Invalid params for textDocument/hover: missing params")) {
      try RequestMessage(id: 1, method: "textDocument/hover").decodeParams(HoverParams.self)
    }
    // Parameterless and all-optional params accept absent params.
    _ = try RequestMessage(id: 1, method: "shutdown").decodeParams(ShutdownRequest.self)
    _ = try NotificationMessage(method: "initialized").decodeParams(InitializedParams.self)
    _ = try NotificationMessage(method: "initialized", params: [:]).decodeParams(InitializedParams.self)
    let hover = try RequestMessage(
      id: 1, method: "textDocument/hover",
      params: ["textDocument": ["uri": "u"], "position": ["line": 1, "character": 0]]
    ).decodeParams(HoverParams.self)
    #expect(hover.position == Position(line: 1, character: 0))
  }

  @Test func stdioTransportReadsFramesAndWritesResponses() throws {
    var toServer: [Int32] = [0, 0]
    var fromServer: [Int32] = [0, 0]
    #expect(pipe(&toServer) == 0 && pipe(&fromServer) == 0)
    defer { [toServer[0], fromServer[0], fromServer[1]].forEach { _ = closeDescriptor($0) } }
    let transport = StdioTransport(input: toServer[0], output: fromServer[1])
    let events = EventRecorder()
    transport.start(receive: { event in
      events.record(event)
      if case .message(.request(let request)) = event { transport.reply(to: request.id, result: NullResult()) }
    }, onClose: { events.recordClose() })

    let input = "xx" + String(decoding: framed(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#), as: UTF8.self)
      + "Content-Length: 3\r\n\r\n{}}" + String(decoding: framed(#"{"jsonrpc":"2.0","method":"exit"}"#), as: UTF8.self)
      + "Content-Length: 9\r\n\r\n{"
    writeAll(toServer[1], Array(input.utf8))
    _ = closeDescriptor(toServer[1])

    let received = events.wait(for: 100, orClose: true)
    #expect(events.isClosed)
    guard received.count == 5, case .invalidMessage(let invalid) = received[2] else {
      Issue.record("unexpected events \(received)")
      return
    }
    #expect(invalid.error.code == .parseError)
    #expect(received[0] == .framingError(.skippedGarbage(byteCount: 2)))
    #expect(received[1] == .message(.request(RequestMessage(id: 1, method: "shutdown"))))
    #expect(received[3] == .message(.notification(NotificationMessage(method: "exit"))))
    #expect(received[4] == .framingError(.truncatedMessage(byteCount: 1)))

    let expected = #"{"id":1,"jsonrpc":"2.0","result":null}"#
    // The header and the body may arrive in separate writes: read until the whole frame is in (or the pipe ends).
    let frame = "Content-Length: \(expected.utf8.count)\r\n\r\n\(expected)"
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 256)
    while output.count < frame.utf8.count {
      let count = read(fromServer[0], &chunk, chunk.count)
      guard count > 0 else { break }
      output += chunk[0..<count]
    }
    #expect(String(decoding: output, as: UTF8.self) == frame)
    transport.close()  // before the deferred closes of its descriptors
  }

  @Test func stdioTransportSurvivesAClosedOutput() {
    var fromServer: [Int32] = [0, 0]
    #expect(pipe(&fromServer) == 0)
    _ = closeDescriptor(fromServer[0])
    let transport = StdioTransport(input: -1, output: fromServer[1])
    let events = EventRecorder()
    transport.start(recorder: events)  // installs SIG_IGN for SIGPIPE; the bad input fd ends reading at once
    #expect(events.wait(for: 1, orClose: true).isEmpty)
    transport.send(.notification(NotificationMessage(method: "a")))
    transport.send(.notification(NotificationMessage(method: "b")))
    // The writer is done (the output broke) before the descriptor goes, so its number is not written to again.
    transport.close()
    _ = closeDescriptor(fromServer[1])
  }
}

private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
  var offset = 0
  while offset < bytes.count {
    let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written > 0 else { return }
    offset += written
  }
}

/// `close` is shadowed by the transport method inside type contexts; this names the C function.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }

@Suite struct OutgoingRequestsTests {
  @Test func routesTypedResponsesBackToTheSender() async throws {
    let (client, server) = InMemoryConnection.makePair()
    let outgoing = OutgoingRequests(idPrefix: "s")
    // A fake client: answers configuration requests, fails everything else.
    client.start(receive: { event in
      guard case .message(.request(let request)) = event else { return }
      if request.method == ConfigurationParams.method {
        client.reply(to: request.id, result: [["strict": true]] as JSONValue)
      } else {
        client.reply(to: request.id, error: .requestFailed("no"))
      }
    }, onClose: {})
    server.start(receive: { event in
      if case .message(.response(let response)) = event { outgoing.handle(response) }
    }, onClose: {})

    let request = ConfigurationParams(items: [ConfigurationItem(section: "jixiao")])
    let settings = try await outgoing.send(request, on: server)
    #expect(settings == [["strict": true]])
    await #expect(throws: ResponseError.requestFailed("no")) {
      try await outgoing.send(ApplyWorkspaceEditParams(edit: WorkspaceEdit()), on: server)
    }
    #expect(outgoing.pendingCount == 0)
    #expect(!outgoing.handle(.success(id: "s1", .null)))
  }

  @Test func failAllReleasesWaiters() async {
    let (_, server) = InMemoryConnection.makePair()
    let outgoing = OutgoingRequests()
    let results = Locked([Result<NullResult, ResponseError>]())
    outgoing.send(DiagnosticRefreshRequest(), on: server) { result in results.withLock { $0.append(result) } }
    #expect(outgoing.pendingCount == 1)
    outgoing.failAll(with: .requestCancelled)
    #expect(results.withLock { $0 } == [.failure(.requestCancelled)])
  }
}
