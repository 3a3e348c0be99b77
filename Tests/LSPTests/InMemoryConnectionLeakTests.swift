import Dispatch
import Foundation
import Testing

@testable import LSP

/// Regression (found by the rpc fuzz target, Tests/Fuzz/RPCFuzz.swift: LeakSanitizer reported every in-process
/// Server as leaked): a receiver that holds its own connection — as `Server` does — formed a cycle through the
/// mailbox's stored `receive` closure and was never freed, even after the connection closed.
@Suite struct InMemoryConnectionLeakTests {
  final class Receiver: @unchecked Sendable {
    let connection: InMemoryConnection
    let done = DispatchSemaphore(value: 0)
    init(_ connection: InMemoryConnection) { self.connection = connection }
    func start() {
      // onClose holds only the semaphore: the receiver's one strong reference left in the mailbox is `receive`.
      connection.start(receive: { [self] _ in _ = self.connection }, onClose: { [done] in done.signal() })
    }
  }

  @Test func closingFreesAReceiverThatHoldsItsConnection() {
    weak var weakReceiver: Receiver?
    let client: InMemoryConnection
    do {
      let (clientEnd, serverEnd) = InMemoryConnection.makePair()
      client = clientEnd
      let receiver = Receiver(serverEnd)
      weakReceiver = receiver
      receiver.start()
      client.send(.notification(NotificationMessage(method: "a")))
      serverEnd.close()
      #expect(receiver.done.wait(timeout: .now() + 5) == .success)
    }
    // onClose runs on the mailbox's serial queue after every delivery queued before it, so by the time it has
    // signalled, those deliveries (and the stored `receive`, dropped by close) no longer hold the receiver.
    #expect(weakReceiver == nil)
    _ = client
  }

  @Test func startAfterCloseStillDeliversAndClosesOnce() {
    let (client, server) = InMemoryConnection.makePair()
    client.send(.notification(NotificationMessage(method: "early")))
    server.close()
    let received = Locked(0)
    let closed = DispatchSemaphore(value: 0)
    server.start(receive: { _ in received.withLock { $0 += 1 } }, onClose: { closed.signal() })
    server.start(receive: { _ in received.withLock { $0 += 100 } }, onClose: { closed.signal() })
    #expect(closed.wait(timeout: .now() + 5) == .success)
    #expect(closed.wait(timeout: .now() + 0.2) == .timedOut)
    #expect(received.withLock { $0 } == 1)
  }
}
