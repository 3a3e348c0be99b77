import FormSyntax
import FormTestSupport
import Testing

@Suite("Line index and tree positions")
struct PositionTests {
  static let units: [ColumnUnit] = [.utf8, .utf16, .scalar]
  static let seed = Fixtures.seedBytes

  // TAB 0, 项 1..<4, 目 4..<7, 𠀀 7..<11, U+3000 11..<14, x 14, CRLF 15..<17, 附件5 17..<24, LF 24, end 25.
  static let sample = Array("\t项目𠀀\u{3000}x\r\n附件5\n".utf8)

  @Test("CJK, U+3000 and 𠀀 columns", arguments: [false, true])
  func multiByteColumns(throughTree: Bool) {
    let index = LineIndex(Self.sample)
    let tree = SyntaxTree(parsing: Self.sample)
    func position(_ offset: Int, _ unit: ColumnUnit) -> LineColumn {
      throughTree ? tree.position(of: offset, in: unit) : index.position(of: offset, in: unit)
    }
    func offset(_ line: Int, _ column: Int, _ unit: ColumnUnit) -> Int {
      let position = LineColumn(line: line, column: column)
      return throughTree ? tree.offset(of: position, in: unit) : index.offset(of: position, in: unit)
    }
    // Offsets 7 (before 𠀀), 11 (after it), 14 (after U+3000), 15 (line end), 16 (inside CRLF), 17, 24, 25.
    let offsets = [7, 11, 14, 15, 16, 17, 20, 24, 25]
    #expect(
      offsets.map { position($0, .utf8) }
        == [(0, 7), (0, 11), (0, 14), (0, 15), (0, 15), (1, 0), (1, 3), (1, 7), (2, 0)].map(LineColumn.init))
    #expect(
      offsets.map { position($0, .utf16) }
        == [(0, 3), (0, 5), (0, 6), (0, 7), (0, 7), (1, 0), (1, 1), (1, 3), (2, 0)].map(LineColumn.init))
    #expect(
      offsets.map { position($0, .scalar) }
        == [(0, 3), (0, 4), (0, 5), (0, 6), (0, 6), (1, 0), (1, 1), (1, 3), (2, 0)].map(LineColumn.init))
    #expect(offset(0, 3, .utf16) == 7)
    // Column 4 in UTF-16 falls between the two halves of 𠀀: it snaps to the character's start.
    #expect(offset(0, 4, .utf16) == 7)
    #expect(offset(0, 5, .utf16) == 11)
    #expect(offset(0, 4, .scalar) == 11)
    // UTF-8 column 9 falls inside 𠀀 (bytes 7..<11): it snaps to the character's start, as UTF-16 does (#15.20).
    #expect(offset(0, 9, .utf8) == 7)
    #expect(offset(0, 11, .utf8) == 11)
    // Past the end of a line: the line's end, before its break; past the last line: the end of the text.
    for unit in Self.units {
      #expect(offset(0, 1_000, unit) == 15)
      #expect(offset(1, 1_000, unit) == 24)
      #expect(offset(2, 1_000, unit) == 25)
      #expect(offset(7, 0, unit) == 25)
      #expect(offset(-1, 3, unit) == 0)
      #expect(offset(1, -5, unit) == 17)
    }
    #expect(index.lineCount == 3)
    #expect(tree.lineCount == 3)
  }

  /// Maps every scalar boundary of the LF seed to the same place in a copy with other line ends.
  static func boundaryPairs(lineBreak: [UInt8]) -> [(lf: Int, other: Int)] {
    var pairs: [(Int, Int)] = [(0, 0)]
    var lf = 0
    var other = 0
    for scalar in String(decoding: seed, as: UTF8.self).unicodeScalars {
      lf += UTF8.width(scalar)
      other += scalar == "\n" ? lineBreak.count : UTF8.width(scalar)
      pairs.append((lf, other))
    }
    return pairs
  }

  @Test("CRLF and CR files give the same positions as LF", arguments: [[0x0D, 0x0A], [0x0D]] as [[UInt8]])
  func lineEndsGiveSamePositions(lineBreak: [UInt8]) {
    let otherBytes = Self.seed.replacingLineFeeds(with: lineBreak)
    let lfIndex = LineIndex(Self.seed)
    let otherIndex = LineIndex(otherBytes)
    let otherTree = SyntaxTree(parsing: otherBytes)
    #expect(otherIndex.lineCount == 537)
    for (lf, other) in Self.boundaryPairs(lineBreak: lineBreak) {
      for unit in Self.units {
        let expected = lfIndex.position(of: lf, in: unit)
        #expect(otherIndex.position(of: other, in: unit) == expected, "offset \(other)")
        #expect(otherTree.position(of: other, in: unit) == expected, "offset \(other)")
        #expect(otherIndex.offset(of: expected, in: unit) == other)
        #expect(otherTree.offset(of: expected, in: unit) == other)
      }
    }
  }

  @Test("offset → position → offset at every character boundary of the seed")
  func seedRoundTrip() {
    let index = LineIndex(Self.seed)
    let tree = SyntaxTree(parsing: Self.seed)
    let text = String(decoding: Self.seed, as: UTF8.self)
    var problems: [String] = []
    for unit in Self.units {
      for boundary in text.indices + [text.endIndex] {
        let offset = text.utf8.distance(from: text.startIndex, to: boundary)
        let position = index.position(of: offset, in: unit)
        if tree.position(of: offset, in: unit) != position { problems.append("tree position of \(offset) in \(unit)") }
        if index.offset(of: position, in: unit) != offset { problems.append("index offset of \(offset) in \(unit)") }
        if tree.offset(of: position, in: unit) != offset { problems.append("tree offset of \(offset) in \(unit)") }
        // The column is the length of the line's text before the offset, as Swift counts it.
        let lineStart = text.utf8.index(text.startIndex, offsetBy: index.lineStarts[position.line])
        let prefix = text[lineStart..<boundary]
        let column =
          unit == .utf8 ? prefix.utf8.count : unit == .utf16 ? prefix.utf16.count : prefix.unicodeScalars.count
        if position.column != column {
          problems.append("column of \(offset) in \(unit): \(position.column) != \(column)")
        }
      }
    }
    #expect(problems == [])
  }

  @Test func endOfFile() {
    let index = LineIndex(Self.seed)
    let tree = SyntaxTree(parsing: Self.seed)
    for unit in Self.units {
      #expect(index.position(of: Self.seed.count, in: unit) == LineColumn(line: 536, column: 0))
      #expect(tree.position(of: Self.seed.count, in: unit) == LineColumn(line: 536, column: 0))
      #expect(tree.position(of: Self.seed.count + 10, in: unit) == LineColumn(line: 536, column: 0))
    }
    #expect(index.lineCount == 537)
    #expect(tree.lineCount == 537)
    let unterminated = Array("a\n附件".utf8)
    #expect(LineIndex(unterminated).position(of: 8, in: .utf16) == LineColumn(line: 1, column: 2))
    #expect(SyntaxTree(parsing: unterminated).position(of: 8, in: .utf16) == LineColumn(line: 1, column: 2))
    #expect(SyntaxTree(parsing: unterminated).lineCount == 2)
    #expect(SyntaxTree(parsing: "").position(of: 0, in: .utf16) == LineColumn(line: 0, column: 0))
    #expect(LineIndex("").position(of: 0, in: .utf16) == LineColumn(line: 0, column: 0))
  }

  @Test func lineContent() throws {
    let tree = SyntaxTree(parsing: Self.seed)
    let signature = try #require(tree.lineContent(105))
    #expect(signature.node == 0)
    #expect(String(decoding: Self.seed[signature.range], as: UTF8.self).hasPrefix("填表人："))
    let annex = try #require(tree.lineContent(216))
    #expect(annex.node == 2)
    #expect(String(decoding: Self.seed[annex.range], as: UTF8.self) == "附件5-3")
    #expect(tree.lineContent(537) == nil)
    #expect(tree.lineContent(-1) == nil)
  }

  @Test("A BOM is not a column: positions equal those of the text without it")
  func byteOrderMark() {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let bytes = bom + Self.sample
    let index = LineIndex(bytes)
    let tree = SyntaxTree(parsing: bytes)
    let plain = LineIndex(Self.sample)
    for unit in Self.units {
      for offset in 0...bytes.count {
        let expected = plain.position(of: max(offset - 3, 0), in: unit)
        #expect(tree.position(of: offset, in: unit) == expected, "offset \(offset) in \(unit)")
        #expect(index.position(of: offset, in: unit) == expected, "offset \(offset) in \(unit)")
      }
      #expect(tree.offset(of: LineColumn(line: 0, column: 0), in: unit) == 3)
      #expect(index.offset(of: LineColumn(line: 0, column: 0), in: unit) == 3)
    }
  }

  @Test("tree and line index agree on 1,000 random texts")
  func randomTextsAgree() {
    var random = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x5EED_0002)
    for iteration in 0..<1_000 {
      let bytes = NotationAlphabet.randomText(maximumPieces: 40, using: &random)
      let index = LineIndex(bytes)
      let tree = SyntaxTree(parsing: bytes)
      var problems: [String] = []
      if index.lineCount != tree.lineCount { problems.append("lineCount \(tree.lineCount) != \(index.lineCount)") }
      for unit in Self.units {
        for offset in 0...bytes.count where tree.position(of: offset, in: unit) != index.position(of: offset, in: unit)
        {
          problems.append("position of \(offset) in \(unit)")
        }
        for line in 0...index.lineCount {
          for column in [0, 1, 2, 5, 100] {
            let position = LineColumn(line: line, column: column)
            if tree.offset(of: position, in: unit) != index.offset(of: position, in: unit) {
              problems.append("offset of \(line):\(column) in \(unit)")
            }
          }
        }
      }
      guard problems.isEmpty else {
        fail("\(random.seedDescription), text \(iteration): \"\(escaped(bytes))\": \(problems.prefix(5))")
        return
      }
    }
  }
}
