import FormLint
import FormModel
import FormSyntax
import LSP

extension Server {
  /// The outline: forms, each with its header and indicator table, and their rows.
  func documentSymbols(_ params: DocumentSymbolParams) throws -> [DocumentSymbol] {
    let document = try document(params.textDocument.uri)
    let mapping = document.mapping(session.unit)
    // A table of several projects is a form per project, as the rules check it: one symbol each, spanning its rows
    // (the first from the start of the node, the last to its end).
    let forms = document.forms().flatMap { form, base, _ in
      let projects = form.projectForms
      return projects.enumerated().map { index, project -> (Form, Int, Range<Int>) in
        guard projects.count > 1 else { return (project, base, base..<(base + form.node.length)) }
        func start(_ project: Int) -> Int {
          base + form.node.lines[form.node.rows[form.projects[project].rowIndex].lines.lowerBound].start
        }
        let lower = index == 0 ? base : start(index)
        let upper = index + 1 < projects.count ? start(index + 1) : base + form.node.length
        return (project, base, lower..<upper)
      }
    }
    return forms.map { form, base, extent in
      let node = form.node
      func rowsRange(_ rows: [Int]) -> Range<Int>? {
        guard let first = rows.min(), let last = rows.max() else { return nil }
        let lines = node.rows[first].lines.lowerBound..<node.rows[last].lines.upperBound
        return (base + node.lines[lines.lowerBound].start)..<(base + node.lines[lines.upperBound - 1].contentEnd)
      }
      func symbol(
        _ name: String, _ detail: String?, _ kind: SymbolKind, _ range: Range<Int>, children: [DocumentSymbol]? = nil
      )
        -> DocumentSymbol
      {
        let lspRange = mapping.range(range)
        return DocumentSymbol(
          name: name.isEmpty ? "—" : name, detail: detail, kind: kind, range: lspRange,
          selectionRange: LSPRange(start: lspRange.start, end: lspRange.start), children: children)
      }
      var children: [DocumentSymbol] = []
      // A project's fields are those in its rows (the shared ones above the projects are the first project's).
      func inExtent(_ row: Int) -> Bool { extent.contains(base + node.lines[node.rows[row].lines.lowerBound].start) }
      let header = form.header.filter { inExtent($0.rowIndex) }
      if let range = rowsRange(header.map(\.rowIndex)) {
        let fields = header.map { entry in
          symbol(
            TextClean.trimmed(entry.label.text), entry.value.map { Server.shortened(TextClean.trimmed($0.text)) },
            .field,
            rowsRange([entry.rowIndex])!)
        }
        children.append(
          symbol(LocalizedText(zh: "表头", en: "Header").text(document.language), nil, .object, range, children: fields))
      }
      if let range = rowsRange(form.indicators.map(\.rowIndex) + (form.indicatorHeaderRow.map { [$0] } ?? []).filter(inExtent)) {
        let rows = form.indicators.map { row in
          let name = row.name.map { TextClean.trimmed($0.text) } ?? ""
          let category = [row.level1.text, row.level2.text].map(TextClean.trimmed).filter { !$0.isEmpty }.joined(
            separator: "/")
          return symbol(
            name.isEmpty ? category : name, row.value.map { TextClean.trimmed($0.text) } ?? category, .property,
            rowsRange([row.rowIndex])!)
        }
        children.append(
          symbol(
            LocalizedText(zh: "绩效指标", en: "Indicators").text(document.language), nil, .array, range, children: rows))
      }
      let annex = form.annex.map { "附件\($0.number)" }
      let name = [annex, form.projectName].compactMap { $0 }.joined(separator: " ")
      return symbol(
        name.isEmpty ? (form.title?.text ?? (LocalizedText(zh: "表", en: "Form").text(document.language))) : name,
        form.title?.text, .module, extent, children: children)
    }
  }

  /// Folding: every form and every table.
  func foldingRanges(_ params: FoldingRangeParams) throws -> [FoldingRange] {
    let document = try document(params.textDocument.uri)
    let tree = document.tree
    var ranges: [FoldingRange] = []
    for (index, node) in tree.nodes.enumerated() {
      let firstLine = tree.nodeFirstLines[index]
      // A form's trailing blank lines stay visible.
      var last = node.lines.count - 1
      while last > 0 && node.isEmpty(line: last) { last -= 1 }
      if last > 0 { ranges.append(FoldingRange(startLine: firstLine, endLine: firstLine + last, kind: .region)) }
      for table in node.tables where table.lines.count > 1 {
        var end = table.lines.upperBound - 1
        while end > table.lines.lowerBound && node.isEmpty(line: end) { end -= 1 }
        if end > table.lines.lowerBound {
          ranges.append(
            FoldingRange(startLine: firstLine + table.lines.lowerBound, endLine: firstLine + end, kind: .region))
        }
      }
    }
    return ranges
  }

  /// Text cut to a length an outline shows.
  static func shortened(_ text: String, limit: Int = 40) -> String {
    let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    return line.count > limit ? String(line.prefix(limit)) + "…" : line
  }
}
