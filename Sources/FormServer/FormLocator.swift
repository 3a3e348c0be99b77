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
    let content = node.content(ofCell: node.cells[cellIndex])
    return LocatedCell(cellIndex: cellIndex, range: content.range, text: content.text, map: content.map)
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
    let cellIndex = node.cellIndex(containing: local)
    return FormLocation(node: node, base: base, local: local, form: form(of: node), cellIndex: cellIndex, lineIndex: lineIndex)
  }

  /// The typed forms of the nodes worth reading (forms, and a preamble holding tables), with their node's offset.
  func forms(in nodeIndices: Range<Int>? = nil) -> [(form: Form, base: Int, firstLine: Int)] {
    let indices = nodeIndices ?? tree.nodes.indices
    return indices.compactMap { index in
      let node = tree.nodes[index]
      guard isCheckable(nodeAt: index) else { return nil }
      return (form(of: node), tree.nodeStarts[index], tree.nodeFirstLines[index])
    }
  }
}

/// A cell's text and place (node-relative), like FormModel's `CellText`, whose initializer is internal.
struct LocatedCell {
  let cellIndex: Int
  let range: Range<Int>
  let text: String
  let map: CellTextMap

  /// The byte range of the text without surrounding whitespace.
  var trimmedRange: Range<Int> { map.nodeRange(TextClean.trimmedRange(text)) }

  /// The node-relative range of a range of the text.
  func nodeRange(_ inner: Range<Int>) -> Range<Int> { map.nodeRange(inner) }
}
