import Dispatch
import Foundation
import LSP
import Testing

@testable import FormServer

@Suite struct ConfigurationAndSchedulingTests {
  @Test func initializationOptionsSetLanguageAndRules() throws {
    let client = TestClient()
    try client.initialize(initializationOptions: ["language": "en", "rules": ["JX301": "warning"]])
    let diagnostics = try client.open(Seed.uri, Seed.text)
    let budget = try #require(diagnostics.first { $0.code == "JX301" })
    #expect(budget.severity == .warning)
    #expect(budget.message.hasPrefix("The amounts"))
  }

  @Test func didChangeConfigurationRepublishes() throws {
    let client = TestClient()
    try client.initialize()
    try client.open(Seed.uri, Seed.text)
    try client.notify(DidChangeConfigurationParams(settings: ["jixiao": ["rules": ["JX301": "off"]]]))
    let after = try client.publishedDiagnostics(uri: Seed.uri, version: 1)
    #expect(!after.contains { $0.code == "JX301" })
    #expect(!after.isEmpty)
  }

  @Test func cancelledPendingRequestAnswersRequestCancelled() throws {
    let client = TestClient()
    try client.initialize()
    try client.open(Seed.uri, Seed.text)
    // Hold the server's queue so the request is still pending when the cancellation arrives.
    let gate = DispatchSemaphore(value: 0)
    client.server.queue.async { gate.wait() }
    let id = client.nextRequestID()
    let hover: JSONValue = ["textDocument": ["uri": .string(Seed.uri)], "position": ["line": 9, "character": 2]]
    client.connection.send(.request(RequestMessage(id: id, method: HoverParams.method, params: hover)))
    try client.notify(CancelParams(id: id))
    // Wait until the receiving thread has seen the cancellation (it marks requests as they arrive, while the
    // queue is held): a condition, not a guess at how long delivery takes.
    let deadline = Date().addingTimeInterval(10)
    while !client.server.isCancelled(id) && Date() < deadline { usleep(1000) }
    #expect(client.server.isCancelled(id))
    gate.signal()
    #expect(client.response(to: id).errorCode == ErrorCode.requestCancelled.rawValue)
    // A later request is served normally.
    #expect(client.request(HoverParams.method, hover).isSuccess)
  }

  @Test func debouncedPublishDropsStaleVersions() throws {
    let client = TestClient(options: ServerOptions(debounceMilliseconds: 100, logsToStandardError: false))
    try client.initialize()
    try client.open(Seed.uri, Seed.text)
    for version in 2...5 {
      let change = TextDocumentContentChangeEvent(
        range: LSPRange(start: Position(line: 1, character: 0), end: Position(line: 1, character: 0)), text: "x")
      try client.notify(DidChangeTextDocumentParams(
        textDocument: VersionedTextDocumentIdentifier(uri: Seed.uri, version: version), contentChanges: [change]))
    }
    _ = try client.publishedDiagnostics(uri: Seed.uri, version: 5)
    let stale = client.pending.filter { message in
      if case .notification(let notification) = message, notification.method == PublishDiagnosticsParams.method {
        return notification.params?["version"]?.intValue != 5
      }
      return false
    }
    #expect(stale.isEmpty)
  }

  @Test func closingClearsPushedDiagnostics() throws {
    let client = TestClient()
    try client.initialize()
    try client.open(Seed.uri, Seed.text)
    try client.notify(DidCloseTextDocumentParams(textDocument: TextDocumentIdentifier(uri: Seed.uri)))
    let cleared = client.notification(PublishDiagnosticsParams.method) { $0?["uri"]?.stringValue == Seed.uri }
    #expect(cleared?["diagnostics"] == [])
  }
}
