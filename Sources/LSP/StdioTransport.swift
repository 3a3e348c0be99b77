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
/// thread, one event at a time. Writes are serialized by a lock and go straight to `write(2)`, so each message is
/// on the wire (nothing left in a buffer) when `send` returns. Only framed messages are ever written.
public final class StdioTransport: Connection {
  private struct State {
    var isStarted = false
    var isClosed = false
    /// Set once the peer stops reading; later messages are dropped instead of raising errors on every send.
    var isOutputBroken = false
  }

  private let input: Int32
  private let output: Int32
  private let maximumContentLength: Int
  private let state = Locked(State())
  /// Held for a whole message so concurrent senders cannot interleave bytes.
  private let writeLock = Locked(())

  /// Creates a transport; the descriptors are not closed by it.
  public init(
    input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    maximumContentLength: Int = MessageFramer.defaultMaximumContentLength
  ) {
    self.input = input
    self.output = output
    self.maximumContentLength = maximumContentLength
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

  /// Starts the reader thread. Also ignores `SIGPIPE` process-wide, so a vanished client makes writes fail with
  /// `EPIPE` instead of killing the server.
  public func start(receive: @escaping @Sendable (ConnectionEvent) -> Void, onClose: @escaping @Sendable () -> Void) {
    let shouldStart = state.withLock { state in
      defer { state.isStarted = true }
      return !state.isStarted
    }
    guard shouldStart else { return }
    signal(SIGPIPE, SIG_IGN)
    let thread = Thread { [self] in readLoop(receive: receive, onClose: onClose) }
    thread.name = "lsp.stdio.reader"
    thread.start()
  }

  /// Frames and writes one message; dropped after `close()` or once the output is broken.
  public func send(_ message: Message) { send(body: message.encodedBody()) }

  /// Frames and writes an already serialized message body.
  public func send(body: [UInt8]) {
    let frame = MessageFramer.frame(body)
    guard !state.withLock({ $0.isClosed || $0.isOutputBroken }) else { return }
    let written = writeLock.withLock { _ in writeAll(frame) }
    if !written { state.withLock { $0.isOutputBroken = true } }
  }

  /// Stops delivering events and drops later sends. A `read(2)` already blocked is not interrupted; its data,
  /// if any, is discarded, and `onClose` runs when it returns.
  public func close() {
    state.withLock { $0.isClosed = true }
  }

  private var isClosed: Bool { state.withLock { $0.isClosed } }

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

  /// Writes every byte, retrying short writes and interrupted calls; false on any other error.
  private func writeAll(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let result = write(output, buffer.baseAddress! + offset, buffer.count - offset)
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
