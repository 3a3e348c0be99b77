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
    /// The finding's key (its diagnostic's `data`) and which of its fixes.
    var key: String?
    var fix: Int?
    var code: String?
    var annex: String?
  }

  func codeActions(_ params: CodeActionParams) throws -> JSONValue {
    let document = try document(params.textDocument.uri)
    func wanted(_ kind: CodeActionKind) -> Bool { params.context.only?.contains { kind.isWithin($0) } ?? true }
    var actions: [JSONValue] = []
    if wanted(.quickFix) {
      for (diagnostic, found) in try findings(for: params, in: document) {
        for (index, fix) in found.finding.fixes.enumerated() {
          let data = ActionData(action: .fix, uri: document.uri, version: document.version, key: found.key, fix: index)
          actions.append(
            try action(fix.title.text(document.language), kind: .quickFix, diagnostic: diagnostic, preferred: fix.isPreferred, data: data))
        }
        if let annex = DiagnosticConversionCache.annex(of: found.node), document.path != nil {
          let code = found.finding.code
          let title = LocalizedText(zh: "在本表（附件\(annex)）忽略 \(code)", en: "Ignore \(code) in this form (附件\(annex))")
            .text(document.language)
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

  func resolveCodeAction(_ params: CodeActionResolveRequest) throws -> JSONValue {
    guard let data = params.action.data, let decoded = try? data.decode(ActionData.self) else {
      throw ResponseError.invalidParams("codeAction/resolve: the action has no Jixiao data")
    }
    let edit = try resolveEdit(decoded)
    return try JSONValue(encoding: params.action).setting("edit", edit)
  }

  /// The findings a request is about, each with the diagnostic to name in the action: the client's diagnostics that
  /// are still current (found by the key in their `data`, or by code and range; echoed as sent), else the server's
  /// own that overlap the range.
  private func findings(for params: CodeActionParams, in document: Document) throws -> [(LSPDiagnostic, LocatedFinding)] {
    let overlapping = document.locate(overlapping: params.range, session: session)
    let matching = params.context.diagnostics.compactMap { diagnostic -> (LSPDiagnostic, LocatedFinding)? in
      func current(_ found: LocatedFinding) -> Bool {
        found.finding.code == diagnostic.code && found.converted.range == diagnostic.range
      }
      if let key = diagnostic.data?.stringValue, let found = document.locate(key: key, session: session), current(found) {
        return (diagnostic, found)
      }
      return overlapping.first(where: current).map { (diagnostic, $0) }
    }
    if !matching.isEmpty { return matching }
    return try overlapping.map { (try JSONValue(parsing: $0.diagnostic.bytes).decode(LSPDiagnostic.self), $0) }
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
    LocalizedText(zh: "Jixiao：应用全部安全修复", en: "Jixiao: apply all safe fixes").text(document.language)
  }

  /// The workspace edit of an action, as JSON (file creation is not modelled by `WorkspaceEdit`).
  private func resolveEdit(_ data: ActionData) throws -> JSONValue {
    let document = try document(data.uri)
    switch data.action {
    case .fix:
      // The fix is converted now, from the current text: it holds as long as its finding does.
      guard let key = data.key, let index = data.fix, let found = document.locate(key: key, session: session),
        found.finding.fixes.indices.contains(index)
      else { throw ResponseError.contentModified }
      let edits = DiagnosticConversionCache.convertFixes(found.finding, mapping: document.mapping(session.unit))[index]
      return try JSONValue(encoding: workspaceEdit(document, edits))
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
