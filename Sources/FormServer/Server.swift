import Dispatch
import FormLint
import Foundation
import LSP

/// Tunable behaviour of a server.
public struct ServerOptions: Sendable {
  /// How long to wait after an edit before linting and publishing, so a burst of keystrokes is linted once.
  /// Zero publishes right after each change (tests use it).
  /// Always within 0…`maximumDebounceMilliseconds`, however it is set.
  public var debounceMilliseconds: Int {
    didSet { debounceMilliseconds = ServerOptions.clampedDebounce(debounceMilliseconds) }
  }
  /// The version reported in `serverInfo`.
  public var version: String
  /// Whether log lines are copied to stderr as well as sent as `window/logMessage`.
  public var logsToStandardError: Bool
  /// Whether each publish logs how long linting, conversion and sending took (`JIXIAO_LSP_TIMING=1`).
  public var logsTiming = false
  /// The folder of generated rule pages diagnostics link to (`codeDescription`) unless the editor settings name a
  /// `docsURL`; by default the pages shipped beside the binary, nil when there are none (then no link is sent).
  public var ruleDocumentationFolder: String? = RuleDocumentation.shippedFolder()

  /// The longest debounce honoured, 5 s: a longer one (a client once sent 2^63 - 1) would stop diagnostics.
  public static let maximumDebounceMilliseconds = 5_000

  /// A debounce clamped to 0…`maximumDebounceMilliseconds`.
  public static func clampedDebounce(_ milliseconds: Int) -> Int { min(max(milliseconds, 0), maximumDebounceMilliseconds) }

  /// Creates options.
  public init(debounceMilliseconds: Int = 50, version: String = "dev", logsToStandardError: Bool = true) {
    self.debounceMilliseconds = ServerOptions.clampedDebounce(debounceMilliseconds)
    self.version = version
    self.logsToStandardError = logsToStandardError
  }
}

/// The Jixiao language server: receives messages from a `Connection` and answers them.
///
/// Every message is handled on one serial queue, in arrival order, so the state below needs no locks: it is
/// only touched on `queue`. Only cancellation bookkeeping and the exit status are shared with other threads,
/// behind their own locks.
public final class Server: @unchecked Sendable {
  /// Where the server is in the LSP lifecycle.
  enum Lifecycle {
    case uninitialized, running, shuttingDown, exited
  }

  let connection: any Connection
  let queue = DispatchQueue(label: "jixiao.lsp.server")
  var options: ServerOptions

  // Guarded by `queue`.
  var lifecycle = Lifecycle.uninitialized
  var session = Session()
  var documents: [DocumentURI: Document] = [:]
  var configurations = ConfigurationStore()
  /// Increases with every edit and configuration change, in every document: the source of result ids.
  var revisionCounter = 0
  /// Increases when configuration is reloaded; part of the result ids of files read from disk.
  var configurationGeneration = 0
  var nextOutgoingRequestID = 0
  /// Per document, the version a debounced publish is waiting for.
  var scheduledPublish: [DocumentURI: Int] = [:]
  /// Requests answered later that report progress, by their progress token (for `window/workDoneProgress/cancel`).
  var workDoneTokens: [JSONValue: RequestID] = [:]

  private let cancellation = CancellationTracker()
  /// Received events not yet handled, bounded (see `start()`).
  static let maximumPendingEvents = 16
  private let pendingEvents = DispatchSemaphore(value: Server.maximumPendingEvents)
  private let exit = ExitState()

  /// Creates a server on a connection; call `start()` to begin serving.
  public init(connection: any Connection, options: ServerOptions = ServerOptions()) {
    self.connection = connection
    self.options = options
  }

  /// Starts receiving messages.
  public func start() {
    connection.start(
      receive: { [self] event in
        // Bookkeeping happens on the receiving thread, so a `$/cancelRequest` is seen even while the request
        // it cancels still waits in the queue behind other work.
        if case .message(let message) = event {
          switch message {
          case .request(let request): cancellation.begin(request.id)
          case .notification(let notification) where notification.method == CancelParams.method:
            if let id = notification.params?["id"].flatMap(RequestID.init) { cancellation.cancel(id) }
          default: break
          }
        }
        // At most `maximumPendingEvents` wait for the queue: beyond that the reader stops reading, and the client
        // that floods (or stops reading our answers) is held back by its own pipe, not by our memory.
        pendingEvents.wait()
        queue.async {
          self.handle(event)
          self.pendingEvents.signal()
        }
      },
      onClose: { [self] in queue.async { self.finish(code: self.lifecycle == .shuttingDown ? 0 : 1) } })
  }

  /// Blocks until `exit` arrives or the input ends; returns the process exit code: 0 after `shutdown`, else 1.
  public func waitForExit() -> Int32 { exit.wait() }

  /// The exit code if the server has exited, without waiting.
  public var exitCode: Int32? { exit.code }

  /// Stops serving with an exit code.
  func finish(code: Int32) {
    guard lifecycle != .exited else { return }
    lifecycle = .exited
    connection.close()
    exit.signal(code)
  }

  // MARK: - Routing

  private func handle(_ event: ConnectionEvent) {
    guard lifecycle != .exited else { return }
    switch event {
    case .message(.request(let request)):
      handleRequest(request)
    case .message(.notification(let notification)):
      handleNotification(notification)
    case .message(.response(let response)):
      handleResponse(response)
    case .invalidMessage(let error):
      log(.error, "Invalid message: \(error.error.message)")
      if let response = error.response { connection.send(.response(response)) }
    case .framingError(let error):
      log(.error, "Framing error: \(error)")
      switch error {
      case .bodyTooLarge(_, _, let id?):
        connection.reply(to: id, error: .invalidRequest("\(error)"))
      case .bodyTooLarge(_, _, nil), .contentLengthTooLarge:
        // A message too large to read, whose id could not be read: the spec's answer is -32700 with id null.
        connection.reply(to: nil, error: .parseError("\(error)"))
      default:
        break
      }
    }
  }

  private func handleRequest(_ request: RequestMessage) {
    var answersLater = false
    defer { if !answersLater { cancellation.end(request.id) } }
    if cancellation.isCancelled(request.id) {
      connection.reply(to: request.id, error: .requestCancelled)
      return
    }
    switch lifecycle {
    case .uninitialized where request.method != InitializeParams.method:
      connection.reply(to: request.id, error: .serverNotInitialized)
      return
    case .shuttingDown:
      connection.reply(to: request.id, error: .invalidRequest("The server is shutting down; only exit is accepted"))
      return
    default:
      break
    }
    do {
      guard let result = try dispatch(request) else {
        answersLater = true  // The handler replies, then calls `endDeferred`.
        return
      }
      // Work may notice cancellation late; the client then wants -32800 rather than a result.
      if cancellation.isCancelled(request.id) {
        connection.reply(to: request.id, error: .requestCancelled)
      } else {
        connection.reply(to: request.id, serializedResult: result)
      }
    } catch let error as ResponseError {
      connection.reply(to: request.id, error: error)
    } catch {
      log(.error, "\(request.method) failed: \(error)")
      connection.reply(to: request.id, error: .internalError("\(request.method) failed: \(error)"))
    }
  }

  private func handleNotification(_ notification: NotificationMessage) {
    if notification.method == ExitNotification.method {
      finish(code: lifecycle == .shuttingDown ? 0 : 1)
      return
    }
    // Before initialize notifications are dropped; after shutdown only exit matters.
    guard lifecycle == .running else { return }
    do {
      try dispatch(notification)
    } catch {
      log(.error, "\(notification.method) failed: \(error)")
    }
  }

  private func handleResponse(_ response: ResponseMessage) {
    // Answers to our own requests (registration, refresh, applyEdit) carry nothing we act on; errors are logged.
    if case .failure(let error) = response.result {
      log(.warning, "The client answered request \(response.id?.description ?? "null") with \(error)")
    }
  }

  /// Whether the client cancelled a request; long loops check it between items.
  func isCancelled(_ id: RequestID) -> Bool { cancellation.isCancelled(id) }

  /// Ends the bookkeeping of a request whose handler answered later (see `dispatch`).
  func endDeferred(_ id: RequestID) {
    cancellation.end(id)
    workDoneTokens = workDoneTokens.filter { $0.value != id }
  }

  /// Cancels the request whose progress the client reported under `token` (`window/workDoneProgress/cancel`).
  func cancelWork(token: JSONValue) {
    if let id = workDoneTokens[token] { cancellation.cancel(id) }
  }

  /// Decodes the params of a request, runs `body` and encodes its result.
  func answer<Params: Decodable, Result: Encodable>(
    _ request: RequestMessage, _ type: Params.Type, _ body: (Params) throws -> Result
  ) throws -> JSONValue {
    let params = try request.decodeParams(type)
    return try JSONValue(encoding: body(params))
  }

  /// Decodes the params of a notification and runs `body`.
  func accept<Params: Decodable>(_ notification: NotificationMessage, _ type: Params.Type, _ body: (Params) throws -> Void)
    throws
  {
    try body(try notification.decodeParams(type))
  }

  /// Sends a request to the client; its answer is only logged when it is an error.
  func sendRequest<Params: LSPRequest>(_ params: Params) {
    nextOutgoingRequestID += 1
    do {
      try connection.send(request: params, id: .string("jixiao-\(nextOutgoingRequestID)"))
    } catch {
      log(.error, "Could not send \(Params.method): \(error)")
    }
  }

  /// Sends a notification to the client.
  func sendNotification<Params: LSPNotification>(_ params: Params) {
    do {
      try connection.send(notification: params)
    } catch {
      log(.error, "Could not send \(Params.method): \(error)")
    }
  }

  /// Logs to the client (`window/logMessage`) and to stderr, never to stdout, which carries the protocol.
  func log(_ type: MessageType, _ message: String) {
    if options.logsToStandardError {
      // Never blocks and never traps: a closed or full stderr drops log lines, not the server.
      StandardErrorLog.shared.write("jixiao lsp: \(message)")
    }
    guard lifecycle != .exited else { return }
    try? connection.send(notification: LogMessageParams(type: type, message: message))
  }

  /// A new revision number, unique across documents and configurations.
  func nextRevision() -> Int {
    revisionCounter += 1
    return revisionCounter
  }
}

/// Which requests are in flight and which of them the client cancelled; shared by the reading thread and the queue.
private final class CancellationTracker: @unchecked Sendable {
  private var pending: Set<RequestID> = []
  private var cancelled: Set<RequestID> = []
  private let lock = NSLock()

  func begin(_ id: RequestID) { lock.withLock { _ = pending.insert(id) } }

  /// Marks a request cancelled if it is still pending; cancelling a finished request does nothing.
  func cancel(_ id: RequestID) { lock.withLock { if pending.contains(id) { cancelled.insert(id) } } }

  func isCancelled(_ id: RequestID) -> Bool { lock.withLock { cancelled.contains(id) } }

  func end(_ id: RequestID) {
    lock.withLock {
      pending.remove(id)
      cancelled.remove(id)
    }
  }
}

/// The exit code, set once, and a way to wait for it.
private final class ExitState: @unchecked Sendable {
  private var value: Int32?
  private let lock = NSLock()
  private let semaphore = DispatchSemaphore(value: 0)

  var code: Int32? { lock.withLock { value } }

  func signal(_ code: Int32) {
    let first = lock.withLock { () -> Bool in
      guard value == nil else { return false }
      value = code
      return true
    }
    if first { semaphore.signal() }
  }

  func wait() -> Int32 {
    semaphore.wait()
    semaphore.signal()  // Later waiters return at once.
    return code ?? 1
  }
}
