import FormLint
import FormModel
import FormSyntax
import LSP

extension Server {
  /// Tokens for labels, amounts, percentages, years and placeholders, encoded relative as the spec asks.
  func semanticTokens(_ params: SemanticTokensParams) throws -> SemanticTokens? {
    let document = try document(params.textDocument.uri)
    var spans: [(range: Range<Int>, kind: SemanticTokenKind)] = []
    for (form, base, _) in document.forms() {
      for (range, kind) in Server.tokenSpans(form) {
        spans.append(((base + range.lowerBound)..<(base + range.upperBound), kind))
      }
    }
    spans.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    let mapping = document.mapping(session.unit)
    var data: [UInt32] = []
    var previous = Position(line: 0, character: 0)
    var covered = 0
    for span in spans where span.range.lowerBound >= covered && !span.range.isEmpty {
      covered = span.range.upperBound
      // Tokens may not span lines: split at each line break.
      let start = mapping.position(span.range.lowerBound)
      let end = mapping.position(span.range.upperBound)
      for line in start.line...end.line {
        let from = line == start.line ? start.character : 0
        let to = line == end.line ? end.character : lineLength(document.tree, line, mapping)
        guard to > from else { continue }
        let deltaLine = line - previous.line
        let deltaStart = deltaLine == 0 ? from - previous.character : from
        data += [UInt32(deltaLine), UInt32(deltaStart), UInt32(to - from), UInt32(span.kind.rawValue), 0]
        previous = Position(line: line, character: from)
      }
    }
    return SemanticTokens(data: data)
  }

  private func lineLength(_ tree: SyntaxTree, _ line: Int, _ mapping: PositionMapping) -> Int {
    guard let content = tree.lineContent(line) else { return 0 }
    return mapping.position(content.range.upperBound).character
  }

  /// The token spans of one form, node-relative, unsorted.
  static func tokenSpans(_ form: Form) -> [(Range<Int>, SemanticTokenKind)] {
    let unit: MoneyUnit = form.unit == .yuan ? .yuan : .wanYuan
    var spans: [(Range<Int>, SemanticTokenKind)] = []
    func add(_ cell: CellText?, _ kind: SemanticTokenKind) {
      if let cell, !cell.isBlank { spans.append((cell.trimmedRange, kind)) }
    }
    func scanValues(_ cell: CellText?) {
      guard let cell, !cell.isBlank else { return }
      func shifted(_ range: Range<Int>) -> Range<Int> { cell.nodeRange(range) }
      if IndicatorRow.isNotApplicable(cell.text) {
        spans.append((cell.trimmedRange, .placeholder))
        return
      }
      spans += AmountScanner.amounts(in: cell.text, tableUnit: unit).map { (shifted($0.range), .amount) }
      spans += Percentage.scan(in: cell.text).map { (shifted($0.range), .percentage) }
      spans += YearMention.scan(in: cell.text).map { (shifted($0.range), .year) }
      spans += placeholders(in: cell.text).map { (shifted($0), .placeholder) }
    }
    for entry in form.header {
      add(entry.label, .label)
      scanValues(entry.value)
    }
    if let headerRow = form.indicatorHeaderRow {
      for index in form.node.rows[headerRow].cells {
        let content = form.node.content(ofCell: form.node.cells[index])
        let inner = TextClean.trimmedRange(content.text)
        if !inner.isEmpty { spans.append((content.map.nodeRange(inner), .label)) }
      }
    }
    for row in form.indicators {
      add(row.level1Cell, .label)
      add(row.level2Cell, .label)
      for cell in [row.name, row.value, row.standard] { scanValues(cell) }
    }
    return spans
  }

  /// Template notes left in a cell: full-width parentheses around 填报/填写 (`（分级填报）`).
  static func placeholders(in text: String) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var offset = 0
    var open: (offset: Int, text: String)?
    for scalar in text.unicodeScalars {
      if scalar == "（" { open = (offset, "") }
      open?.text.unicodeScalars.append(scalar)
      offset += UTF8.width(scalar)
      if scalar == "）", let (start, inside) = open {
        if inside.contains("填报") || inside.contains("填写") { result.append(start..<offset) }
        open = nil
      }
    }
    return result
  }
}
