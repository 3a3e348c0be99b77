import FormSyntax
import FormTestSupport
import Testing

/// Applies the marked edits one after another and checks, swift-syntax style: (1) the new tree prints the new
/// text, (2) it equals a fresh parse, (3) exactly the old nodes `reusedNodes` (indices in the old tree) are in the
/// new tree as the same objects; for a single edit, `reusedNodeCount` says so too.
func assertIncrementalParse(
  _ markedText: String, reusedNodes: [Int], nodeCount: Int, sourceLocation: SourceLocation = #_sourceLocation
) {
  let markers = IncrementalEditMarkers(markedText)
  let original = SyntaxTree(parsing: markers.originalText)
  var tree = original
  var lastResult: IncrementalParseResult?
  for edit in markers.edits {
    let result = tree.applying(edit)
    tree = result.tree
    lastResult = result
  }
  let fresh = SyntaxTree(parsing: markers.editedText)
  #expect(tree.printedBytes == Array(markers.editedText.utf8), "round trip", sourceLocation: sourceLocation)
  #expect(tree.debugDescription() == fresh.debugDescription(), "equals a fresh parse", sourceLocation: sourceLocation)
  expectSameTree(tree, fresh, "incremental vs fresh", sourceLocation: sourceLocation)
  #expect(tree.nodes.count == nodeCount, "node count", sourceLocation: sourceLocation)
  let reused = original.nodes.indices.filter { index in tree.nodes.contains { $0 === original.nodes[index] } }
  #expect(reused == reusedNodes, "reused old nodes", sourceLocation: sourceLocation)
  if markers.edits.count == 1, let result = lastResult {
    #expect(result.reusedNodeCount == reusedNodes.count, "reusedNodeCount", sourceLocation: sourceLocation)
    let newNodes = tree.nodes.indices.filter { index in !original.nodes.contains { $0 === tree.nodes[index] } }
    #expect(Array(result.changedNodes) == newNodes, "changedNodes", sourceLocation: sourceLocation)
    let changedStart = result.changedNodes.isEmpty ? nil : tree.nodeStarts[result.changedNodes.lowerBound]
    #expect(changedStart == nil || result.changedRange.lowerBound == changedStart, sourceLocation: sourceLocation)
  }
  // The combined edit gives the same text and tree as the sequence.
  let combined = original.applying(markers.combinedEdit).tree
  expectSameTree(combined, fresh, "combined edit vs fresh", sourceLocation: sourceLocation)
}

/// The seed with `target` replaced by `marked`: its only occurrence, or its first after `anchor` (which must be
/// unique).
func seedMarking(_ target: String, as marked: String, after anchor: String? = nil, in text: String = Fixtures.seedText)
  -> String
{
  var searched = text.startIndex..<text.endIndex
  if let anchor {
    let anchors = text.ranges(of: anchor)
    precondition(anchors.count == 1, "\(anchor) occurs \(anchors.count) times")
    searched = anchors[0].upperBound..<text.endIndex
  }
  let ranges = text[searched].ranges(of: target)
  precondition(anchor != nil ? !ranges.isEmpty : ranges.count == 1, "\(target) occurs \(ranges.count) times")
  return text.replacingCharacters(in: ranges[0], with: marked)
}

@Suite("Incremental parsing")
struct IncrementalParsingTests {
  static let seed = Fixtures.seedText
  static let formTwo = String(decoding: SyntaxTree(parsing: seed).nodes[1].bytes, as: UTF8.self)
  static let signature = "填表人：          联系电话：          填报日期：           单位负责人签字："

  @Test func typeInsideFormThreesCell() {
    assertIncrementalParse(seedMarking("\t92万", as: "\t92⏩️⏸️5⏪️万"), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
    assertIncrementalParse(seedMarking("\t92万", as: "\t⏩️92⏸️𠀀⏪️万"), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
  }

  @Test func deleteAWholeRow() {
    let row = "\t项目支出实施期\n\t2021.1-2021.12\n\n"
    assertIncrementalParse(
      seedMarking(row, as: "⏩️\(row)⏸️⏪️", after: "\t92万"), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
  }

  @Test func pasteAWholeFormInTheMiddle() {
    assertIncrementalParse(
      seedMarking("附件5-4\n", as: "⏩️⏸️\(Self.formTwo)⏪️附件5-4\n"), reusedNodes: [0, 1, 2, 3, 4], nodeCount: 6)
  }

  @Test func deleteAnAnnexLineAndTheFormsMerge() {
    assertIncrementalParse(
      "附件1\n\t项目\n\t甲\n\n⏩️附件2\n⏸️⏪️\t项目\n\t乙\n附件3\n\t丙\n", reusedNodes: [2], nodeCount: 2)
    // In the seed the title would start a form on its own, so the annex and the title go together.
    assertIncrementalParse(
      seedMarking("附件5-3\n2021年项目支出绩效目标表\n", as: "⏩️附件5-3\n2021年项目支出绩效目标表\n⏸️⏪️"),
      reusedNodes: [0, 3, 4], nodeCount: 4)
    // Deleting the annex line alone leaves the title to start the form.
    assertIncrementalParse(seedMarking("附件5-3\n", as: "⏩️附件5-3\n⏸️⏪️"), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
  }

  @Test func insertAnAnnexLineAndAFormSplits() {
    assertIncrementalParse(
      seedMarking("\t（分级填报）\n\n", as: "\t（分级填报）\n\n⏩️⏸️附件9\n⏪️", after: "\t92万"),
      reusedNodes: [0, 1, 3, 4], nodeCount: 6)
    // Right after a cell line, too: an annex line never continues a cell.
    assertIncrementalParse(seedMarking("\t92万　\n", as: "\t92万　\n⏩️⏸️附件 ９\n⏪️"), reusedNodes: [0, 1, 3, 4], nodeCount: 6)
  }

  @Test func joinTheAnnexLineToTheLineBefore() {
    // Form 3's annex line follows form 2's signature line directly; deleting the break joins them.
    let joined = seedMarking(Self.signature + "\n附件5-3", as: Self.signature + "⏩️\n⏸️⏪️附件5-3")
    assertIncrementalParse(joined, reusedNodes: [0, 3, 4], nodeCount: 5)
    // Deleting the annex line's own break joins it to the title: still one annex line, one form.
    assertIncrementalParse(seedMarking("附件5-3\n", as: "附件5-3⏩️\n⏸️⏪️"), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
    // Joining the line after form 3's last line to form 4's annex line: form 4 starts at its title.
    let before4 = seedMarking("\n附件5-4", as: "⏩️\n⏸️⏪️附件5-4")
    assertIncrementalParse(before4, reusedNodes: [0, 1, 4], nodeCount: 5)
  }

  @Test func annexAndTitleSeparatedAndJoined() {
    // Separated from its title, the annex line has no table after it: it opens no form and joins form 2.
    let separated = seedMarking("附件5-3\n", as: "附件5-3\n⏩️⏸️填报说明\n⏪️")
    assertIncrementalParse(separated, reusedNodes: [0, 3, 4], nodeCount: 5)
    let split = IncrementalEditMarkers(separated).editedText
    assertIncrementalParse(
      seedMarking("附件5-3\n填报说明\n", as: "附件5-3\n⏩️填报说明\n⏸️⏪️", in: split),
      reusedNodes: [0, 3, 4], nodeCount: 5)
    // Separated by a cell, the annex opens a form of its own.
    assertIncrementalParse(
      seedMarking("附件5-3\n", as: "附件5-3\n⏩️⏸️\t甲\n填报说明\n⏪️"), reusedNodes: [0, 1, 3, 4], nodeCount: 6)
    // Deleting a cell leaves an annex line and a blank line: the title of the next form joins them.
    assertIncrementalParse(
      "附件1\n⏩️\t甲⏸️⏪️\n2021年项目支出绩效目标表\n\t乙\n附件2\n\t丙\n", reusedNodes: [2], nodeCount: 2)
    // A blank line between them keeps them together.
    assertIncrementalParse(seedMarking("附件5-3\n", as: "附件5-3\n⏩️⏸️\n\n⏪️"), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
    // A title that loses 目标表 is a free line; form 3 still starts at its annex line.
    assertIncrementalParse(
      seedMarking("5-3\n2021年项目支出绩效目标表", as: "5-3\n2021年项目支出绩效⏩️目标表⏸️⏪️"),
      reusedNodes: [0, 1, 3, 4], nodeCount: 5)
  }

  @Test func editsAtTheStartAndTheEnd() {
    assertIncrementalParse("⏩️⏸️说明\n⏪️" + Self.seed, reusedNodes: [0, 1, 2, 3, 4], nodeCount: 6)
    // Without 附 the first line is prose: a preamble, and the title starts the first form.
    assertIncrementalParse("⏩️附⏸️⏪️" + Self.seed.dropFirst(), reusedNodes: [1, 2, 3, 4], nodeCount: 6)
    assertIncrementalParse(Self.seed + "⏩️⏸️\t补充\n⏪️", reusedNodes: [0, 1, 2, 3], nodeCount: 5)
    assertIncrementalParse(Self.seed.dropLast() + "⏩️\n⏸️⏪️", reusedNodes: [0, 1, 2, 3], nodeCount: 5)
    // An annex line with no table after it opens no form: it joins the last form.
    assertIncrementalParse(Self.seed + "⏩️⏸️附件6\n⏪️", reusedNodes: [0, 1, 2, 3], nodeCount: 5)
    assertIncrementalParse(Self.seed + "⏩️⏸️附件6\n\t甲\n⏪️", reusedNodes: [0, 1, 2, 3, 4], nodeCount: 6)
    // Removing a form's only table folds it into the form before.
    assertIncrementalParse("附件1\n\t甲\n附件2\n⏩️\t乙\n⏸️⏪️附件3\n\t丙\n", reusedNodes: [2], nodeCount: 2)
    assertIncrementalParse("⏩️\(Self.seed)⏸️⏪️", reusedNodes: [], nodeCount: 1)
    assertIncrementalParse("⏩️⏸️\(Self.seed)⏪️", reusedNodes: [], nodeCount: 5)
  }

  @Test func byteOrderMark() {
    assertIncrementalParse("⏩️\u{FEFF}⏸️⏪️" + Self.seed, reusedNodes: [1, 2, 3, 4], nodeCount: 5)
    assertIncrementalParse("⏩️⏸️\u{FEFF}⏪️" + Self.seed, reusedNodes: [1, 2, 3, 4], nodeCount: 5)
    assertIncrementalParse("\u{FEFF}⏩️⏸️说明\n⏪️" + Self.seed, reusedNodes: [1, 2, 3, 4], nodeCount: 6)
    // Cutting the BOM in half leaves two stray bytes that make line 0 prose: a preamble before the title.
    let tree = SyntaxTree(parsing: "\u{FEFF}" + Self.seed)
    let result = tree.applying(TextEdit(range: 0..<1, replacement: []))
    let fresh = SyntaxTree(parsing: Array(("\u{FEFF}" + Self.seed).utf8.dropFirst()))
    expectSameTree(result.tree, fresh, "BOM cut in half")
    #expect(result.tree.nodes.map(\.isForm) == [false, true, true, true, true, true])
    #expect(result.reusedNodeCount == 4)
  }

  @Test func editSplitsACRLF() {
    let crlf = Self.seed.replacing("\n", with: "\r\n")
    // A character typed between CR and LF makes a line of its own after a CR-ended line.
    assertIncrementalParse(
      seedMarking("\t92万　\r\n", as: "\t92万　\r⏩️⏸️x⏪️\n", in: crlf), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
    // A TAB between the annex line's CR and LF opens an empty cell: the title no longer joins the annex.
    assertIncrementalParse(
      seedMarking("附件5-3\r\n", as: "附件5-3\r⏩️⏸️\t⏪️\n", in: crlf), reusedNodes: [0, 1, 3, 4], nodeCount: 6)
    // Deleting the CR or the LF keeps the lines.
    assertIncrementalParse(
      seedMarking("附件5-3\r\n", as: "附件5-3⏩️\r⏸️⏪️\n", in: crlf), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
    assertIncrementalParse(
      seedMarking("\t92万　\r\n", as: "\t92万　\r⏩️\n⏸️⏪️", in: crlf), reusedNodes: [0, 1, 3, 4], nodeCount: 5)
  }

  @Test func severalEditsInOneText() {
    let text = seedMarking("\t92万", as: "\t9⏩️2⏸️3⏪️万")
    let twoEdits = seedMarking("\t28万", as: "\t⏩️28⏸️29⏪️万", in: text)
    assertIncrementalParse(twoEdits, reusedNodes: [0, 1, 4], nodeCount: 5)
  }
}
