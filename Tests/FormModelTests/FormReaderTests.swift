import FormModel
import FormSyntax
import Testing

/// The reader's byte-level shortcuts say what the `String` operations they replace say (outputs must not change).
@Suite struct FormReaderTests {
  static func form(_ text: String) throws -> Form {
    let nodes = SyntaxTree(parsing: text).nodes.filter(\.isForm)
    try #require(nodes.count == 1)
    return Form(node: nodes[0])
  }

  static func text(reviewLabel: String) -> String {
    "2021年项目支出绩效目标表\n\t项目名称\n\t示例项目\n\n\t\(reviewLabel)\n\t同意\n\n"
  }

  @Test(arguments: [
    ("财政局审核意见", true), ("财政局 审核　意见", true), ("审核意见", true), ("abc审核意见", true), ("审核意见。", false),
    // U+0600 is a prepended mark: it joins 审 in one character, so `hasSuffix` (by characters) says no.
    ("\u{0600}审核意见", false), ("审核意见\u{0301}", false),
  ])
  func reviewLabelIsReadAsHasSuffixReadsIt(label: String, isReview: Bool) throws {
    let squeezed = String(label.unicodeScalars.filter { !TextClean.isSpace($0) }.map(Character.init))
    #expect(squeezed.hasSuffix("审核意见") == isReview)
    let form = try Self.form(Self.text(reviewLabel: label))
    #expect(form.reviewRows == (isReview ? [1] : []))
  }

  /// The words compared by bytes have no canonically equivalent spelling: no other scalar equals one of their
  /// characters as a `String`, so a byte comparison and `==` / `hasSuffix` agree on them.
  @Test func bytewiseComparedWordsHaveNoEquivalentScalar() {
    let scalars = Set("审核意见/／无—-－".unicodeScalars.map(\.value))
    // `String` hashing and `==` follow canonical equivalence, so the set finds any equivalent spelling.
    let characters = Set(scalars.map { String(Character(Unicode.Scalar($0)!)) })
    let equivalent = (UInt32(0)...0x10FFFF).filter { value in
      guard !scalars.contains(value), let scalar = Unicode.Scalar(value) else { return false }
      return characters.contains(String(Character(scalar)))
    }
    #expect(equivalent.isEmpty)
  }

  @Test func blankIsTrimmedToNothing() {
    for text in ["", " ", "\t\u{3000}\u{A0}\r\n", "\u{FEFF}\u{200B}"] { #expect(TextClean.isBlank(text)) }
    for text in ["/", " 无 ", "\u{3000}x", "\u{0301}"] { #expect(!TextClean.isBlank(text)) }
    for text in ["", " ", "\u{3000}满意\u{3000}", "\u{200B}", "\u{0301} "] {
      #expect(TextClean.isBlank(text) == TextClean.trimmed(text).isEmpty)
    }
  }
}
