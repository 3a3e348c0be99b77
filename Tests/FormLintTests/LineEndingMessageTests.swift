import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// Regression (found by Tests/JixiaoCLITests/EncodingTests): with CR-only line endings, JX502's message for a cell
/// that starts on the next line read "开头有 " — the lone CR was dropped instead of named <换行>. Every finding's
/// message must be the same whatever the line-ending style.
@Suite struct LineEndingMessageTests {
  static func messages(_ bytes: [UInt8]) -> [String] {
    Linter().lint(SyntaxTree(parsing: bytes)).map { "\($0.code) \($0.message.text(.zh)) | \($0.message.text(.en))" }
  }

  static func replacingLF(_ bytes: [UInt8], with lineBreak: [UInt8]) -> [UInt8] {
    bytes.flatMap { $0 == 0x0A ? lineBreak : [$0] }
  }

  @Test(arguments: ["\r\n", "\r"])
  func messagesDoNotDependOnLineEndings(_ lineBreak: String) {
    let expected = Self.messages(Fixtures.seedBytes)
    #expect(expected.contains { $0.contains("<换行>") })
    #expect(Self.messages(Self.replacingLF(Fixtures.seedBytes, with: Array(lineBreak.utf8))) == expected)
  }

  @Test func loneCRIsNamedAsALineBreak() {
    #expect(HygieneText.visible("\r中") == "<换行>中")
    #expect(HygieneText.visible("\r\n中") == "<换行>中")
    #expect(HygieneText.visible("\r\r\n") == "<换行><换行>")
    #expect(HygieneText.visibleEnglish("\r") == HygieneText.visibleEnglish("\n"))
  }
}
