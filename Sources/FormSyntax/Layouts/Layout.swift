/// How a form's table is written in the text: the front end that reads it and writes fixes back.
///
/// Only FormSyntax (and the commands that convert between layouts) look at a form's layout; the model, the rules
/// and the server see the layout-neutral view (`FormNode.rows`, `cells`, `content(ofCell:)`, the writers in
/// `FormNode+Writing.swift`). See ARCHITECTURE.md and Grammar/.
public enum Layout: String, Sendable, CaseIterable, Codable {
  /// Word's plain-text export (Tika): a TAB-led line per cell, an empty line after each row.
  case notation
  /// A table copied from Word, WPS or Excel: one row per line, cells separated by TAB, Excel quoting.
  case tsv
  /// GitHub-flavoured Markdown: pipe tables, headings and paragraphs as free lines.
  case markdown
}

/// How the parser chooses each form's layout.
public enum LayoutPolicy: Sendable, Equatable, Hashable {
  /// Detected per form from its content; `fallback` where the content does not tell (no table at all).
  case detect(fallback: Layout)
  /// Every form in this layout.
  case pinned(Layout)

  /// Detection with the notation as fallback: what a file without a telling name gets.
  public static let automatic = LayoutPolicy.detect(fallback: .notation)

  /// The policy for a file: pinned when configured, else detected, with Markdown as fallback for `.md` files.
  public static func forFile(named path: String, pinned: Layout? = nil) -> LayoutPolicy {
    if let pinned { return .pinned(pinned) }
    let lower = path.lowercased()
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .detect(fallback: .markdown) }
    return .automatic
  }

  /// Whether the document is Markdown (a `.md` file, or Markdown pinned): then code blocks are read as GFM reads
  /// them. Fenced code (```` ``` ```` or `~~~`) holds no form start, no table row and no layout evidence, and a line
  /// indented by four columns starts no form. Elsewhere (a `.txt` or `.tsv` read by detection) a fence is text, so a
  /// stray ```` ``` ```` in an export cannot hide the forms after it.
  public var readsCodeBlocks: Bool {
    switch self {
    case .detect(let fallback): return fallback == .markdown
    case .pinned(let layout): return layout == .markdown
    }
  }

  /// Whether Markdown lines (headings, pipe rows) may occur: then a heading's text is read without its `#`
  /// marks and a pipe-led line never starts a form.
  var allowsMarkdown: Bool {
    switch self {
    case .detect: return true
    case .pinned(let layout): return layout == .markdown
    }
  }
}
