/// Reads header fields in every arrangement of research/templates.md §3: label | value pairs (one, two or three
/// per row), funds rows whose block label is merged down (`资金情况 | 年度资金总额： | 854`), five- and seven-cell
/// funds rows, and labels written as column headings with their values in the row below (`中期目标 | 年度目标`
/// over the goal texts). Labels are known from the template data (`TemplateCatalog`).
struct HeaderReader {
  /// Rows of the header part of a form, in order, with their index in the node.
  let rows: [(rowIndex: Int, cells: [CellText])]

  /// The header entries, in order.
  func entries() -> [HeaderEntry] {
    var entries: [HeaderEntry] = []
    var consumed = Set<Int>()
    // Each cell's label role, asked once: a row's roles are read for the row itself and for the heading row above it.
    var known: [[TemplateCatalog.LabelRole?]?] = Array(repeating: nil, count: rows.count)
    func labelRoles(at position: Int) -> [TemplateCatalog.LabelRole?] {
      if let found = known[position] { return found }
      let found = rows[position].cells.map { $0.isBlank ? nil : TemplateCatalog.role(ofLabel: $0.text) }
      known[position] = found
      return found
    }
    for position in rows.indices where !consumed.contains(position) {
      let (rowIndex, cells) = rows[position]
      let roles = labelRoles(at: position)
      let filled = cells.indices.filter { !cells[$0].isBlank }
      let next = position + 1 < rows.count ? rows[position + 1].cells : nil
      // A block label merged down over the value row (`总` of a vertical 总体目标 split across rows, mojibake) may be
      // unknown: the row below leaves its column empty.
      let blockFragment =
        filled.count >= 2 && filled[0] == 0 && roles[0] == nil && (next.map { $0.first?.isBlank ?? false } ?? false)
      let allLabels = !filled.isEmpty && filled.allSatisfy { roles[$0] != nil || (blockFragment && $0 == 0) }
      let hasField = filled.contains { if case .field = roles[$0] { return true } else { return false } }
      if allLabels && hasField && filled.count >= 1 {
        // A heading row: values are in the row below, column by column, when that row holds no labels under the
        // headings (a block label such as 总体目标 may sit in the value row, under an empty heading cell).
        let nextHasLabels =
          next.map { row in
            let nextRoles = labelRoles(at: position + 1)
            return row.indices.contains { column in !row[column].isBlank && filled.contains(column) && nextRoles[column] != nil }
          } ?? true
        if let next, !nextHasLabels {
          consumed.insert(position + 1)
          let anyValue = filled.contains { $0 < next.count && !next[$0].isBlank }
          for column in filled {
            guard case .field(let field) = roles[column] else { continue }
            let value = column < next.count ? next[column] : nil
            // A block label over an empty cell (`总体目标` above `| 中期 | 年度`) is no field of its own.
            if anyValue && (value?.isBlank ?? true) && filled.count > 1 { continue }
            entries.append(HeaderEntry(label: cells[column], field: field, value: value, rowIndex: rowIndex))
          }
          continue
        }
        if next == nil || filled.count == 1 {
          // A label with no value anywhere: an empty field.
          for column in filled {
            guard case .field(let field) = roles[column] else { continue }
            let value = column + 1 < cells.count ? cells[column + 1] : nil
            entries.append(HeaderEntry(label: cells[column], field: field, value: value, rowIndex: rowIndex))
          }
          continue
        }
      }
      entries += pairs(cells, roles: roles, rowIndex: rowIndex)
    }
    return entries
  }

  /// `label | value` pairs along a row; a block label or an empty merged cell before a pair is skipped, and a
  /// label followed directly by another label has no value.
  private func pairs(_ cells: [CellText], roles: [TemplateCatalog.LabelRole?], rowIndex: Int) -> [HeaderEntry] {
    var entries: [HeaderEntry] = []
    var index = 0
    while index < cells.count {
      let label = cells[index]
      let role = roles[index]
      if label.isBlank || role == .block {
        index += 1
        continue
      }
      var field: HeaderField?
      if case .field(let found) = role { field = found }
      let nextIsLabel = index + 1 < cells.count && roles[index + 1] != nil
      if nextIsLabel {
        entries.append(HeaderEntry(label: label, field: field, value: nil, rowIndex: rowIndex))
        index += 1
        continue
      }
      entries.append(
        HeaderEntry(label: label, field: field, value: index + 1 < cells.count ? cells[index + 1] : nil, rowIndex: rowIndex))
      index += 2
    }
    return entries
  }
}
