import Foundation

/// Mutable state guarded by a lock; `Synchronization.Mutex` would need macOS 15 and the package targets macOS 13.
final class Locked<State>: @unchecked Sendable {
  private var state: State
  private let lock = NSLock()

  init(_ state: State) { self.state = state }

  func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&state)
  }
}
