import FormLint
import FormModel
import FormSyntax
import OfficeFormats

/// A file after checking: its text, tree and findings (absolute UTF-8 ranges).
struct CheckedFile {
  let source: SourceFile
  let tree: SyntaxTree
  let diagnostics: [Diagnostic]
  /// The configuration it was checked with (the defaults for files made in tests).
  var configuration = LintConfiguration()
  /// For a .docx/.xlsx: the map from the checked notation back to tables, rows and cells.
  var office: RenderedNotation? = nil
  /// Where the linter stopped reporting (`Linter.maximumFindings` reached), as an absolute offset.
  var truncatedAt: Int? = nil
  /// The typed forms the linter read, index as in `tree.nodes`, when the checker kept them (`FileChecker.keepsForms`).
  var forms: [Form?] = []

  /// The typed form of a node: the one the linter read, else read again.
  func form(atNode index: Int) -> Form {
    (index < forms.count ? forms[index] : nil) ?? Form(node: tree.nodes[index], options: configuration.model)
  }

  var path: String { source.path }

  /// 1-based line and Unicode-scalar column of an offset, as the CLI reports them.
  func location(of offset: Int) -> (line: Int, column: Int) {
    let position = tree.position(of: offset, in: .scalar)
    return (position.line + 1, position.column + 1)
  }
}

/// Counts of findings by severity.
struct SeverityCounts {
  var error = 0
  var warning = 0
  var information = 0
  var hint = 0

  init(_ files: [CheckedFile]) {
    for diagnostic in files.flatMap(\.diagnostics) {
      switch diagnostic.severity {
      case .error: error += 1
      case .warning: warning += 1
      case .information: information += 1
      case .hint: hint += 1
      }
    }
  }

  var total: Int { error + warning + information + hint }
}
