import FormLint
import FormSyntax
import Foundation
import LSP

/// What `initialize` settled: the client's capabilities as the server uses them, and the workspace.
struct Session {
  /// The negotiated position encoding.
  var encoding = PositionEncodingKind.utf16
  /// The client's `initialize` params.
  var params = InitializeParams()
  /// Workspace folders as file paths.
  var workspaceFolders: [String] = []
  /// Where rule pages are, for diagnostics' `codeDescription`; nil sends none.
  var documentation: RuleDocumentation?

  /// The column unit of `encoding`.
  var unit: ColumnUnit { encoding.columnUnit }

  /// Whether diagnostics are pulled by the client (then the server never pushes them, like ruff).
  var usesPullDiagnostics: Bool { params.supportsPullDiagnostics }

  /// Whether the client wants related information on diagnostics (ruff gates it the same way).
  var supportsRelatedInformation: Bool {
    let textDocument = params.capabilities["textDocument"]
    return textDocument?["publishDiagnostics"]?["relatedInformation"]?.boolValue == true
      || textDocument?["diagnostic"]?["relatedInformation"]?.boolValue == true
  }

  /// Whether the client shows a diagnostic's `codeDescription` (LSP 3.16 `codeDescriptionSupport`, on publish, or on
  /// pull as 3.18 adds it): only then is the rule-page link sent, a third of a diagnostic's bytes.
  var supportsCodeDescription: Bool {
    let textDocument = params.capabilities["textDocument"]
    return textDocument?["publishDiagnostics"]?["codeDescriptionSupport"]?.boolValue == true
      || textDocument?["diagnostic"]?["codeDescriptionSupport"]?.boolValue == true
  }

  /// Whether the client resolves code actions lazily, asking for the `edit` in `codeAction/resolve`.
  var supportsCodeActionEditResolve: Bool {
    let properties = params.capabilities["textDocument"]?["codeAction"]?["resolveSupport"]?["properties"]?.arrayValue
    return properties?.contains(.string("edit")) ?? false
  }

  /// Whether workspace edits may create files.
  var supportsCreateFile: Bool {
    let operations = params.capabilities["workspace"]?["workspaceEdit"]?["resourceOperations"]?.arrayValue
    return params.supportsDocumentChanges && (operations?.contains(.string("create")) ?? false)
  }

  /// The language of messages when configuration does not set one: from the client's locale, Chinese by default.
  var language: Language { Language(locale: params.locale) }

  /// The file path of a `file:` URI, percent-decoded; nil for other schemes (untitled buffers).
  static func path(of uri: DocumentURI) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.standardizedFileURL.path
  }

  /// The `file:` URI of a path.
  static func uri(ofPath path: String) -> DocumentURI { URL(fileURLWithPath: path).absoluteString }
}
