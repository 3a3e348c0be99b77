import Dispatch

/// One end of an in-process connection, for testing a server without pipes.
///
/// Messages go through the real encoder and decoder, so tests see exactly what a client on the wire would see.
/// Each end delivers on its own serial queue, asynchronously and in send order. Closing either end closes both:
/// events already sent are still delivered, then each end's `onClose` runs; later sends are dropped.
public final class InMemoryConnection: Connection {
  private let inbox: Mailbox
  private let outbox: Mailbox

  private init(inbox: Mailbox, outbox: Mailbox) {
    self.inbox = inbox
    self.outbox = outbox
  }

  /// Creates two connected ends; what one sends, the other receives.
  public static func makePair() -> (client: InMemoryConnection, server: InMemoryConnection) {
    let toClient = Mailbox(label: "lsp.in-memory.client")
    let toServer = Mailbox(label: "lsp.in-memory.server")
    let client = InMemoryConnection(inbox: toClient, outbox: toServer)
    return (client, InMemoryConnection(inbox: toServer, outbox: toClient))
  }

  /// Starts delivery; events sent before this call are delivered first, in order.
  public func start(receive: @escaping @Sendable (ConnectionEvent) -> Void, onClose: @escaping @Sendable () -> Void) {
    inbox.start(receive: receive, onClose: onClose)
  }

  /// Encodes and decodes the message as the wire would, then queues it for the other end.
  public func send(_ message: Message) {
    let event: ConnectionEvent
    switch Message.decode(message.encodedBody()) {
    case .success(let decoded): event = .message(decoded)
    case .failure(let error): event = .invalidMessage(error)
    }
    outbox.post(event)
  }

  /// Sends raw body bytes as they would arrive after framing, for testing how malformed input is handled.
  public func send(body: [UInt8]) {
    switch Message.decode(body) {
    case .success(let decoded): outbox.post(.message(decoded))
    case .failure(let error): outbox.post(.invalidMessage(error))
    }
  }

  /// Closes both ends.
  public func close() {
    inbox.close()
    outbox.close()
  }
}

/// The receiving side of one direction: buffers until started, then forwards to a serial queue.
private final class Mailbox: Sendable {
  private struct State {
    var receive: (@Sendable (ConnectionEvent) -> Void)?
    var onClose: (@Sendable () -> Void)?
    var pending: [ConnectionEvent] = []
    var isClosed = false
    var isStarted = false
  }

  private let queue: DispatchQueue
  private let state = Locked(State())

  init(label: String) {
    queue = DispatchQueue(label: label)
  }

  // Enqueueing happens under the lock so concurrent posts cannot overtake each other between check and enqueue.

  func post(_ event: ConnectionEvent) {
    state.withLock { state in
      guard !state.isClosed else { return }
      if let receive = state.receive {
        queue.async { receive(event) }
      } else {
        state.pending.append(event)
      }
    }
  }

  func start(receive: @escaping @Sendable (ConnectionEvent) -> Void, onClose: @escaping @Sendable () -> Void) {
    state.withLock { state in
      guard !state.isStarted else { return }
      state.isStarted = true
      for event in state.pending { queue.async { receive(event) } }
      state.pending = []
      if state.isClosed {
        queue.async(execute: onClose)
      } else {
        state.receive = receive
        state.onClose = onClose
      }
    }
  }

  func close() {
    state.withLock { state in
      guard !state.isClosed else { return }
      state.isClosed = true
      if let onClose = state.onClose { queue.async(execute: onClose) }
      // Events already queued hold their own reference to `receive`. Dropping ours breaks the cycle
      // receiver → connection → mailbox → receive → receiver, so a closed server can be freed.
      state.receive = nil
      state.onClose = nil
    }
  }
}
