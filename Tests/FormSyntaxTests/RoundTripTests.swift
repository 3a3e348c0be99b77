import FormSyntax
import FormTestSupport
import Testing

@Suite("Round trip: the tree prints back every byte")
struct RoundTripTests {
  static let seed = Fixtures.seedBytes

  static let inputs: [(name: String, bytes: [UInt8])] = [
    ("seed", seed),
    ("seed with CRLF", seed.replacingLineFeeds(with: [0x0D, 0x0A])),
    ("seed with CR", seed.replacingLineFeeds(with: [0x0D])),
    ("seed with mixed line ends", mixedLineEnds(seed)),
    ("seed behind a BOM", [0xEF, 0xBB, 0xBF] + seed),
    ("empty", []),
    ("only a BOM", [0xEF, 0xBB, 0xBF]),
    ("only TABs and line breaks", Array("\t\n\t\t\r\n\r\t\n\n\r\r\n\t".utf8)),
    ("no final line break", Array(seed.dropLast())),
    ("trailing U+3000", Array(seed.dropLast()) + Array("\u{3000}".utf8)),
    ("trailing U+3000 and line break", seed + Array("\t14万\u{3000}\n\u{3000}".utf8)),
  ]

  static func mixedLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    // A CR is never followed by a lone LF (the two would make one CRLF): LF, CR, CRLF in turn.
    let breaks: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A]]
    var lineNumber = 0
    return bytes.flatMap { byte -> [UInt8] in
      guard byte == 0x0A else { return [byte] }
      lineNumber += 1
      return breaks[lineNumber % 3]
    }
  }

  @Test("printedBytes, printedFromTokens and the oracle agree", arguments: inputs.indices)
  func roundTrip(index: Int) {
    let (name, bytes) = Self.inputs[index]
    let tree = SyntaxTree(parsing: bytes)
    #expect(tree.printedBytes == bytes, "\(name)")
    #expect(tree.printedFromTokens() == bytes, "\(name)")
    #expect(structureProblems(tree, source: bytes) == [], "\(name)")
    #expect(SyntaxTree(parsing: bytes, layout: .pinned(.notation)).records == ReferenceSegmenter.nodes(bytes), "\(name)")
  }

  @Test func lineEndsDoNotChangeTheStructure() {
    let reference = SyntaxTree(parsing: Self.seed)
    for index in 1...3 {
      let tree = SyntaxTree(parsing: Self.inputs[index].bytes)
      #expect(tree.nodes.count == 5)
      #expect(tree.nodeFirstLines == reference.nodeFirstLines, "\(Self.inputs[index].name)")
      #expect(tree.lineCount == reference.lineCount)
      for (node, referenceNode) in zip(tree.nodes, reference.nodes) {
        #expect(node.lines.map(\.kind) == referenceNode.lines.map(\.kind))
        #expect(node.cells.map(\.lineIndices) == referenceNode.cells.map(\.lineIndices))
        #expect(node.rows == referenceNode.rows)
        #expect(node.blocks == referenceNode.blocks)
      }
    }
  }

  @Test func edgeShapes() {
    let empty = SyntaxTree(parsing: [UInt8]())
    #expect(empty.nodes.count == 1)
    #expect(empty.nodes[0].isForm == false && empty.nodes[0].lines.isEmpty)
    #expect(empty.byteCount == 0 && empty.lineCount == 1)
    #expect(empty.debugDescription() == "DOCUMENT@0..0\n  PREAMBLE@0..0\n")

    let bomOnly = SyntaxTree(parsing: [0xEF, 0xBB, 0xBF])
    #expect(bomOnly.nodes.count == 1 && bomOnly.nodes[0].bomLength == 3 && bomOnly.nodes[0].lines.isEmpty)

    let bomSeed = SyntaxTree(parsing: Self.inputs[4].bytes)
    #expect(bomSeed.nodes.count == 5)
    #expect(bomSeed.nodes[0].bomLength == 3 && bomSeed.nodes[0].isForm)
    #expect(bomSeed.nodes[0].lines[0].start == 3)
    #expect(bomSeed.nodes[0].text(ofLine: 0) == "附件5-1")

    let unterminated = SyntaxTree(parsing: Self.inputs[8].bytes)
    #expect(unterminated.lineCount == 536)
    let last = unterminated.nodes[4].lines.last!
    #expect(last.contentEnd == last.end)

    let trailingSpace = SyntaxTree(parsing: Self.inputs[9].bytes)
    let lastNode = trailingSpace.nodes[4]
    #expect(lastNode.text(ofLine: lastNode.lines.count - 1).hasSuffix("单位负责人签字：\u{3000}"))
  }
}

@Suite("Random notation texts")
struct RandomTextTests {
  @Test("5,000 random texts: round trip, token partition, invariants, oracle")
  func randomTexts() {
    var random = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x5EED_0001)
    for iteration in 0..<5_000 {
      let bytes = NotationAlphabet.randomText(maximumPieces: 60, using: &random)
      let tree = SyntaxTree(parsing: bytes, layout: .pinned(.notation))
      let problems = structureProblems(tree, source: bytes)
      let reference = ReferenceSegmenter.nodes(bytes)
      guard problems.isEmpty, tree.records == reference else {
        fail(
          "\(random.seedDescription), text \(iteration): \"\(escaped(bytes))\"\nproblems: \(problems)\n"
            + "got:  \(tree.records)\nwant: \(reference)")
        return
      }
    }
  }
}
