import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A connection over a pair of file descriptors, normally stdin and stdout.
///
/// A dedicated thread reads the input with `read(2)`, frames and decodes it, and calls the receive handler on that
/// thread, one event at a time. Sending never waits on the peer: frames go into an outgoing queue that a writer
/// thread of its own drains with `write(2)`. The queue is bounded (`maximumQueuedBytes`), so a client that stops
/// reading cannot make the server buffer without end:
///
/// - a `textDocument/publishDiagnostics` still waiting in the queue is replaced by a newer one for the same
///   document (only the latest state matters), so a burst of edits costs one queued publish per document;
/// - `window/logMessage` notifications are dropped while the queue is over its bound;
/// - anything else (responses, requests) waits until the queue is below its bound again: the sender, and with it
///   the server's queue, is held back until the client reads again.
///
/// `close()` waits (up to `closeTimeout`) for what is queued to be written, so the answers sent before `exit`
/// reach the client. Only framed messages are ever written.
public final class StdioTransport: Connection, @unchecked Sendable {
  /// A queued message: its header and body apart, so that a body (21.7 MB of diagnostics for a 10 MB document) is
  /// queued and written as it was handed over, never copied behind a header.
  private struct Frame {
    var key: String?
    var header: [UInt8]
    var body: [UInt8]
    var count: Int { header.count + body.count }

    init(key: String?, body: [UInt8]) {
      self.key = key
      header = MessageFramer.header(forBodyOf: body.count)
      self.body = body
    }
  }

  private struct State {
    var isStarted = false
    var isClosed = false
    /// Set once the peer stops reading; later messages are dropped instead of raising errors on every send.
    var isOutputBroken = false
    var queue: [Frame] = []
    var queuedBytes = 0
    var isWriterRunning = false
    /// Whether the writer is in the middle of a frame (popped from `queue`, not yet written).
    var isWriting = false
  }

  /// The default bound of the outgoing queue: 32 MiB.
  public static let defaultMaximumQueuedBytes = 32 << 20
  /// How long `close()` waits for the queue to drain.
  public static let closeTimeout: Double = 5

  private let input: Int32
  private let output: Int32
  private let maximumContentLength: Int
  /// The outgoing queue's bound in bytes; a single frame larger than it is still sent, alone.
  public let maximumQueuedBytes: Int
  private let condition = NSCondition()
  /// Guarded by `condition`.
  private var state = State()

  /// Creates a transport; the descriptors are not closed by it. Ignores `SIGPIPE` process-wide, so a vanished client
  /// makes writes fail with `EPIPE` instead of killing the process: the writer runs whether or not `start` is called
  /// (a test sending into a pipe whose reader closes died of SIGPIPE when no other transport had been started).
  public init(
    input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    maximumContentLength: Int = MessageFramer.defaultMaximumContentLength,
    maximumQueuedBytes: Int = StdioTransport.defaultMaximumQueuedBytes
  ) {
    self.input = input
    self.output = output
    self.maximumContentLength = maximumContentLength
    self.maximumQueuedBytes = maximumQueuedBytes
    signal(SIGPIPE, SIG_IGN)
  }

  /// A transport on stdin and a private duplicate of stdout, with file descriptor 1 pointed at stderr.
  ///
  /// Stray `print` calls anywhere in the process would otherwise corrupt the message stream; after this they land
  /// in the client's log instead.
  public static func claimingStandardOutput(
    maximumContentLength: Int = MessageFramer.defaultMaximumContentLength
  ) -> StdioTransport {
    fflush(nil)  // whatever was printed so far still belongs on the real stdout
    let privateOutput = dup(STDOUT_FILENO)
    guard privateOutput >= 0 else { return StdioTransport(maximumContentLength: maximumContentLength) }
    dup2(STDERR_FILENO, STDOUT_FILENO)
    return StdioTransport(input: STDIN_FILENO, output: privateOutput, maximumContentLength: maximumContentLength)
  }

  /// Starts the reader thread.
  public func start(receive: @escaping @Sendable (ConnectionEvent) -> Void, onClose: @escaping @Sendable () -> Void) {
    let shouldStart = condition.withLock { () -> Bool in
      defer { state.isStarted = true }
      return !state.isStarted
    }
    guard shouldStart else { return }
    let thread = Thread { [self] in readLoop(receive: receive, onClose: onClose) }
    thread.name = "lsp.stdio.reader"
    thread.start()
  }

  /// Frames and queues one message; dropped after `close()` or once the output is broken.
  public func send(_ message: Message) {
    var key: String?
    var droppable = false
    if case .notification(let notification) = message {
      if notification.method == "textDocument/publishDiagnostics" { key = notification.params?["uri"]?.stringValue }
      droppable = notification.method == "window/logMessage"
    }
    enqueue(message.encodedBody(), key: key.map { "publishDiagnostics " + $0 }, droppable: droppable)
  }

  /// Frames and queues an already serialized message body.
  public func send(body: [UInt8]) { enqueue(body, key: nil, droppable: false) }

  /// Frames and queues a body that supersedes any queued body with the same key (published diagnostics).
  public func send(body: [UInt8], coalescingKey: String) {
    enqueue(body, key: "publishDiagnostics " + coalescingKey, droppable: false)
  }

  /// Bytes queued and not yet written (for tests and logs).
  public var queuedByteCount: Int { condition.withLock { state.queuedBytes } }

  private func enqueue(_ body: [UInt8], key: String?, droppable: Bool) {
    let frame = Frame(key: key, body: body)
    let bytes = frame.count
    condition.lock()
    defer { condition.unlock() }
    guard !state.isClosed, !state.isOutputBroken else { return }
    if let key, let index = state.queue.firstIndex(where: { $0.key == key }) {
      state.queuedBytes += bytes - state.queue[index].count
      state.queue[index] = frame
      return
    }
    if droppable && state.queuedBytes + bytes > maximumQueuedBytes { return }
    while state.queuedBytes > 0 && state.queuedBytes + bytes > maximumQueuedBytes
      && !state.isClosed && !state.isOutputBroken
    {
      condition.wait()
    }
    guard !state.isClosed, !state.isOutputBroken else { return }
    state.queue.append(frame)
    state.queuedBytes += bytes
    if !state.isWriterRunning {
      state.isWriterRunning = true
      let thread = Thread { [self] in writeLoop() }
      thread.name = "lsp.stdio.writer"
      thread.start()
    }
    condition.broadcast()
  }

  private func writeLoop() {
    while true {
      condition.lock()
      while state.queue.isEmpty && !state.isOutputBroken { condition.wait() }
      if state.isOutputBroken {
        condition.unlock()
        return
      }
      let frame = state.queue.removeFirst()
      state.isWriting = true
      condition.unlock()
      let written =
        FileDescriptorWriter.writeAll(frame.header, to: output) && FileDescriptorWriter.writeAll(frame.body, to: output)
      condition.lock()
      state.isWriting = false
      state.queuedBytes -= frame.count
      if !written {
        state.isOutputBroken = true
        state.queue.removeAll()
        state.queuedBytes = 0
      }
      condition.broadcast()
      condition.unlock()
    }
  }

  /// Stops delivering events and drops later sends, after waiting (up to `closeTimeout`) for the queued ones to
  /// be written. A `read(2)` already blocked is not interrupted; its data, if any, is discarded, and `onClose`
  /// runs when it returns.
  public func close() {
    condition.lock()
    defer { condition.unlock() }
    state.isClosed = true
    condition.broadcast()
    let deadline = Date(timeIntervalSinceNow: StdioTransport.closeTimeout)
    while (!state.queue.isEmpty || state.isWriting) && !state.isOutputBroken {
      if !condition.wait(until: deadline) { break }
    }
  }

  private var isClosed: Bool { condition.withLock { state.isClosed } }

  private func readLoop(receive: @Sendable (ConnectionEvent) -> Void, onClose: @Sendable () -> Void) {
    var framer = MessageFramer(maximumContentLength: maximumContentLength)
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    func deliver(_ events: [FramingEvent]) {
      for event in events where !isClosed {
        switch event {
        case .body(let body):
          switch Message.decode(body) {
          case .success(let message): receive(.message(message))
          case .failure(let error): receive(.invalidMessage(error))
          }
        case .error(let error):
          receive(.framingError(error))
        }
      }
    }
    while !isClosed {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count > 0 {
        deliver(framer.feed(chunk[0..<count]))
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    deliver(framer.finish())
    onClose()
  }
}

/// Blocking writes to a file descriptor, shared by the protocol output and the log.
enum FileDescriptorWriter {
  /// Writes every byte, retrying short writes and interrupted calls; false on any other error.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if result > 0 {
          offset += result
        } else if result < 0 && errno == EINTR {
          continue
        } else {
          return false
        }
      }
      return true
    }
  }
}
