import Dispatch

/// A file's part of a report written a chunk of diagnostics at a time, for a file checked alone, whose report is
/// large (20 MB of JSON for 10 MB of forms): a window of chunks is rendered at once on every core, into buffers
/// reused from one window to the next, and the window is written in order. The part is never held whole: no buffer
/// grown by doubling (copies, and page faults on every new buffer), and the rendering is not left to one core.
enum ChunkedPart {
  /// Diagnostics per chunk (≈ 48 KB of JSON), and chunks per window (two per core).
  static let diagnosticsPerChunk = 128
  static let chunksPerWindow = 2 * FileChecker.cores

  /// Writes `head`, what `render` writes for the diagnostics `0..<count` (it is handed ascending ranges, and must
  /// write for a range what it would write for those diagnostics among all of them), then `tail`.
  static func write(
    count: Int, head: [UInt8], tail: [UInt8], diagnosticsPerChunk chunk: Int = diagnosticsPerChunk,
    chunksPerWindow: Int = chunksPerWindow, render: @escaping @Sendable (Range<Int>, inout [UInt8]) -> Void,
    write: ([UInt8]) -> Void
  ) {
    write(head)
    let chunks = (count + chunk - 1) / chunk
    let buffers = Buffers(count: min(chunks, chunksPerWindow))
    var done = 0
    while done < chunks {
      let window = min(chunksPerWindow, chunks - done)
      let first = done
      DispatchQueue.concurrentPerform(iterations: window) { slot in
        let lower = (first + slot) * chunk
        buffers.fill(slot) { render(lower..<min(count, lower + chunk), &$0) }
      }
      for slot in 0..<window { buffers.withBytes(slot, write) }
      done += window
    }
    write(tail)
  }

  /// One reusable byte buffer per chunk of a window, each filled by the one worker rendering that chunk (so no
  /// lock) and read once `concurrentPerform` has returned.
  private final class Buffers: @unchecked Sendable {
    private let buffers: UnsafeMutableBufferPointer<[UInt8]>

    init(count: Int) {
      buffers = .allocate(capacity: count)
      buffers.initialize(repeating: [])
    }

    deinit {
      buffers.deinitialize()
      buffers.deallocate()
    }

    func fill(_ slot: Int, _ body: (inout [UInt8]) -> Void) {
      buffers[slot].removeAll(keepingCapacity: true)
      body(&buffers[slot])
    }

    func withBytes(_ slot: Int, _ body: ([UInt8]) -> Void) { body(buffers[slot]) }
  }
}
