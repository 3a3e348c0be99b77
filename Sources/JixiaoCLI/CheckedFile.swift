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
  /// The indices of the nodes checked as forms, as the linter decided (`Linter.checkableNodeIndices`); nil for a
  /// file made without the linter's answer (then `formNodeIndices` asks `Linter.isCheckable` per node).
  var checkedFormNodes: [Int]? = nil

  /// The indices (in `tree.nodes`, ascending) of the nodes that are forms for the checker.
  var formNodeIndices: [Int] { checkedFormNodes ?? tree.nodes.indices.filter { Linter.isCheckable(tree.nodes[$0]) } }

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
struct SeverityCounts: Sendable {
  var error = 0
  var warning = 0
  var information = 0
  var hint = 0

  init() {}

  init(_ files: [CheckedFile]) {
    for file in files { add(file.diagnostics) }
  }

  init(_ diagnostics: [Diagnostic]) { add(diagnostics) }

  mutating func add(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
      switch diagnostic.severity {
      case .error: error += 1
      case .warning: warning += 1
      case .information: information += 1
      case .hint: hint += 1
      }
    }
  }

  mutating func add(_ other: SeverityCounts) {
    error += other.error
    warning += other.warning
    information += other.information
    hint += other.hint
  }

  var total: Int { error + warning + information + hint }
}
