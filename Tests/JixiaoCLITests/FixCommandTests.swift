import FormLint
import FormSyntax
import Foundation
import Testing

@testable import JixiaoCLI

@Suite struct FixCommandTests {
  static let hygieneCodes: Set<String> = ["JX501", "JX502", "JX503", "JX504"]

  /// Findings of the hygiene rules in `bytes`, absolute ranges.
  static func hygieneFindings(_ bytes: [UInt8]) -> [Diagnostic] {
    Linter().lint(SyntaxTree(parsing: bytes)).filter { hygieneCodes.contains($0.code) }
  }

  /// Every byte that differs between `old` and `new` lies inside one of `ranges` of `old`.
  static func changesLieWithin(_ ranges: [Range<Int>], old: [UInt8], new: [UInt8]) -> Bool {
    // Walk the two texts: outside the finding ranges they must agree byte for byte.
    var oldIndex = 0
    var newIndex = 0
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      guard range.lowerBound >= oldIndex else { continue }
      let unchanged = range.lowerBound - oldIndex
      guard newIndex + unchanged <= new.count, old[oldIndex..<range.lowerBound].elementsEqual(new[newIndex..<(newIndex + unchanged)])
      else { return false }
      newIndex += unchanged
      oldIndex = range.lowerBound
      // Resynchronise after the range: find where old's text after the range continues in new.
      let after = old[range.upperBound...].prefix(12)
      var probe = newIndex
      while probe <= new.count - after.count, !new[probe..<(probe + after.count)].elementsEqual(after) { probe += 1 }
      guard probe <= new.count - after.count else { return false }
      newIndex = probe
      oldIndex = range.upperBound
    }
    return old[oldIndex...].elementsEqual(new[newIndex...])
  }

  static func variants() -> [(name: String, bytes: [UInt8])] {
    let lf = Seed.bytes
    var crlf: [UInt8] = []
    for byte in lf {
      if byte == 0x0A { crlf.append(0x0D) }
      crlf.append(byte)
    }
    return [("lf", lf), ("crlf-bom", [0xEF, 0xBB, 0xBF] + crlf)]
  }

  @Test(arguments: ["lf", "crlf-bom"])
  func fixRemovesHygieneFindingsAndChangesNothingElse(_ variant: String) throws {
    let original = try #require(Self.variants().first { $0.name == variant }).bytes
    let before = Self.hygieneFindings(original)
    #expect(!before.isEmpty)
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", original)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    _ = CLIRun(["check", "--fix", path])
    let fixed = [UInt8](FileManager.default.contents(atPath: path)!)
    #expect(Self.hygieneFindings(fixed).isEmpty, "hygiene findings left: \(Self.hygieneFindings(fixed).map(\.code))")
    #expect(Self.changesLieWithin(before.map(\.range), old: original, new: fixed))
    // Line endings and BOM are kept.
    #expect(fixed.starts(with: [0xEF, 0xBB, 0xBF]) == original.starts(with: [0xEF, 0xBB, 0xBF]))
    // Every line break keeps the file's style (JX502 may delete a stray break, never convert one).
    let usesCRLF = original.contains(0x0D)
    let carriageReturns = fixed.filter { $0 == 0x0D }.count
    let lineFeeds = fixed.filter { $0 == 0x0A }.count
    #expect(usesCRLF ? carriageReturns == lineFeeds : carriageReturns == 0)
    #expect(lineFeeds >= original.filter { $0 == 0x0A }.count - 2)
    let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(permissions == 0o640)
    // The error findings are still there: --fix applied only safe fixes.
    #expect(CLIRun(["check", "--format", "json", "--select", "JX301", path]).pairs.count == 3)
  }

  @Test func diffWritesNothing() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", "--diff", path])
    #expect([UInt8](FileManager.default.contents(atPath: path)!) == Seed.bytes)
    #expect(run.stdout.hasPrefix("--- \(path)\n+++ \(path)\n@@ "))
    #expect(run.stdout.contains("\n-\t14万　\n+\t14万\n"))
  }

  @Test func undecodableFileIsNeverWritten() throws {
    let folder = try ScratchFolder()
    let garbage: [UInt8] = [0xFF, 0xFF, 0x81, 0x20, 0xFE, 0x00, 0x00]
    let path = try folder.write("bad.txt", garbage)
    let run = CLIRun(["check", "--lang", "en", "--fix", path])
    #expect(run.exitCode == 2)
    // NUL bytes: refused as binary before decoding.
    #expect(run.stderr.contains("\(path): this is a binary file"))
    #expect([UInt8](FileManager.default.contents(atPath: path)!) == garbage)
  }

  @Test func fixOnStdinPrintsTheFixedText() {
    let input = "附件5-1\n2021年项目支出绩效目标表\n\t项目支出名称\n\t测试　\n\n"
    let run = CLIRun(["check", "--fix", "-"], stdin: input)
    #expect(run.stdout == input.replacingAll("测试　", with: "测试"))
    #expect(!run.stderr.contains("changed on disk"))
  }
}
