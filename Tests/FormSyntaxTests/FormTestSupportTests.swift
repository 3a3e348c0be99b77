import FormSyntax
import FormTestSupport
import Testing

@Suite("FormTestSupport helpers")
struct FormTestSupportTests {
  @Test func findingMarkers() {
    let (text, offsets) = Markers.findings(in: "\t↓14万\u{3000}↓\n↓𠀀x↓")
    #expect(text == "\t14万\u{3000}\n𠀀x")
    #expect(offsets == [1, 9, 10, 15])
  }

  @Test func emojiMarkers() {
    let (text, markers) = Markers.named(in: "1️⃣附件5-12️⃣\n\t100%3️⃣🔟")
    #expect(text == "附件5-1\n\t100%")
    #expect(markers == ["1️⃣": 0, "2️⃣": 9, "3️⃣": 15, "🔟": 15])
  }

  @Test func editMarkers() {
    let markers = IncrementalEditMarkers("附件⏩️5⏸️６⏪️-1\n\t⏩️⏸️新⏪️甲⏩️乙\n⏸️⏪️")
    #expect(markers.originalText == "附件5-1\n\t甲乙\n")
    #expect(markers.editedText == "附件６-1\n\t新甲")
    #expect(
      markers.edits == [
        TextEdit(range: 6..<7, replacement: "６"), TextEdit(range: 13..<13, replacement: "新"),
        TextEdit(range: 19..<23, replacement: ""),
      ])
    #expect(markers.combinedEdit == TextEdit(range: 6..<18, replacement: "６-1\n\t新甲"))
    var bytes = Array(markers.originalText.utf8)
    for edit in markers.edits { bytes.replaceSubrange(edit.range, with: edit.replacement) }
    #expect(bytes == Array(markers.editedText.utf8))
    bytes = Array(markers.originalText.utf8)
    bytes.replaceSubrange(markers.combinedEdit.range, with: markers.combinedEdit.replacement)
    #expect(bytes == Array(markers.editedText.utf8))
  }

  @Test func seededGeneratorIsDeterministic() {
    var first = SeededGenerator(seed: 42)
    var second = SeededGenerator(seed: 42)
    let values = (0..<5).map { _ in first.next() }
    #expect(values == (0..<5).map { _ in second.next() })
    #expect(Set(values).count == 5)
    // SplitMix64's published first output for seed 0.
    var zero = SeededGenerator(seed: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    #expect(SeededGenerator(seed: 255).seedDescription == "seed 0xff")
  }

  @Test func fixtures() throws {
    #expect(Fixtures.seedBytes.count == 10_536)
    #expect(Fixtures.seedText.hasPrefix("附件5-1\n2021年项目支出绩效目标表\n"))
    #expect(Fixtures.expectedTSV.hasPrefix("# line\tcode"))
    let first = try #require(Fixtures.expectedFindings.first)
    #expect(first.line == 10)
    #expect(first.code == "JX301")
    #expect(first.note == "budget 14万 vs cost items 15万元+5万元 = 20万元")
  }

  @Test func corpusGenerator() {
    var first = FormCorpusGenerator(seed: 7)
    var second = FormCorpusGenerator(seed: 7)
    let text = first.generate(byteCount: 100_000)
    #expect(text == second.generate(byteCount: 100_000))
    #expect(text.utf8.count >= 100_000 && text.utf8.count < 100_000 + 4_000)
    let tree = SyntaxTree(parsing: text)
    #expect(tree.printedBytes == Array(text.utf8))
    #expect(tree.nodes.allSatisfy { $0.isForm })
    #expect(tree.nodes.enumerated().allSatisfy { $0.element.text(ofLine: 0) == "附件5-\($0.offset + 1)" })
    var other = FormCorpusGenerator(seed: 8)
    #expect(other.generate(byteCount: 100_000) != text)
  }

  @Test func snapshotDiff() {
    let diff = Snapshot.lineDiff(expected: "a\nb\nc\nd\ne\nf\ng", actual: "a\nb\nc\nD\ne\nf\ng", context: 1)
    #expect(diff == "@@ snapshot line 3 @@\n  c\n- d\n+ D\n  e")
    #expect(Snapshot.url(named: "x.txt").path.hasSuffix("Tests/FormSyntaxTests/__Snapshots__/x.txt"))
  }
}
