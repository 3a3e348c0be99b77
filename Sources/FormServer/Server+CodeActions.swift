import FormLint
import FormSyntax
import Foundation
import LSP

extension Server {
  /// What a lazily resolved code action does, kept in its `data`.
  struct ActionData: Codable {
    enum Action: String, Codable { case fix, ignore, fixAll }
    var action: Action
    var uri: DocumentURI
    var version: Int?
    var fix: FixPayload?
    var code: String?
    var annex: String?
  }

  func codeActions(_ params: CodeActionParams) throws -> JSONValue {
    let document = try document(params.textDocument.uri)
    func wanted(_ kind: CodeActionKind) -> Bool { params.context.only?.contains { kind.isWithin($0) } ?? true }
    var actions: [JSONValue] = []
    if wanted(.quickFix) {
      for diagnostic in diagnostics(for: params, in: document) {
        let payload = diagnostic.data.flatMap { try? $0.decode(FindingPayload.self) }
        for fix in payload?.fixes ?? [] {
          let data = ActionData(action: .fix, uri: document.uri, version: document.version, fix: fix)
          actions.append(try action(fix.title, kind: .quickFix, diagnostic: diagnostic, preferred: fix.isPreferred, data: data))
        }
        if let code = diagnostic.code, let annex = payload?.annex, document.path != nil {
          let title = document.language == .zh ? "在本表（附件\(annex)）忽略 \(code)" : "Ignore \(code) in this form (附件\(annex))"
          let data = ActionData(action: .ignore, uri: document.uri, version: document.version, code: code, annex: annex)
          actions.append(try action(title, kind: .quickFix, diagnostic: diagnostic, preferred: false, data: data))
        }
      }
    }
    if wanted(Server.fixAllKind) {
      let data = ActionData(action: .fixAll, uri: document.uri, version: document.version)
      // Offered only when it would change something; without resolve the edit is computed now anyway.
      if session.supportsCodeActionEditResolve {
        if document.findings.contains(where: { $0.fixes.contains(where: \.isSafe) }) {
          actions.append(try action(fixAllTitle(document), kind: Server.fixAllKind, diagnostic: nil, preferred: nil, data: data))
        }
      } else if case let edit = try resolveEdit(data), edit != .null {
        var resolved = try JSONValue(encoding: CodeAction(title: fixAllTitle(document), kind: Server.fixAllKind))
        resolved = resolved.setting("edit", edit)
        actions.append(resolved)
      }
    }
    return .array(actions)
  }

  func resolveCodeAction(_ params: CodeAction) throws -> JSONValue {
    guard let data = params.data, let decoded = try? data.decode(ActionData.self) else {
      throw ResponseError.invalidParams("codeAction/resolve: the action has no Jixiao data")
    }
    let edit = try resolveEdit(decoded)
    return try JSONValue(encoding: params).setting("edit", edit)
  }

  /// The diagnostics a request is about: those of the client that are still current (kept as sent, with their
  /// `data`), else the server's own that overlap the range. A client's diagnostic is current when one with the same
  /// code and range exists now; a stale one (its form edited since) would carry stale fix positions.
  private func diagnostics(for params: CodeActionParams, in document: Document) -> [LSPDiagnostic] {
    let ours = params.context.diagnostics.filter { $0.source == "jixiao" }
    let range = params.range
    let current = document.convertedFindings(session: session).filter { converted in
      (converted.range.start <= range.end && range.start <= converted.range.end)
        || ours.contains { $0.range == converted.range }
    }
    let matching = current.compactMap { converted in
      ours.first { $0.code == converted.finding.code && $0.range == converted.range }.map { client in
        client.data == nil ? document.lspDiagnostic(converted, session: session) : client
      }
    }
    if !matching.isEmpty { return matching }
    return current.filter { converted in
      converted.range.start <= range.end && range.start <= converted.range.end
    }.map { document.lspDiagnostic($0, session: session) }
  }

  private func action(
    _ title: String, kind: CodeActionKind, diagnostic: LSPDiagnostic?, preferred: Bool?, data: ActionData
  ) throws -> JSONValue {
    var action = CodeAction(
      title: title, kind: kind, diagnostics: diagnostic.map { [$0] }, isPreferred: preferred == true ? true : nil)
    if session.supportsCodeActionEditResolve {
      action.data = try JSONValue(encoding: data)
      return try JSONValue(encoding: action)
    }
    return try JSONValue(encoding: action).setting("edit", resolveEdit(data))
  }

  private func fixAllTitle(_ document: Document) -> String {
    document.language == .zh ? "Jixiao：应用全部安全修复" : "Jixiao: apply all safe fixes"
  }

  /// The workspace edit of an action, as JSON (file creation is not modelled by `WorkspaceEdit`).
  private func resolveEdit(_ data: ActionData) throws -> JSONValue {
    let document = try document(data.uri)
    switch data.action {
    case .fix:
      guard data.version == document.version else { throw ResponseError.contentModified }
      return try JSONValue(encoding: workspaceEdit(document, data.fix?.edits ?? []))
    case .fixAll:
      let edits = SafeFixes.edits(for: document, unit: session.unit)
      return edits.isEmpty ? .null : try JSONValue(encoding: workspaceEdit(document, edits))
    case .ignore:
      guard let code = data.code, let annex = data.annex else { throw ResponseError.invalidParams("ignore needs a code and a form") }
      return try ignoreEdit(document, code: code, annex: annex)
    }
  }

  /// Edits of an open document: versioned when the client supports it, so it can refuse stale ones.
  func workspaceEdit(_ document: Document, _ edits: [LSPTextEdit]) -> WorkspaceEdit {
    if session.params.supportsDocumentChanges {
      return WorkspaceEdit(documentChanges: [
        TextDocumentEdit(
          textDocument: OptionalVersionedTextDocumentIdentifier(uri: document.uri, version: document.version), edits: edits)
      ])
    }
    return WorkspaceEdit(changes: [document.uri: edits])
  }
}

extension JSONValue {
  /// The object with one member set (removed for `null`).
  func setting(_ key: String, _ value: JSONValue) -> JSONValue {
    guard case .object(var members) = self else { return self }
    members[key] = value == .null ? nil : value
    return .object(members)
  }
}
