import FormLint
import FormModel
import FormSyntax
import Foundation

/// Where an offset falls in a document: its form node, the typed form, and the cell under it.
struct FormLocation {
  let node: FormNode
  /// Absolute offset of the node's first byte.
  let base: Int
  /// The offset relative to the node.
  let local: Int
  let form: Form
  /// The index (in `node.cells`) of the cell holding the offset, if any.
  let cellIndex: Int?
  /// The node's line holding the offset.
  let lineIndex: Int?

  /// The located cell's text, if the offset is in a cell.
  var cell: LocatedCell? {
    guard let cellIndex else { return nil }
    let range = node.contentRange(ofCell: node.cells[cellIndex])
    return LocatedCell(cellIndex: cellIndex, range: range, text: node.text(range))
  }

  /// A node-relative range made absolute.
  func absolute(_ range: Range<Int>) -> Range<Int> { (base + range.lowerBound)..<(base + range.upperBound) }

  /// The indicator row whose own 一级 or 二级 cell is the located cell, and which of the two it is.
  var categoryCell: (row: IndicatorRow, level: Int)? {
    guard let cellIndex else { return nil }
    for row in form.indicators {
      if row.level1Cell?.cellIndex == cellIndex { return (row, 1) }
      if row.level2Cell?.cellIndex == cellIndex { return (row, 2) }
    }
    return nil
  }

  /// The header entry whose label is the located cell.
  var headerLabel: HeaderEntry? {
    guard let cellIndex else { return nil }
    return form.header.first { $0.label.cellIndex == cellIndex }
  }
}

extension Document {
  /// Locates an absolute offset; builds the typed form of one node only.
  func locate(_ offset: Int) -> FormLocation? {
    guard !tree.nodes.isEmpty else { return nil }
    let index = tree.nodeIndex(containing: offset)
    let node = tree.nodes[index]
    let base = tree.nodeStarts[index]
    let local = offset - base
    let lineIndex = node.lineIndex(containing: local)
    let cellIndex = lineIndex.flatMap { line in
      node.cells.firstIndex { $0.lineIndices.contains(line) && node.lines[line].kind != .blank }
    }
    return FormLocation(node: node, base: base, local: local, form: form(of: node), cellIndex: cellIndex, lineIndex: lineIndex)
  }

  /// The typed forms of the nodes worth reading (forms, and a preamble holding tables), with their node's offset.
  func forms(in nodeIndices: Range<Int>? = nil) -> [(form: Form, base: Int, firstLine: Int)] {
    let indices = nodeIndices ?? tree.nodes.indices
    return indices.compactMap { index in
      let node = tree.nodes[index]
      guard Linter.isCheckable(node) else { return nil }
      return (form(of: node), tree.nodeStarts[index], tree.nodeFirstLines[index])
    }
  }
}

/// A cell's text and place (node-relative), like FormModel's `CellText`, whose initializer is internal.
struct LocatedCell {
  let cellIndex: Int
  let range: Range<Int>
  let text: String

  /// The byte range of the text without surrounding whitespace.
  var trimmedRange: Range<Int> {
    let inner = TextClean.trimmedRange(text)
    return (range.lowerBound + inner.lowerBound)..<(range.lowerBound + inner.upperBound)
  }
}

/// The money side of a form as hovers and inlay hints show it: the budget and the itemised cost amounts.
struct CostItems {
  /// One itemised amount and the words before it (`普法经费`).
  struct Item {
    let label: String
    let amount: Amount
  }

  let unit: MoneyUnit
  let budget: Amount?
  let superiorFunds: Amount?
  let items: [Item]

  init(form: Form) {
    let unit: MoneyUnit = form.unit == .yuan ? .yuan : .wanYuan
    self.unit = unit
    budget = form.value(.budget).flatMap { AmountScanner.parseCellAmount($0.text, tableUnit: unit) }
    superiorFunds = form.value(.superiorFunds).flatMap { AmountScanner.parseCellAmount($0.text, tableUnit: unit) }
    var items: [Item] = []
    for row in form.indicators where CostItems.isCost(row) {
      // Items are listed in 绩效标准, or in the 三级 name when the standard lists none (as JX301 reads them).
      for cell in [row.standard, row.name].compactMap({ $0 }) {
        let found = CostItems.items(in: cell.text, unit: unit)
        if !found.isEmpty {
          items += found
          break
        }
      }
    }
    self.items = items
  }

  /// The sum of the items, in 元.
  var total: Decimal { items.reduce(Decimal(0)) { $0 + $1.amount.value } }

  /// The budget plus funds from above, in 元.
  var available: Decimal? { budget.map { $0.value + (superiorFunds?.value ?? 0) } }

  /// An amount in 元 written in the table's unit.
  func format(_ yuan: Decimal) -> String { unit.format(yuan: yuan) }

  static func isCost(_ row: IndicatorRow) -> Bool {
    [row.level1.canonical, row.level2.canonical, Profile.canonicalLabel(row.level1.text), Profile.canonicalLabel(row.level2.text)]
      .contains("成本")
  }

  static func items(in text: String, unit: MoneyUnit) -> [Item] {
    let bytes = Array(text.utf8)
    var clauseStart = 0
    var result: [Item] = []
    for amount in AmountScanner.amounts(in: text, tableUnit: unit) {
      defer { clauseStart = max(clauseStart, amount.range.upperBound) }
      guard amount.role == .item else { continue }
      let before = String(decoding: bytes[min(clauseStart, amount.range.lowerBound)..<amount.range.lowerBound], as: UTF8.self)
      result.append(Item(label: label(before), amount: amount))
    }
    return result
  }

  /// The words naming an amount: the last clause before it, without enumeration numbers and punctuation.
  private static func label(_ text: String) -> String {
    let clause = text.split(whereSeparator: { "，,；;。、\n\r".contains($0) }).last.map(String.init) ?? ""
    let dropped = clause.drop { $0.isNumber || "：:（）()．. \t\u{3000}".contains($0) }
    return TextClean.trimmed(String(dropped))
  }
}
