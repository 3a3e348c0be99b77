import FormLint
import FormModel
import FormSyntax
import LSP

extension Server {
  /// Completion of indicator categories in 一级/二级 cells and of header labels in header label cells.
  func completion(_ params: CompletionParams) throws -> CompletionList? {
    let document = try document(params.textDocument.uri)
    let mapping = document.mapping(session.unit)
    let offset = mapping.offset(params.position)
    guard let location = document.locate(offset), let lineIndex = location.lineIndex, let cellIndex = location.cellIndex
    else { return nil }
    // The item replaces the cell's text on the cursor's line (an edit must stay on one line).
    let line = location.node.lines[lineIndex]
    let content = location.node.cells[cellIndex].content
    let lower = max(content.lowerBound, line.contentStart)
    let onLine = lower..<max(lower, min(content.upperBound, line.contentEnd))
    let replaced = mapping.range(location.absolute(onLine))
    func items(_ labels: [String], kind: CompletionItemKind, detail: String) -> CompletionList {
      CompletionList(
        items: labels.enumerated().map { index, label in
          CompletionItem(
            label: label, kind: kind, detail: detail, sortText: String(format: "%03d", index),
            textEdit: LSPTextEdit(range: replaced, newText: label))
        })
    }
    let profile = location.form.profile
    if let (row, level) = location.categoryCell ?? implicitCategoryCell(location) {
      if level == 1 {
        return items(
          profile.level1Names.map { $0 + "指标" }, kind: .enumMember,
          detail: LocalizedText(zh: "一级指标", en: "level-1 category").text(document.language))
      }
      let parent = row?.level1.canonical
      let names = profile.categories.first { $0.level1 == parent }?.level2 ?? profile.level2Names
      return items(
        names.map { $0 + "指标" }, kind: .enumMember,
        detail: LocalizedText(zh: "二级指标", en: "level-2 category").text(document.language))
    }
    if location.headerLabel != nil || isHeaderLabelPosition(location) {
      return items(
        HeaderField.allCases.map(\.rawValue), kind: .field,
        detail: LocalizedText(zh: "表头栏目", en: "header label").text(document.language))
    }
    return nil
  }

  /// A cell being typed in the indicator table that the model does not place yet: the row's first or second cell.
  private func implicitCategoryCell(_ location: FormLocation) -> (row: IndicatorRow?, level: Int)? {
    guard let cellIndex = location.cellIndex, let headerRow = location.form.indicatorHeaderRow,
      let rowIndex = location.node.rows.firstIndex(where: { $0.cells.contains(cellIndex) }), rowIndex > headerRow,
      !location.form.reviewRows.contains(rowIndex)
    else { return nil }
    let position = cellIndex - location.node.rows[rowIndex].cells.lowerBound
    guard position < 2 else { return nil }
    let above = location.form.indicators.last { $0.rowIndex < rowIndex }
    return (above, position + 1)
  }

  /// The first cell of a row above the indicator table, where header labels go.
  private func isHeaderLabelPosition(_ location: FormLocation) -> Bool {
    guard let cellIndex = location.cellIndex,
      let rowIndex = location.node.rows.firstIndex(where: { $0.cells.contains(cellIndex) })
    else { return false }
    let beforeIndicators = location.form.indicatorHeaderRow.map { rowIndex < $0 } ?? true
    return beforeIndicators && location.node.rows[rowIndex].cells.lowerBound == cellIndex
  }
}
