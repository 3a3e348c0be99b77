import Foundation
import FormSyntax
import FormTestSupport
import Testing

/// Pieces of the notation, weighted by repetition, for random texts and random edits.
enum NotationAlphabet {
  static let pieces: [[UInt8]] = {
    let text: [String] = [
      "\t", "\t", "\t", "\n", "\n", "\n", "\n", "\r\n", "\r\n", "\r", "\u{3000}", " ", "项", "目", "效", "指标", "满意",
      "0", "1", "5", "9", "%", "万", "附件", "附件5-", "附件5-1\n", "附件 ５", "年", "绩效目标表", "2021年项目支出绩效目标表",
      "2021年项目支出绩效目标表\n", "\n附件5-2\n", "\t本年度\n绩效指标\n", "𠀀", "\u{FEFF}",
    ]
    let invalid: [[UInt8]] = [
      [0xFF], [0xC0], [0xE9], [0xE9, 0x99], [0xF0, 0xA0], [0xF0, 0xA0, 0x80], [0x80], [0x0D],
    ]
    return text.map { Array($0.utf8) } + invalid
  }()

  /// Random notation text of up to `maximumPieces` pieces; now and then it starts with a BOM.
  static func randomText(maximumPieces: Int, using random: inout SeededGenerator) -> [UInt8] {
    var bytes: [UInt8] = Int.random(in: 0..<20, using: &random) == 0 ? [0xEF, 0xBB, 0xBF] : []
    for _ in 0..<Int.random(in: 0...maximumPieces, using: &random) {
      bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
    }
    return bytes
  }
}

/// Problems with a tree's structure; empty when every invariant holds.
func structureProblems(_ tree: SyntaxTree, source: [UInt8]) -> [String] {
  var problems: [String] = []
  if tree.printedBytes != source { problems.append("printedBytes differ from the input") }
  if tree.printedFromTokens() != source { problems.append("printedFromTokens differs from the input") }
  if tree.byteCount != source.count { problems.append("byteCount \(tree.byteCount) != \(source.count)") }
  var expectedStart = 0
  tree.forEachToken { token in
    if token.range.lowerBound != expectedStart || token.range.isEmpty {
      problems.append("token \(token.kind)@\(token.range) after \(expectedStart)")
    }
    expectedStart = token.range.upperBound
  }
  if expectedStart != source.count { problems.append("tokens end at \(expectedStart), not \(source.count)") }
  for (index, node) in tree.nodes.enumerated() {
    let prefix = "node \(index): "
    if index > 0 && !node.isForm { problems.append(prefix + "a preamble after the first node") }
    if node.isForm && node.lines.first?.isFormBoundary != true {
      problems.append(prefix + "form without boundary line")
    }
    if !node.isForm && node.lines.contains(where: \.isFormBoundary) { problems.append(prefix + "boundary in preamble") }
    if node.isForm && !holdsTable(node) { problems.append(prefix + "form without a table") }
    if index > 0 && node.bomLength != 0 { problems.append(prefix + "BOM after the first node") }
    let isLastNode = index == tree.nodes.count - 1
    problems += lineProblems(node, isLastNode: isLastNode).map { prefix + $0 }
    problems += (node.layout == .notation ? cellAndRowProblems(node) : rowLayoutProblems(node)).map { prefix + $0 }
    problems += blockProblems(node).map { prefix + $0 }
  }
  return problems
}

/// Whether a node holds a table as its layout's segmenter sees one: a TAB-led line (notation); a line with a TAB,
/// a row unless the TAB sits in a one-cell quoted field (TSV); a pipe table (Markdown).
private func holdsTable(_ node: FormNode) -> Bool {
  switch node.layout {
  case .notation: return node.lines.contains { $0.kind == .cellStart }
  case .tsv: return node.lines.contains { !$0.isFormBoundary && node.bytes[$0.start..<$0.contentEnd].contains(0x09) }
  case .markdown: return !node.tables.isEmpty
  }
}

private func lineProblems(_ node: FormNode, isLastNode: Bool) -> [String] {
  var problems: [String] = []
  var offset = node.bomLength
  for (index, line) in node.lines.enumerated() {
    if line.start != offset { problems.append("line \(index) starts at \(line.start), not \(offset)") }
    offset = line.end
    if !(line.start <= line.contentStart && line.contentStart <= line.contentEnd && line.contentEnd <= line.end) {
      problems.append("line \(index) offsets out of order")
      continue
    }
    let content = node.bytes[line.contentStart..<line.contentEnd]
    if content.contains(0x0A) || content.contains(0x0D) { problems.append("line \(index) text holds a line break") }
    let lineBreak = Array(node.bytes[line.contentEnd..<line.end])
    let isFinal = isLastNode && index == node.lines.count - 1
    if !([[0x0A], [0x0D, 0x0A], [0x0D]].contains(lineBreak) || (lineBreak.isEmpty && isFinal)) {
      problems.append("line \(index) ends with \(lineBreak)")
    }
    let skipsPrefix = line.contentStart > line.start
    if line.kind == .cellStart {
      if !skipsPrefix || node.bytes[line.start] != 0x09 || line.contentStart != line.start + 1 {
        problems.append("cell line \(index) does not start with its TAB")
      }
    } else if skipsPrefix
      && !(line.kind == .free && node.bytes[line.start..<line.contentStart].allSatisfy { [0x20, 0x09, 0x23].contains($0) })
    {
      problems.append("line \(index) skips a prefix that is no heading mark")
    }
    if node.layout == .notation && [.row, .delimiter].contains(line.kind) { problems.append("row-layout line \(index) in notation") }
    if node.layout != .notation && [.cellStart, .continuation].contains(line.kind) {
      problems.append("notation line \(index) in \(node.layout)")
    }
    if line.kind == .blank && line.contentEnd != line.start { problems.append("blank line \(index) has text") }
    if line.kind == .continuation && index > 0 && ![.cellStart, .continuation].contains(node.lines[index - 1].kind) {
      problems.append("continuation line \(index) follows a \(node.lines[index - 1].kind) line")
    }
    if line.isFormBoundary && index > 0 && !(titleGluedToAnnex(node, index)) {
      problems.append("boundary line \(index) inside the node")
    }
  }
  if offset != node.length { problems.append("lines end at \(offset), node at \(node.length)") }
  return problems
}

/// A title line may sit inside a form only right after the annex line and blank lines.
private func titleGluedToAnnex(_ node: FormNode, _ index: Int) -> Bool {
  let annex = Array(node.bytes[node.lines[0].contentStart..<node.lines[0].contentEnd])
  let title = Array(node.bytes[node.lines[index].contentStart..<node.lines[index].contentEnd])
  return ReferenceSegmenter.startsWithAnnexWord(annex) && !ReferenceSegmenter.startsWithAnnexWord(title)
    && node.lines[1..<index].allSatisfy { $0.kind == .blank }
}

private func cellAndRowProblems(_ node: FormNode) -> [String] {
  var problems: [String] = []
  let cellLines = node.lines.indices.filter { [.cellStart, .continuation].contains(node.lines[$0].kind) }
  if node.cells.flatMap(\.lineIndices) != cellLines { problems.append("cells do not cover the cell lines in order") }
  for cell in node.cells where cell.lineCount > 0 {
    if node.lines[cell.firstLine].kind != .cellStart { problems.append("cell at \(cell.firstLine) not at a TAB line") }
    if node.lines[cell.lineIndices.dropFirst()].contains(where: { $0.kind != .continuation }) {
      problems.append("cell at \(cell.firstLine) holds a line other than continuations")
    }
  }
  var nextCell = 0
  for row in node.rows {
    if row.cells.lowerBound != nextCell || row.cells.isEmpty { problems.append("rows do not partition the cells") }
    nextCell = row.cells.upperBound
    guard let lastCell = node.cells[row.cells].last, let firstCell = node.cells[row.cells].first else { continue }
    let afterCells = lastCell.firstLine + lastCell.lineCount
    if row.lines.lowerBound != firstCell.firstLine { problems.append("row lines start before its first cell") }
    if let terminator = row.terminator {
      if terminator != afterCells || node.lines[terminator].kind != .blank || row.lines.upperBound != terminator + 1 {
        problems.append("row ending at \(afterCells) has a wrong terminator \(terminator)")
      }
    } else if afterCells < node.lines.count && node.lines[afterCells].kind != .free
      || row.lines.upperBound != afterCells
    {
      problems.append("row ending at \(afterCells) without a blank line is not followed by a free line or the end")
    }
  }
  if nextCell != node.cells.count { problems.append("rows leave cells out") }
  return problems
}

/// TSV and Markdown: cells in order inside their rows' lines, content inside raw, rows partition the cells, every
/// row line covered by one row, each cell's decoded text consistent with its map.
private func rowLayoutProblems(_ node: FormNode) -> [String] {
  var problems: [String] = []
  var previousEnd = 0
  for (index, cell) in node.cells.enumerated() {
    let raw = cell.raw
    let content = cell.content
    if raw.lowerBound < previousEnd || raw.upperBound > node.length { problems.append("cell \(index) raw \(raw) out of order") }
    if content.lowerBound < raw.lowerBound || content.upperBound > raw.upperBound {
      problems.append("cell \(index) content \(content) outside raw \(raw)")
    }
    previousEnd = raw.upperBound
    let lines = cell.lineIndices
    if lines.isEmpty || node.lines[lines.lowerBound].start > raw.lowerBound
      || node.lines[lines.upperBound - 1].end < raw.upperBound
    {
      problems.append("cell \(index) lines \(lines) do not hold it")
    }
    let decoded = node.content(ofCell: cell)
    // Lenient decoding turns a malformed byte into U+FFFD (3 bytes): the map holds for valid UTF-8 only.
    let valid = String(validating: node.bytes[content], as: UTF8.self) != nil
    if valid && decoded.map.nodeOffset(decoded.text.utf8.count) != content.upperBound || decoded.map.nodeOffset(0) != content.lowerBound {
      problems.append("cell \(index) map does not span its content")
    }
    if !cell.isEscaped && decoded.text != node.text(content) { problems.append("cell \(index) unescaped text differs") }
  }
  var nextCell = 0
  var rowLines: [Int] = []
  for row in node.rows {
    if row.cells.lowerBound != nextCell || row.cells.isEmpty { problems.append("rows do not partition the cells") }
    nextCell = row.cells.upperBound
    if row.terminator != nil { problems.append("a row-layout row with a terminator") }
    for cell in node.cells[row.cells] where !row.lines.contains(cell.firstLine) || cell.lineIndices.upperBound > row.lines.upperBound {
      problems.append("cell at line \(cell.firstLine) outside its row \(row.lines)")
    }
    rowLines += row.lines
  }
  if nextCell != node.cells.count { problems.append("rows leave cells out") }
  let expected = node.lines.indices.filter { node.lines[$0].kind == .row }
  if rowLines != expected { problems.append("rows do not cover the row lines in order") }
  return problems
}

private func blockProblems(_ node: FormNode) -> [String] {
  var problems: [String] = []
  var covered: [Int] = []
  var nextRow = 0
  for block in node.blocks {
    switch block {
    case .freeLine(let line):
      if node.lines[line].kind != .free { problems.append("free-line block \(line) is \(node.lines[line].kind)") }
      covered.append(line)
    case .blankLine(let line):
      if node.lines[line].kind != .blank { problems.append("blank-line block \(line) is \(node.lines[line].kind)") }
      covered.append(line)
    case .table(let index):
      let table = node.tables[index]
      if table.rows.lowerBound != nextRow || table.rows.isEmpty { problems.append("tables do not partition the rows") }
      nextRow = table.rows.upperBound
      covered += table.lines
      let rowLines = Set(node.rows[table.rows].flatMap(\.lines))
      for line in table.lines where !rowLines.contains(line) && ![.blank, .delimiter].contains(node.lines[line].kind) {
        problems.append("table line \(line) outside rows is not blank")
      }
    }
  }
  if covered != Array(node.lines.indices) { problems.append("blocks do not cover the lines in order") }
  if nextRow != node.rows.count { problems.append("tables leave rows out") }
  return problems
}

/// Records an issue when two trees differ in nodes, lines or bytes (and, if asked, in `debugDescription`).
/// Returns whether they are the same.
@discardableResult
func expectSameTree(
  _ actual: SyntaxTree, _ expected: SyntaxTree, comparingDescriptions: Bool = true,
  _ context: @autoclosure () -> String,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let sameNodeBytes =
    actual.nodes.count == expected.nodes.count && zip(actual.nodes, expected.nodes).allSatisfy { sameBytes($0, $1) }
  guard sameNodeBytes || actual.printedBytes == expected.printedBytes else {
    fail("printed bytes differ; \(context())", sourceLocation: sourceLocation)
    return false
  }
  // Node by node first: cheap enough for a megabyte after every edit; records only to explain a difference.
  let sameNodes =
    actual.nodeStarts == expected.nodeStarts && actual.nodeFirstLines == expected.nodeFirstLines
    && zip(actual.nodes, expected.nodes).allSatisfy { pair in
      pair.0.isForm == pair.1.isForm && pair.0.bomLength == pair.1.bomLength && pair.0.layout == pair.1.layout
        && pair.0.lines == pair.1.lines && pair.0.cells == pair.1.cells && pair.0.rows == pair.1.rows
        && pair.0.tables == pair.1.tables && pair.0.blocks == pair.1.blocks
    }
  let actualRecords = sameNodes ? [] : actual.records
  let expectedRecords = sameNodes ? [] : expected.records
  if !sameNodes {
    let common = min(actualRecords.count, expectedRecords.count)
    let index = (0..<common).first { actualRecords[$0] != expectedRecords[$0] } ?? common
    let got = index < actualRecords.count ? actualRecords[index].description : "nothing"
    let want = index < expectedRecords.count ? expectedRecords[index].description : "nothing"
    fail("node \(index) differs; \(context())\n got: \(got)\nwant: \(want)", sourceLocation: sourceLocation)
    return false
  }
  if comparingDescriptions && actual.debugDescription() != expected.debugDescription() {
    fail("debugDescription differs; \(context())", sourceLocation: sourceLocation)
    return false
  }
  return true
}

extension Array where Element == UInt8 {
  /// The bytes with every LF replaced by `lineBreak`.
  func replacingLineFeeds(with lineBreak: [UInt8]) -> [UInt8] {
    flatMap { $0 == 0x0A ? lineBreak : [$0] }
  }
}

/// Printable form of bytes for failure messages.
func escaped(_ bytes: [UInt8]) -> String {
  String(decoding: bytes, as: UTF8.self).unicodeScalars.map { $0.escaped(asASCII: false) }.joined()
}

/// Whether two nodes hold the same bytes; `memcmp`, because `==` on arrays is slow in debug builds.
private func sameBytes(_ first: FormNode, _ second: FormNode) -> Bool {
  guard first.length == second.length else { return false }
  guard first.length > 0 else { return true }
  return first.bytes.withUnsafeBytes { lhs in
    second.bytes.withUnsafeBytes { rhs in memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0 }
  }
}

/// Records an issue with a message built at run time.
func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}
