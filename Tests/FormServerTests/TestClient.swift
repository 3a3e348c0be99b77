import Dispatch
import FormServer
import FormTestSupport
import Foundation
import LSP
import Testing

/// A minimal LSP client driving a `Server` over an in-memory connection, for in-process tests.
final class TestClient: @unchecked Sendable {
  let connection: InMemoryConnection
  let server: Server
  private var received: [Message] = []
  private let lock = NSLock()
  private let arrived = DispatchSemaphore(value: 0)
  private var nextID = 0

  /// Starts a server (no debounce, no stderr noise) and connects to it.
  init(options: ServerOptions = ServerOptions(debounceMilliseconds: 0, logsToStandardError: false)) {
    let (client, serverEnd) = InMemoryConnection.makePair()
    connection = client
    server = Server(connection: serverEnd, options: options)
    server.start()
    client.start(
      receive: { [self] event in
        if case .message(let message) = event {
          lock.withLock { received.append(message) }
          arrived.signal()
        }
      }, onClose: {})
  }

  /// Sends a raw request and waits for its response.
  func request(_ method: String, _ params: JSONValue? = nil, id: RequestID? = nil) -> Result<JSONValue, ResponseError> {
    let id = id ?? nextRequestID()
    connection.send(.request(RequestMessage(id: id, method: method, params: params)))
    return response(to: id)
  }

  /// Sends a typed request and decodes its result; fails the test on an error response.
  func send<Params: LSPRequest>(_ params: Params) throws -> Params.Response {
    let result = request(Params.method, try JSONValue(encoding: params))
    switch result {
    case .success(let value): return try value.decode(Params.Response.self)
    case .failure(let error): throw error
    }
  }

  /// Sends a typed notification.
  func notify<Params: LSPNotification>(_ params: Params) throws {
    try connection.send(notification: params)
  }

  /// Sends a raw notification.
  func notify(_ method: String, _ params: JSONValue? = nil) {
    connection.send(.notification(NotificationMessage(method: method, params: params)))
  }

  func nextRequestID() -> RequestID {
    lock.withLock {
      nextID += 1
      return .int(nextID)
    }
  }

  /// Waits for the response with `id`.
  func response(to id: RequestID) -> Result<JSONValue, ResponseError> {
    let message = wait { message in
      if case .response(let response) = message, response.id == id { return true }
      return false
    }
    guard case .response(let response)? = message else {
      return .failure(ResponseError(code: .unknownErrorCode, message: "timed out waiting for response \(id)"))
    }
    return response.result
  }

  /// Waits for an error response whose id is null (answers to unparsable messages).
  func nullIDError() -> ResponseError? {
    let message = wait { message in
      if case .response(let response) = message, response.id == nil { return true }
      return false
    }
    guard case .response(let response)? = message, case .failure(let error) = response.result else { return nil }
    return error
  }

  /// Waits for (and consumes) the next notification with `method` that satisfies `predicate`.
  func notification(_ method: String, where predicate: (JSONValue?) -> Bool = { _ in true }) -> JSONValue? {
    let message = wait { message in
      if case .notification(let notification) = message, notification.method == method {
        return predicate(notification.params)
      }
      return false
    }
    guard case .notification(let notification)? = message else { return nil }
    return notification.params
  }

  /// Waits for (and consumes) the next request the server sends with `method`.
  func request(from method: String) -> RequestMessage? {
    let message = wait { message in
      if case .request(let request) = message, request.method == method { return true }
      return false
    }
    guard case .request(let request)? = message else { return nil }
    return request
  }

  /// Waits for the diagnostics of `uri` published for `version`.
  func publishedDiagnostics(uri: DocumentURI, version: Int) throws -> [Diagnostic] {
    let params = notification(PublishDiagnosticsParams.method) {
      $0?["uri"]?.stringValue == uri && $0?["version"]?.intValue == version
    }
    let decoded = try #require(params).decode(PublishDiagnosticsParams.self)
    return decoded.diagnostics
  }

  /// Every message received so far that was not consumed.
  var pending: [Message] { lock.withLock { received } }

  /// How long a wait for a message lasts before it counts as never coming. Generous: a debug build on a loaded
  /// 2-core machine (the whole suite in parallel) checks 40 files in well over 10 s; a wait ends as soon as the
  /// message is there, so only a failing test waits this long.
  static let patience: TimeInterval = 60

  private func wait(timeout: TimeInterval = TestClient.patience, _ matches: (Message) -> Bool) -> Message? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let found = lock.withLock { () -> Message? in
        guard let index = received.firstIndex(where: matches) else { return nil }
        return received.remove(at: index)
      }
      if let found { return found }
      if arrived.wait(timeout: .now() + max(0, deadline.timeIntervalSinceNow)) == .timedOut { return nil }
    }
  }

  /// `initialize` then `initialized`, with the given client capabilities.
  @discardableResult
  func initialize(
    capabilities: JSONValue = defaultCapabilities, locale: String? = nil, initializationOptions: JSONValue? = nil,
    workspaceFolders: [WorkspaceFolder]? = nil
  ) throws -> InitializeResult {
    let result = try send(
      InitializeParams(
        processId: nil, locale: locale, initializationOptions: initializationOptions, capabilities: capabilities,
        workspaceFolders: workspaceFolders))
    try notify(InitializedParams())
    return result
  }

  /// Opens a document and returns the diagnostics pushed for it.
  @discardableResult
  func open(_ uri: DocumentURI, _ text: String, version: Int = 1) throws -> [Diagnostic] {
    try notify(DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: uri, languageId: "", version: version, text: text)))
    return try publishedDiagnostics(uri: uri, version: version)
  }

  /// Capabilities of a push client that wants related information.
  /// What VS Code declares for diagnostics (related information and rule-page links shown).
  static let defaultCapabilities: JSONValue = [
    "textDocument": ["publishDiagnostics": ["relatedInformation": true, "codeDescriptionSupport": true]]
  ]
}

/// The seed corpus and positions in it.
enum Seed {
  static let text = Fixtures.seedText
  /// The seed with form 5-1's cost value a single cap (`≤20万元` instead of `100%`), so that its JX301 offers the
  /// fix that sets the cost value to the budget (no fix edits the budget itself).
  static let cappedText = Fixtures.seedText.replacingOccurrences(
    of: "\t普法考试和开展普法宣传和法治教育基地建设\n\t100%\n", with: "\t普法考试和开展普法宣传和法治教育基地建设\n\t≤20万元\n")
  static let uri = "file:///tmp/jixiao-tests/linwu.txt"

  /// The UTF-16 column where `needle` starts on a 0-based line.
  static func column(of needle: String, line: Int, in text: String = text) -> Int? {
    let lines = text.components(separatedBy: "\n")
    guard let range = lines[line].range(of: needle) else { return nil }
    return lines[line][..<range.lowerBound].utf16.count
  }
}
