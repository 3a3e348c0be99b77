import FormLint
import FormModel
import FormSyntax
import LSP

/// Applies safe fixes to a document the way `jixiao check --fix` does (pass after pass until nothing changes),
/// and expresses the result as edits of the current text.
enum SafeFixes {
  /// The CLI's limit on passes.
  static let maximumPasses = 10

  /// The edits that apply every safe fix of the findings `include` accepts.
  ///
  /// When one pass suffices (the usual case) the edits are exactly the fixes' own; when later passes change more,
  /// the result is one edit spanning everything that changed, since later fixes are positioned in a text the
  /// client has not seen.
  static func edits(
    for document: Document, unit: ColumnUnit, include: (Finding) -> Bool = { _ in true },
    keep: (FixEdit, [UInt8]) -> Bool = { _, _ in true }
  ) -> [LSPTextEdit] {
    let original = document.tree.printedBytes
    let mapping = document.mapping(unit)
    var findings = document.findings
    var text = original
    var firstPass: [FixEdit]?
    for _ in 0..<maximumPasses {
      let candidates = FixApplication.edits(of: findings.filter(include), includeUnsafe: false).filter { keep($0, text) }
      guard !candidates.isEmpty else { break }
      let (fixed, applied) = FixApplication.apply(candidates, to: text)
      guard !applied.isEmpty, fixed != text else { break }
      if firstPass == nil { firstPass = applied } else { firstPass = [] }
      text = fixed
      let tree = SyntaxTree(parsing: text, layout: document.tree.layoutPolicy)
      findings = Linter(configuration: document.resolved.configuration).lint(tree)
    }
    guard let firstPass else { return [] }
    if !firstPass.isEmpty {
      return firstPass.map { LSPTextEdit(range: mapping.range($0.range), newText: $0.newText) }
    }
    let (range, replacement) = changedSpan(from: original, to: text)
    return [LSPTextEdit(range: mapping.range(range), newText: String(decoding: replacement, as: UTF8.self))]
  }

  /// The smallest byte range of `old` (on scalar boundaries) whose replacement gives `new`.
  static func changedSpan(from old: [UInt8], to new: [UInt8]) -> (range: Range<Int>, replacement: ArraySlice<UInt8>) {
    var prefix = 0
    while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
    // Never split a multi-byte character: back up to the start of the scalar.
    while prefix > 0 && prefix < old.count && old[prefix] & 0xC0 == 0x80 { prefix -= 1 }
    var suffix = 0
    while suffix < old.count - prefix && suffix < new.count - prefix
      && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    while suffix > 0 && old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
    return (prefix..<(old.count - suffix), new[prefix..<(new.count - suffix)])
  }

  /// Whether an edit changes only whitespace, the promise of formatting.
  static func isWhitespaceOnly(_ edit: FixEdit, in text: [UInt8]) -> Bool {
    let range = edit.range.clamped(to: 0..<text.count)
    let old = String(decoding: text[range], as: UTF8.self)
    return TextClean.squeezed(old) == TextClean.squeezed(edit.newText)
  }
}
