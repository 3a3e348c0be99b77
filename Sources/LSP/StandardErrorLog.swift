import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Log lines for standard error that can never stop or kill the process writing them.
///
/// Lines go into a bounded buffer (`capacity` bytes) drained by a thread of its own with `write(2)`. When the
/// reader of stderr is slow or stuck, the buffer fills and later lines are dropped (and counted) rather than
/// blocking the caller; when it has gone away (`EPIPE`, `EBADF`), every later line is dropped. `SIGPIPE` must be
/// ignored by the process (the stdio transport does that).
public final class StandardErrorLog: @unchecked Sendable {
  /// The process-wide log on file descriptor 2.
  public static let shared = StandardErrorLog(descriptor: STDERR_FILENO)

  /// Bytes buffered at most; a line that does not fit is dropped.
  public let capacity: Int
  private let descriptor: Int32
  private let condition = NSCondition()
  private var pending: [[UInt8]] = []
  private var pendingBytes = 0
  private var isBroken = false
  private var isWriterRunning = false
  /// Lines dropped because the buffer was full or stderr was gone.
  public private(set) var droppedCount = 0

  /// A log on `descriptor`, buffering at most `capacity` bytes.
  public init(descriptor: Int32, capacity: Int = 256 << 10) {
    self.descriptor = descriptor
    self.capacity = capacity
  }

  /// Queues one line (a newline is added); never blocks on the descriptor.
  public func write(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    condition.lock()
    defer { condition.unlock() }
    guard !isBroken, pendingBytes + bytes.count <= capacity else {
      droppedCount += 1
      return
    }
    pending.append(bytes)
    pendingBytes += bytes.count
    if !isWriterRunning {
      isWriterRunning = true
      let thread = Thread { [self] in drain() }
      thread.name = "lsp.stderr"
      thread.start()
    }
    condition.signal()
  }

  /// Bytes waiting to be written (for tests).
  public var bufferedByteCount: Int { condition.withLock { pendingBytes } }

  private func drain() {
    while true {
      condition.lock()
      while pending.isEmpty { condition.wait() }
      let line = pending.removeFirst()
      condition.unlock()
      let written = FileDescriptorWriter.writeAll(line, to: descriptor)
      condition.lock()
      pendingBytes -= line.count
      if !written {
        isBroken = true
        droppedCount += pending.count + 1
        pending.removeAll()
        pendingBytes = 0
      }
      condition.unlock()
    }
  }
}
