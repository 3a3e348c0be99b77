import Dispatch
import Foundation
import Testing

@testable import LSP

/// Issue #15, item 12: a client that stops reading must not make the server block or buffer without end.
@Suite struct OutgoingQueueTests {
  static func publish(_ uri: String, version: Int, size: Int) -> Message {
    .notification(NotificationMessage(
      method: "textDocument/publishDiagnostics",
      params: ["uri": .string(uri), "version": .int(version), "diagnostics": [.string(String(repeating: "x", count: size))]]))
  }

  @Test func supersededPublishesAreCoalescedWhileTheClientDoesNotRead() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer { close(fds[0]) }
    let input = open("/dev/null", O_RDONLY)
    defer { close(input) }
    let transport = StdioTransport(input: input, output: fds[1], maximumQueuedBytes: 1 << 20)
    let done = DispatchSemaphore(value: 0)
    // 400 publishes of 50 KB (20 MB, 20 times the bound) for two documents, nobody reading: on a blocking writer this never returns.
    Thread.detachNewThread {
      for version in 0..<400 { transport.send(Self.publish(version % 2 == 0 ? "file:///a" : "file:///b", version: version, size: 50_000)) }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 60) == .success, "send blocked on a client that does not read")
    // One frame in the middle of its write, plus the latest publish of each document.
    #expect(transport.queuedByteCount <= 3 * 51_000, "\(transport.queuedByteCount) bytes queued")
    // Logs are dropped rather than queued past the bound.
    for _ in 0..<100 {
      transport.send(.notification(NotificationMessage(method: "window/logMessage", params: ["message": .string(String(repeating: "y", count: 100_000))])))
    }
    #expect(transport.queuedByteCount <= 1 << 20)
    // Reading now gives the last publish of each document.
    var framer = MessageFramer()
    var versions: [String: Int] = [:]
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let reader = DispatchSemaphore(value: 0)
    let flags = fcntl(fds[0], F_GETFL)
    _ = fcntl(fds[0], F_SETFL, flags | O_NONBLOCK)
    let deadline = Date(timeIntervalSinceNow: 30)
    while versions["file:///a"] != 398 || versions["file:///b"] != 399, Date() < deadline {
      let count = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
      if count <= 0 {
        _ = reader.wait(timeout: .now() + .milliseconds(10))
        continue
      }
      for case .body(let body) in framer.feed(chunk[..<count]) {
        guard case .success(.notification(let note)) = Message.decode(body), let uri = note.params?["uri"]?.stringValue,
          let version = note.params?["version"]?.intValue
        else { continue }
        versions[uri] = version
      }
    }
    #expect(versions == ["file:///a": 398, "file:///b": 399])
    // Drain the logs still queued, and stop the transport, before the descriptors go: a writer left on a closed
    // descriptor number writes into whatever the number is given to next (another test's pipe or file).
    let closed = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      transport.close()
      closed.signal()
    }
    while closed.wait(timeout: .now()) == .timedOut {
      if chunk.withUnsafeMutableBytes({ read(fds[0], $0.baseAddress, $0.count) }) <= 0 {
        _ = reader.wait(timeout: .now() + .milliseconds(10))
      }
    }
    close(fds[1])
  }
}
