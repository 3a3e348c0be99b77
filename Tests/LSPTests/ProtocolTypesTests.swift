import Foundation
import Testing

@testable import LSP

/// Decodes `json` as `T`, re-encodes it and checks that nothing was lost or added.
@discardableResult
func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ json: String) throws -> T {
  let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))
  let expected = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
  #expect(try JSONValue(encoding: value) == expected)
  #expect(try expected.decode(T.self) == value)
  return value
}

@Suite struct ProtocolTypesTests {
  /// An initialize request as VS Code 1.9x sends it, trimmed to the parts a server reads.
  let vsCodeInitialize = #"""
    {"jsonrpc":"2.0","id":0,"method":"initialize","params":{
      "processId":4242,
      "clientInfo":{"name":"Visual Studio Code","version":"1.95.3"},
      "locale":"zh-cn",
      "rootPath":"/home/u/kpi",
      "rootUri":"file:///home/u/kpi",
      "capabilities":{
        "workspace":{"applyEdit":true,"workspaceEdit":{"documentChanges":true},"configuration":true,
          "didChangeWatchedFiles":{"dynamicRegistration":true,"relativePatternSupport":true},
          "diagnostics":{"refreshSupport":true}},
        "textDocument":{
          "synchronization":{"dynamicRegistration":true,"willSave":true,"didSave":true},
          "hover":{"dynamicRegistration":true,"contentFormat":["markdown","plaintext"]},
          "codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["","quickfix","source"]}}},
          "diagnostic":{"dynamicRegistration":true,"relatedDocumentSupport":false}},
        "window":{"workDoneProgress":true},
        "general":{"positionEncodings":["utf-16"],"markdown":{"parser":"marked","version":"1.1.0"}}},
      "initializationOptions":{"profile":"annual"},
      "trace":"off",
      "workspaceFolders":[{"uri":"file:///home/u/kpi","name":"kpi"}],
      "workDoneToken":"1d546990-40a3-4b77-b134-46622995f6ae"}}
    """#

  @Test func vsCodeInitializeRequest() throws {
    guard case .request(let request) = try Message.decode(Array(vsCodeInitialize.utf8)).get() else {
      Issue.record("not a request")
      return
    }
    #expect(request.id == 0 && request.method == InitializeParams.method)
    let params = try request.decodeParams(InitializeParams.self)
    #expect(params.processId == 4242)
    #expect(params.clientInfo == ClientInfo(name: "Visual Studio Code", version: "1.95.3"))
    #expect(params.locale == "zh-cn")
    #expect(params.rootUri == "file:///home/u/kpi")
    #expect(params.workspaceFolders == [WorkspaceFolder(uri: "file:///home/u/kpi", name: "kpi")])
    #expect(params.initializationOptions == ["profile": "annual"])
    #expect(params.positionEncodings == [.utf16])
    #expect(params.supportsPullDiagnostics)
    #expect(params.supportsDiagnosticRefresh)
    #expect(params.supportsConfigurationRequest)
    #expect(params.supportsDocumentChanges)
    #expect(params.supportsCodeActionLiterals)
    #expect(params.supportsMarkdownHover)
    #expect(params.supportsWatchedFilesRegistration)
  }

  @Test func minimalInitializeParams() throws {
    let params = try json(["processId": nil, "rootUri": nil]).decode(InitializeParams.self)
    #expect(params.processId == nil && params.capabilities == [:])
    #expect(params.positionEncodings == nil)
    #expect(!params.supportsPullDiagnostics)
    #expect(!params.supportsMarkdownHover)
  }

  @Test func initializeResultEncoding() throws {
    let result = InitializeResult(
      capabilities: ServerCapabilities(
        positionEncoding: .utf8,
        textDocumentSync: TextDocumentSyncOptions(openClose: true, change: .incremental, save: SaveOptions()),
        diagnosticProvider: DiagnosticOptions(identifier: "jixiao", interFileDependencies: false,
                                              workspaceDiagnostics: false),
        codeActionProvider: CodeActionOptions(codeActionKinds: [.quickFix, .sourceFixAll], resolveProvider: false),
        hoverProvider: true,
        completionProvider: CompletionOptions(triggerCharacters: ["："]),
        semanticTokensProvider: SemanticTokensOptions(legend: SemanticTokensLegend(tokenTypes: ["keyword"]))),
      serverInfo: ServerInfo(name: "jixiao", version: "0.1"))
    let text = try encodedText(result)
    #expect(text == #"""
      {"capabilities":{"codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll"],"resolveProvider":false},\#
      "completionProvider":{"triggerCharacters":["："]},"diagnosticProvider":{"identifier":"jixiao",\#
      "interFileDependencies":false,"workspaceDiagnostics":false},"hoverProvider":true,"positionEncoding":"utf-8",\#
      "semanticTokensProvider":{"full":true,"legend":{"tokenModifiers":[],"tokenTypes":["keyword"]}},\#
      "textDocumentSync":{"change":2,"openClose":true,"save":{}}},"serverInfo":{"name":"jixiao","version":"0.1"}}
      """#)
    #expect(try roundTrip(InitializeResult.self, text) == result)
  }

  @Test func publishDiagnosticsNotification() throws {
    let params = try roundTrip(PublishDiagnosticsParams.self, #"""
      {"uri":"file:///home/u/kpi/2024.jixiao","version":3,"diagnostics":[
        {"range":{"start":{"line":4,"character":2},"end":{"line":4,"character":9}},
         "severity":1,"code":"JX001","codeDescription":{"href":"https://example.com/rules/JX001"},
         "source":"jixiao","message":"权重合计应为 100%","tags":[1],
         "relatedInformation":[{"location":{"uri":"file:///home/u/kpi/2024.jixiao",
           "range":{"start":{"line":1,"character":0},"end":{"line":1,"character":4}}},"message":"合计行"}],
         "data":{"fix":"rebalance","weights":[30,70]}}]}
      """#)
    let diagnostic = try #require(params.diagnostics.first)
    #expect(diagnostic.severity == .error && diagnostic.code == "JX001" && diagnostic.tags == [.unnecessary])
    #expect(diagnostic.range.start == Position(line: 4, character: 2))
    #expect(diagnostic.data?["weights"]?[1] == 70)
    #expect(try json(["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                           "code": 42, "message": "m"]).decode(Diagnostic.self).code == "42")
  }

  @Test func textSynchronizationNotifications() throws {
    let open = try roundTrip(DidOpenTextDocumentParams.self, #"""
      {"textDocument":{"uri":"file:///a.jixiao","languageId":"jixiao","version":1,"text":"目标\n"}}
      """#)
    #expect(open.textDocument.text == "目标\n")
    let change = try roundTrip(DidChangeTextDocumentParams.self, #"""
      {"textDocument":{"uri":"file:///a.jixiao","version":2},"contentChanges":[
        {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":2}},"rangeLength":2,"text":"指标"},
        {"text":"full replacement"}]}
      """#)
    #expect(change.contentChanges[0].range?.end == Position(line: 0, character: 2))
    #expect(change.contentChanges[1].range == nil)
    try roundTrip(DidCloseTextDocumentParams.self, #"{"textDocument":{"uri":"file:///a.jixiao"}}"#)
    try roundTrip(DidSaveTextDocumentParams.self, #"{"textDocument":{"uri":"file:///a.jixiao"}}"#)
  }

  @Test func pullDiagnosticReports() throws {
    let params = try roundTrip(DocumentDiagnosticParams.self, #"""
      {"textDocument":{"uri":"file:///a.jixiao"},"identifier":"jixiao","previousResultId":"7"}
      """#)
    #expect(params.previousResultId == "7")
    #expect(try roundTrip(DocumentDiagnosticReport.self, #"{"kind":"unchanged","resultId":"7"}"#)
      == .unchanged(resultId: "7"))
    #expect(try roundTrip(DocumentDiagnosticReport.self, #"{"kind":"full","resultId":"8","items":[]}"#)
      == .full(resultId: "8", items: []))
    #expect(throws: DecodingError.self) { try json(["kind": "partial"]).decode(DocumentDiagnosticReport.self) }
    let workspace = try roundTrip(WorkspaceDiagnosticReport.self, #"""
      {"items":[{"kind":"full","resultId":"1","items":[],"uri":"file:///a.jixiao","version":null},
                {"kind":"unchanged","resultId":"2","uri":"file:///b.jixiao","version":4}]}
      """#)
    #expect(workspace.items[0].version == nil && workspace.items[1].report == .unchanged(resultId: "2"))
    try roundTrip(WorkspaceDiagnosticParams.self, #"{"previousResultIds":[{"uri":"file:///a.jixiao","value":"1"}]}"#)
  }

  @Test func codeActionRequestAndResult() throws {
    let params = try roundTrip(CodeActionParams.self, #"""
      {"textDocument":{"uri":"file:///a.jixiao"},
       "range":{"start":{"line":1,"character":0},"end":{"line":1,"character":0}},
       "context":{"diagnostics":[],"only":["quickfix"],"triggerKind":1}}
      """#)
    #expect(params.context.only == [.quickFix] && params.context.triggerKind == .invoked)
    let action = try roundTrip(CodeAction.self, #"""
      {"title":"补全权重","kind":"quickfix","isPreferred":true,"diagnostics":[],
       "edit":{"changes":{"file:///a.jixiao":[{"range":{"start":{"line":1,"character":0},
         "end":{"line":1,"character":0}},"newText":"30%"}]},
         "documentChanges":[{"textDocument":{"uri":"file:///a.jixiao","version":null},"edits":[]}]},
       "command":{"title":"t","command":"jixiao.recheck","arguments":[1,"x"]},"data":{"rule":"JX001"}}
      """#)
    #expect(action.edit?.documentChanges?.first?.textDocument.version == nil)
    #expect(CodeActionKind.sourceFixAll.isWithin(.source))
    #expect(CodeActionKind(rawValue: "source.fixAll.jixiao").isWithin(.sourceFixAll))
    #expect(!CodeActionKind(rawValue: "sourceX").isWithin(.source))
    #expect(CodeActionKind.quickFix.isWithin(.empty))
  }

  @Test func featureRequestsAndResults() throws {
    try roundTrip(HoverParams.self, #"{"textDocument":{"uri":"u"},"position":{"line":1,"character":2}}"#)
    try roundTrip(Hover.self, #"{"contents":{"kind":"markdown","value":"**权重**"}}"#)
    try roundTrip(DocumentSymbol.self, #"""
      {"name":"表 1","detail":"年度","kind":5,"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},
       "selectionRange":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},
       "children":[{"name":"指标","kind":8,"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":4}},
         "selectionRange":{"start":{"line":1,"character":0},"end":{"line":1,"character":4}}}]}
      """#)
    try roundTrip(FoldingRange.self, #"{"startLine":1,"endLine":5,"kind":"region","collapsedText":"…"}"#)
    let formatting = try roundTrip(DocumentFormattingParams.self, #"""
      {"textDocument":{"uri":"u"},"options":{"tabSize":4,"insertSpaces":true,"trimTrailingWhitespace":true}}
      """#)
    #expect(formatting.options.tabSize == 4)
    try roundTrip(CompletionParams.self, #"""
      {"textDocument":{"uri":"u"},"position":{"line":0,"character":1},
       "context":{"triggerKind":2,"triggerCharacter":"："}}
      """#)
    try roundTrip(CompletionList.self, #"""
      {"isIncomplete":false,"items":[{"label":"权重","kind":14,"insertTextFormat":2,"insertText":"权重：${1:0}%",
        "documentation":{"kind":"markdown","value":"x"},"data":7}]}
      """#)
    try roundTrip(InlayHintParams.self, #"""
      {"textDocument":{"uri":"u"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}}}
      """#)
    try roundTrip(InlayHint.self, #"""
      {"position":{"line":2,"character":5},"label":"= 100%","kind":1,"paddingLeft":true}
      """#)
    try roundTrip(SemanticTokensParams.self, #"{"textDocument":{"uri":"u"}}"#)
    let tokens = try roundTrip(SemanticTokens.self, #"{"data":[0,0,2,1,0,1,4,3,0,1]}"#)
    #expect(tokens.data.count == 10)
    #expect(throws: DecodingError.self) { try json(["data": [-1]]).decode(SemanticTokens.self) }
  }

  @Test func workspaceAndWindowMessages() throws {
    #expect(try roundTrip(CancelParams.self, #"{"id":"abc"}"#).id == "abc")
    #expect(try roundTrip(CancelParams.self, #"{"id":12}"#).id == 12)
    try roundTrip(LogMessageParams.self, #"{"type":4,"message":"loaded"}"#)
    try roundTrip(ShowMessageParams.self, #"{"type":1,"message":"配置错误"}"#)
    #expect(try roundTrip(DidChangeConfigurationParams.self, #"{"settings":{"jixiao":{"strict":true}}}"#)
      .settings["jixiao"]?["strict"] == true)
    #expect(try json([:]).decode(DidChangeConfigurationParams.self).settings == .null)
    #expect(try roundTrip(DidChangeWatchedFilesParams.self, #"{"changes":[{"uri":"file:///p.json","type":3}]}"#)
      .changes == [FileEvent(uri: "file:///p.json", type: .deleted)])
    try roundTrip(ConfigurationParams.self, #"{"items":[{"section":"jixiao","scopeUri":"file:///a"}]}"#)
    try roundTrip(ApplyWorkspaceEditParams.self, #"{"label":"fix","edit":{"changes":{}}}"#)
    try roundTrip(ApplyWorkspaceEditResult.self, #"{"applied":false,"failureReason":"stale"}"#)
    try roundTrip(ExecuteCommandParams.self, #"{"command":"jixiao.fixAll","arguments":[{"uri":"u"}]}"#)
    try roundTrip(RegistrationParams.self, #"""
      {"registrations":[{"id":"w","method":"workspace/didChangeWatchedFiles",
        "registerOptions":{"watchers":[{"globPattern":"**/*.jixiao"}]}}]}
      """#)
  }

  @Test func unknownFieldsAreIgnoredAndNilIsOmitted() throws {
    let position = try json(["line": 1, "character": 2, "extra": [1, 2]]).decode(Position.self)
    #expect(position == Position(line: 1, character: 2))
    let edit = WorkspaceEdit(changes: ["u": []])
    #expect(try encodedText(edit) == #"{"changes":{"u":[]}}"#)
    #expect(try encodedText(CompletionItem(label: "a")) == #"{"label":"a"}"#)
  }

  @Test func methodNames() {
    #expect(InitializeParams.method == "initialize")
    #expect(InitializedParams.method == "initialized")
    #expect(HoverParams.method == "textDocument/hover")
    #expect(PublishDiagnosticsParams.method == "textDocument/publishDiagnostics")
    #expect(DiagnosticRefreshRequest.method == "workspace/diagnostic/refresh")
    #expect(CancelParams.method == "$/cancelRequest")
    #expect(ShutdownRequest.method == "shutdown" && ExitNotification.method == "exit")
  }
}

/// Lets a literal be typed as `JSONValue` inline.
func json(_ value: JSONValue) -> JSONValue { value }

/// The value as the module writes JSON: compact, keys sorted.
func encodedText(_ value: some Encodable) throws -> String {
  String(decoding: try JSONValue(encoding: value).serialized(), as: UTF8.self)
}
