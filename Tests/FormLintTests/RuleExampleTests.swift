import FormSyntax
import Testing

@testable import FormLint

/// One example of one rule, as a test argument.
struct RuleExample: CustomTestStringConvertible, Sendable {
  enum Kind: String, Sendable { case triggering, nonTriggering, correction }
  let code: String
  let kind: Kind
  let index: Int
  let text: String
  let corrected: String?

  var testDescription: String { "\(code) \(kind.rawValue) #\(index + 1)" }

  static let all: [RuleExample] = RuleRegistry.all.flatMap { rule -> [RuleExample] in
    let description = rule.description
    return description.triggering.enumerated().map {
      RuleExample(code: description.code, kind: .triggering, index: $0.offset, text: $0.element, corrected: nil)
    } + description.nonTriggering.enumerated().map {
      RuleExample(code: description.code, kind: .nonTriggering, index: $0.offset, text: $0.element, corrected: nil)
    } + description.corrections.enumerated().map {
      RuleExample(code: description.code, kind: .correction, index: $0.offset, text: $0.element.before, corrected: $0.element.after)
    }
  }
}

/// Runs every rule's examples, plain and behind a line of multi-byte text (CJK, U+3000 and 𠀀, which is
/// 4 UTF-8 bytes and 2 UTF-16 units), so that any offset bug shows.
@Suite struct RuleExampleTests {
  static let prefixes = ["", "说明：本文件含𠀀与　全角空格。\n"]

  @Test(arguments: RuleExample.all)
  func example(_ example: RuleExample) throws {
    let rule = try #require(RuleRegistry.rule(named: example.code))
    let configuration = LintConfiguration(select: [example.code], severities: [example.code: rule.description.severity])
    for prefix in Self.prefixes {
      let (clean, markers) = Self.stripMarkers(example.text)
      let text = prefix + clean
      let shift = prefix.utf8.count
      let findings = Linter(configuration: configuration).lint(SyntaxTree(parsing: text)).filter { $0.code == example.code }
      switch example.kind {
      case .triggering:
        #expect(!markers.isEmpty, "a triggering example needs ↓ markers")
        #expect(
          findings.map(\.range.lowerBound).sorted() == markers.map { $0 + shift }.sorted(),
          "prefix \(prefix.isEmpty ? "none" : "multi-byte"): findings at \(findings.map(\.range)) ≠ markers \(markers.map { $0 + shift })")
        for finding in findings {
          #expect(!finding.message.zh.isEmpty && !finding.message.en.isEmpty)
          #expect(finding.message.zh != finding.message.en)
          let bytes = Array(text.utf8)
          #expect(finding.range.upperBound <= bytes.count && finding.range.lowerBound >= shift)
        }
      case .nonTriggering:
        #expect(findings.isEmpty, "unexpected findings \(findings.map { "\($0.range): \($0.message.en)" })")
      case .correction:
        #expect(!findings.isEmpty, "a correction example must trigger the rule")
        let edits = findings.compactMap { $0.fixes.first }.flatMap(\.edits)
        let fixed = FixApplication.apply(edits, to: Array(text.utf8)).bytes
        let expected = prefix + Self.stripMarkers(example.corrected ?? "").text
        #expect(String(decoding: fixed, as: UTF8.self) == expected)
      }
    }
  }

  @Test func everyRuleHasEnoughExamplesAndDocumentation() {
    for rule in RuleRegistry.all {
      let description = rule.description
      #expect(description.triggering.count >= 2, "\(description.code) needs two triggering examples")
      #expect(description.nonTriggering.count >= 2, "\(description.code) needs two non-triggering examples")
      #expect(!description.summary.zh.isEmpty && !description.summary.en.isEmpty)
      #expect(!description.rationale.zh.isEmpty && !description.rationale.en.isEmpty)
      if description.fixDescription != nil {
        #expect(!description.corrections.isEmpty, "\(description.code) has a fix but no correction example")
      }
    }
  }

  @Test func codesAndNamesAreUnique() {
    let codes = RuleRegistry.all.map { $0.description.code }
    let names = RuleRegistry.all.map { $0.description.name }
    #expect(Set(codes).count == codes.count)
    #expect(Set(names).count == names.count)
    #expect(codes == codes.sorted())
  }

  /// Removes `↓` markers; returns the text and the UTF-8 offsets where they stood.
  static func stripMarkers(_ text: String) -> (text: String, offsets: [Int]) {
    var clean = ""
    var offsets: [Int] = []
    for character in text {
      if character == "↓" {
        offsets.append(clean.utf8.count)
      } else {
        clean.append(character)
      }
    }
    return (clean, offsets)
  }
}
