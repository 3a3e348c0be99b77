import FormServer
import Foundation
import LSP
import Testing

@Suite struct LifecycleTests {
  @Test func requestBeforeInitializeIsRejected() {
    let client = TestClient()
    let result = client.request(HoverParams.method, ["textDocument": ["uri": "file:///a.txt"], "position": ["line": 0, "character": 0]])
    #expect(result.errorCode == ErrorCode.serverNotInitialized.rawValue)
    // The server still accepts initialize afterwards.
    #expect(throws: Never.self) { try client.initialize() }
  }

  @Test func capabilitiesAndDefaultEncoding() throws {
    let client = TestClient()
    let result = try client.initialize()
    let capabilities = result.capabilities
    #expect(capabilities.positionEncoding == .utf16)
    #expect(capabilities.textDocumentSync?.change == .incremental)
    #expect(capabilities.diagnosticProvider == nil)  // a push client
    #expect(capabilities.codeActionProvider?.codeActionKinds?.contains(CodeActionKind(rawValue: "source.fixAll.jixiao")) == true)
    #expect(capabilities.hoverProvider == true)
    #expect(result.serverInfo?.name == "jixiao")
  }

  @Test(arguments: [
    (["utf-16", "utf-8"], "utf-8"), (["utf-32", "utf-16"], "utf-32"), (["utf-16"], "utf-16"), ([], "utf-16"),
  ])
  func positionEncodingNegotiation(offered: [String], chosen: String) throws {
    let client = TestClient()
    let capabilities: JSONValue = ["general": ["positionEncodings": .array(offered.map { .string($0) })]]
    let result = try client.initialize(capabilities: capabilities)
    #expect(result.capabilities.positionEncoding?.rawValue == chosen)
  }

  @Test func workspaceFolderChangesAreAccepted() throws {
    let client = TestClient()
    let result = try client.request(InitializeParams.method, ["capabilities": [:]]).get()
    #expect(result["capabilities"]?["workspace"]?["workspaceFolders"]?["changeNotifications"] == true)
    try client.notify(InitializedParams())
    try client.notify(DidChangeWorkspaceFoldersParams(
      event: WorkspaceFoldersChangeEvent(added: [WorkspaceFolder(uri: "file:///tmp/jixiao-folder", name: "f")])))
    #expect(client.request("jixiao/nonsense").errorCode == ErrorCode.methodNotFound.rawValue)
  }

  @Test func pullClientGetsDiagnosticProvider() throws {
    let client = TestClient()
    let result = try client.initialize(capabilities: ["textDocument": ["diagnostic": [:]]])
    #expect(result.capabilities.diagnosticProvider?.workspaceDiagnostics == true)
  }

  @Test func unknownMethodAndBadParams() throws {
    let client = TestClient()
    try client.initialize()
    #expect(client.request("jixiao/nonsense", [:]).errorCode == ErrorCode.methodNotFound.rawValue)
    #expect(client.request(DocumentDiagnosticParams.method, ["textDocument": 5]).errorCode == ErrorCode.invalidParams.rawValue)
    // Unknown notifications are ignored and the server keeps answering.
    client.notify("jixiao/whatever", [:])
    client.notify("$/setTrace", ["value": "off"])
    #expect(client.request("jixiao/nonsense").errorCode == ErrorCode.methodNotFound.rawValue)
  }

  @Test func malformedBodiesAreAnsweredAndServerLivesOn() throws {
    let client = TestClient()
    try client.initialize()
    client.connection.send(body: Array("{not json".utf8))
    #expect(client.nullIDError()?.code == .parseError)
    client.connection.send(body: Array(#"{"jsonrpc":"2.0","id":7,"params":3,"method":"x"}"#.utf8))
    #expect(client.response(to: 7).errorCode == ErrorCode.invalidRequest.rawValue)
    #expect(client.request("jixiao/nonsense").errorCode == ErrorCode.methodNotFound.rawValue)
  }

  @Test func shutdownThenRequestIsInvalidAndExitCodeIsZero() throws {
    let client = TestClient()
    try client.initialize()
    #expect(client.request(ShutdownRequest.method).isSuccess)
    #expect(client.request("textDocument/hover", [:]).errorCode == ErrorCode.invalidRequest.rawValue)
    client.notify(ExitNotification.method)
    #expect(client.server.waitForExit() == 0)
  }

  @Test func exitWithoutShutdownIsOne() throws {
    let client = TestClient()
    try client.initialize()
    client.notify(ExitNotification.method)
    #expect(client.server.waitForExit() == 1)
  }

  @Test func secondInitializeIsInvalid() throws {
    let client = TestClient()
    try client.initialize()
    #expect(client.request(InitializeParams.method, ["capabilities": [:]]).errorCode == ErrorCode.invalidRequest.rawValue)
  }
}

extension Result where Success == JSONValue, Failure == ResponseError {
  /// The error code, nil on success.
  var errorCode: Int? {
    if case .failure(let error) = self { return error.code.rawValue }
    return nil
  }

  var isSuccess: Bool { errorCode == nil }
}
