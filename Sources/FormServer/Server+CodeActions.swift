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
      for (diagnostic, converted) in diagnostics(for: params, in: document) {
        let fixes = converted.fixes ?? deferredFixes(converted, in: document)
        for fix in fixes {
          let data = ActionData(action: .fix, uri: document.uri, version: document.version, fix: fix)
          actions.append(try action(fix.title, kind: .quickFix, diagnostic: diagnostic, preferred: fix.isPreferred, data: data))
        }
        if let annex = converted.annex, document.path != nil {
          let code = converted.finding.code
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

  /// The findings a request is about, each with the diagnostic to name in the action: the client's diagnostics that
  /// are still current (echoed as sent), else the server's own that overlap the range. A client's diagnostic is
  /// current when one with the same code and range exists now; its fixes then come from the server's cache, which
  /// holds the same payload as the diagnostic's `data` (plus fixes too large to carry there).
  private func diagnostics(for params: CodeActionParams, in document: Document) -> [(LSPDiagnostic, ConvertedFinding)] {
    let ours = params.context.diagnostics.filter { $0.source == "jixiao" }
    let range = params.range
    func overlaps(_ converted: ConvertedFinding) -> Bool {
      converted.range.start <= range.end && range.start <= converted.range.end
    }
    let current = document.convertedFindings(session: session).filter { converted in
      overlaps(converted) || ours.contains { $0.range == converted.range }
    }
    let matching = current.compactMap { converted in
      ours.first { $0.code == converted.finding.code && $0.range == converted.range }.map { ($0, converted) }
    }
    if !matching.isEmpty { return matching }
    return current.filter(overlaps).map { (document.lspDiagnostic($0, session: session), $0) }
  }

  /// The fixes of a finding whose fixes were too large to carry, converted now from the current findings.
  private func deferredFixes(_ converted: ConvertedFinding, in document: Document) -> [FixPayload] {
    let mapping = document.mapping(session.unit)
    guard let finding = document.findings.first(where: {
      $0.code == converted.finding.code && mapping.range($0.range) == converted.range
    }) else { return [] }
    return DiagnosticConversionCache.convertFixes(finding, mapping: mapping, language: document.language)
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
