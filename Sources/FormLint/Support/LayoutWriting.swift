import FormSyntax

// Fix text goes through the layout's writer once, when the linter collects a rule's findings: rules write what a
// cell should read, the node writes it in its layout (escapes, quotes). Rules never see the layout.

extension FixEdit {
  /// The edit written in `node`'s layout (node-relative ranges).
  func written(in node: FormNode) -> FixEdit {
    guard !isLayoutText else { return self }
    var copy = self
    (copy.range, copy.newText) = node.writing(range, newText)
    copy.isLayoutText = true
    return copy
  }
}

extension Diagnostic {

  /// The same finding with its fixes' text written in `node`'s layout (`FixEdit.written(in:)`).
  func written(in node: FormNode) -> Diagnostic {
    guard !fixes.isEmpty else { return self }
    var copy = self
    copy.fixes = fixes.map { fix in
      var written = fix
      written.edits = fix.edits.map { $0.written(in: node) }
      return written
    }
    return copy
  }
}
