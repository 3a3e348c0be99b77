import FormSyntax
import Testing

/// Issue #15, items 2 and 20: UTF-8 columns from a client, however large, clamp; inside a character they snap to
/// its start (as UTF-16 columns inside a surrogate pair do).
@Suite struct PositionClampingTests {
  // 2 0 2 1 年(4..<7) 项(7..<10) LF 10, then 𠀀(11..<15)
  static let text = Array("2021年项\n𠀀".utf8)

  @Test(arguments: [false, true])
  func hugeColumnsClampToTheLineEnd(throughTree: Bool) {
    let tree = SyntaxTree(parsing: Self.text)
    let index = LineIndex(Self.text)
    for unit in [ColumnUnit.utf8, .utf16, .scalar] {
      for column in [Int.max, Int.max - 1, 1 << 62] {
        let position = LineColumn(line: 0, column: column)
        #expect((throughTree ? tree.offset(of: position, in: unit) : index.offset(of: position, in: unit)) == 10)
      }
    }
  }

  @Test(arguments: [false, true])
  func utf8ColumnsInsideACharacterSnapToItsStart(throughTree: Bool) {
    let tree = SyntaxTree(parsing: Self.text)
    let index = LineIndex(Self.text)
    func offset(_ line: Int, _ column: Int) -> Int {
      let position = LineColumn(line: line, column: column)
      return throughTree ? tree.offset(of: position, in: .utf8) : index.offset(of: position, in: .utf8)
    }
    #expect([4, 5, 6, 7, 8, 9, 10].map { offset(0, $0) } == [4, 4, 4, 7, 7, 7, 10])
    #expect([0, 1, 2, 3, 4].map { offset(1, $0) } == [11, 11, 11, 11, 15])
  }

  @Test func malformedBytesAreTheirOwnCharacters() {
    // A stray continuation byte and a truncated sequence: no snapping across them.
    let bytes: [UInt8] = [0x61, 0x80, 0x80, 0xE4, 0xB8, 0x62]
    let index = LineIndex(bytes)
    #expect((0...6).map { index.offset(of: LineColumn(line: 0, column: $0), in: .utf8) } == [0, 1, 2, 3, 4, 5, 6])
  }
}
