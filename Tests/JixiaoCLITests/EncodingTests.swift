import FormLint
import Foundation
import Testing

@testable import JixiaoCLI

/// Files in every supported encoding and line-ending style give the UTF-8 seed's findings, at the same lines and
/// columns; `--fix` writes them back in their own encoding, BOM and line endings; undecodable files are refused.
/// Fixtures: Tests/Fixtures/encodings/, written by Scripts/robustness/make-encoding-fixtures.py.
@Suite struct EncodingTests {
  static let folder = GoldenCorpusTests.fixtures.appendingPathComponent("encodings")

  /// Each readable fixture and the `encoding` the JSON report must give it.
  static let readable: [(name: String, encoding: String)] = [
    ("seed-utf8-bom.txt", "utf-8-bom"), ("seed-utf8-bom-crlf.txt", "utf-8-bom"), ("seed-utf16le.txt", "utf-16le"),
    ("seed-utf16be-crlf.txt", "utf-16be"), ("seed-gb18030-crlf.txt", "gb18030"), ("seed-gbk.txt", "gb18030"),
    ("seed-crlf.txt", "utf-8"), ("seed-cr.txt", "utf-8"), ("seed-mixed.txt", "utf-8"),
  ]
  static let undecodable = [
    "undecodable-bytes.bin", "undecodable-utf8-bom.bin", "undecodable-utf16le-odd.bin", "undecodable-utf16le-surrogate.bin",
  ]

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
  static func bytes(_ name: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path(name)) ?? Data()) }

  /// The findings of a JSON report, each as canonical JSON text (code, message, ranges, related, fixes).
  static func findings(_ run: CLIRun) -> [String] {
    run.diagnostics.map { diagnostic in
      String(decoding: try! JSONSerialization.data(withJSONObject: diagnostic, options: [.sortedKeys]), as: UTF8.self)
    }
  }

  static func encoding(_ run: CLIRun) -> String? {
    let report = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    return (report?["files"] as? [[String: Any]])?.first?["encoding"] as? String
  }

  /// The line breaks of a text in order: "\n", "\r\n" or "\r".
  static func lineBreaks(_ bytes: [UInt8]) -> [String] {
    var breaks: [String] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D {
        let crlf = index + 1 < bytes.count && bytes[index + 1] == 0x0A
        breaks.append(crlf ? "\r\n" : "\r")
        index += crlf ? 2 : 1
      } else {
        if bytes[index] == 0x0A { breaks.append("\n") }
        index += 1
      }
    }
    return breaks
  }

  static func lf(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
      out.append(byte == 0x0D ? 0x0A : byte)
    }
    return out
  }

  /// Whether `part` is `whole` with some elements removed.
  static func isSubsequence(_ part: [String], of whole: [String]) -> Bool {
    var iterator = whole.makeIterator()
    return part.allSatisfy { element in
      while let next = iterator.next() { if next == element { return true } }
      return false
    }
  }

  @Test func fixturesAreCurrent() throws {
    let script = Seed.repositoryRoot.appendingPathComponent("Scripts/robustness/make-encoding-fixtures.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, "--check"]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "run Scripts/robustness/make-encoding-fixtures.py")
  }

  @Test(arguments: readable.map(\.name))
  func sameFindingsAsUTF8(_ name: String) throws {
    let utf8 = CLIRun(["check", "--format", "json", Seed.url.path])
    let run = CLIRun(["check", "--format", "json", Self.path(name)])
    #expect(run.exitCode == utf8.exitCode, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect(Self.encoding(run) == Self.readable.first { $0.name == name }?.encoding)
    let expected = Self.findings(utf8)
    let reported = Self.findings(run)
    #expect(!expected.isEmpty)
    #expect(reported.count == expected.count)
    for (index, pair) in zip(reported, expected).enumerated() where pair.0 != pair.1 {
      Issue.record("finding \(index) differs:\n  \(name): \(pair.0)\n  utf-8: \(pair.1)")
      break
    }
    // The same holds in the text report (1-based line:column) and in SARIF.
    for format in ["text", "sarif"] {
      let expectedText = CLIRun(["check", "--format", format, Seed.url.path]).stdout
      let text = CLIRun(["check", "--format", format, Self.path(name)]).stdout
      #expect(text.replacingOccurrences(of: Self.path(name), with: Seed.url.path) == expectedText, "\(format) report differs")
    }
  }

  /// Done-when of the encoding issue: a GB18030 CRLF copy of the seed gives exactly the seed's expected findings.
  @Test func gb18030CRLFGivesTheExpectedFindings() throws {
    let reported = try GoldenCorpusTests.reportedPairs(Self.path("seed-gb18030-crlf.txt"))
    #expect(reported == (try GoldenCorpusTests.reportedPairs(Seed.url.path)), "differs from the UTF-8 seed")
    let expected = try GoldenCorpusTests.expectedPairs()
    #expect(expected.subtracting(reported).sorted() == [], "missing findings")
    #expect(reported.subtracting(expected).sorted() == [], "extra findings")
  }

  /// `--fix` on each variant gives the UTF-8 seed's fixed text, in the variant's encoding, BOM and line endings.
  @Test(arguments: readable.map(\.name))
  func fixKeepsEncodingBOMAndLineEndings(_ name: String) throws {
    let folder = try ScratchFolder()
    let seedCopy = try folder.write("seed.txt", Seed.bytes)
    _ = CLIRun(["check", "--fix", seedCopy])
    let fixedSeed = [UInt8](FileManager.default.contents(atPath: seedCopy)!)
    #expect(fixedSeed != Seed.bytes, "the seed has safe fixes")

    let original = Self.bytes(name)
    let path = try folder.write(name, original)
    let run = CLIRun(["check", "--fix", path])
    #expect(!run.stderr.contains("error"), "\(run.stderr)")
    let written = [UInt8](FileManager.default.contents(atPath: path)!)
    let before = try SourceFile(path: name, bytes: original)
    let after = try SourceFile(path: name, bytes: written)
    #expect(after.encoding == before.encoding)
    #expect(written.starts(with: [0xEF, 0xBB, 0xBF]) == original.starts(with: [0xEF, 0xBB, 0xBF]))
    // Same text as the fixed seed once line breaks are made LF (and a UTF-8 BOM dropped).
    let text = after.utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(after.utf8.dropFirst(3)) : after.utf8
    #expect(Self.lf(text) == fixedSeed, "fixed text differs from the fixed UTF-8 seed")
    // Line breaks keep their style: those left are the original's, in order (a fix may join two lines).
    let breaks = Self.lineBreaks(after.utf8)
    #expect(breaks.count == Self.lineBreaks(fixedSeed).count)
    #expect(Self.isSubsequence(breaks, of: Self.lineBreaks(before.utf8)), "line breaks changed style")
    // Nothing but the file itself: no temporary file left beside it.
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(left == [name, "seed.txt"].sorted())
  }

  @Test(arguments: undecodable)
  func undecodableFilesAreRefusedAndNeverWritten(_ name: String) throws {
    let folder = try ScratchFolder()
    let original = Self.bytes(name)
    let path = try folder.write(name, original)
    let good = try folder.write("good.txt", Seed.bytes)
    // The readable file named alongside is still checked and reported.
    let expected = Self.findings(CLIRun(["check", "--format", "json", Seed.url.path]))
    #expect(Self.findings(CLIRun(["check", "--format", "json", path, good])).count == expected.count)
    for arguments in [["check", "--format", "json", path, good], ["check", "--fix", path, good], ["check", "--diff", path]] {
      let run = CLIRun(arguments + ["--lang", "en"])
      #expect(run.exitCode == ExitCode.usage, "\(arguments)")
      // Bytes with NULs are called binary before decoding; the others fail to decode.
      #expect(
        run.stderr.contains("\(path): not UTF-8, UTF-16 or UTF-32 (with BOM) or GB18030 text") || run.stderr.contains("\(path): this is a binary file"),
        "\(run.stderr)")
      #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == original)
    }
  }

  /// cp936's single byte 0x80 (€) decodes, but GB18030 encodes € as A2 E3: checked, never written.
  @Test func gbkEuroByteIsCheckedButNotWritten() throws {
    let folder = try ScratchFolder()
    let original = Self.bytes("seed-gbk-euro-byte.txt")
    let path = try folder.write("euro.txt", original)
    let check = CLIRun(["check", "--format", "json", path])
    #expect(Self.encoding(check) == "gb18030")
    #expect(!check.diagnostics.isEmpty)
    let fix = CLIRun(["check", "--lang", "en", "--fix", path])
    #expect(fix.exitCode == ExitCode.usage)
    #expect(fix.stderr.contains("not written"), "\(fix.stderr)")
    #expect([UInt8](FileManager.default.contents(atPath: path)!) == original)
  }

  /// GB18030 four-byte sequences (outside the BMP, and BMP characters outside GBK) count as one column, as in UTF-8.
  /// (Not U+E5E5: Foundation reads its GB18030 bytes A3 A0 back as U+3000.)
  @Test func gb18030FourByteCharactersKeepColumns() throws {
    let folder = try ScratchFolder()
    let prefix = "𠀀Ā€"
    var lines = Seed.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Append to the title line (line 2), before which no finding starts; columns after it must not move.
    lines[1] += prefix
    let text = lines.joined(separator: "\n")
    let utf8 = try folder.write("utf8.txt", text)
    let gb = try folder.write("gb.txt", [UInt8](text.data(using: String.Encoding(rawValue: 0x8000_0632))!))
    #expect(try SourceFile.read(path: gb).encoding == .gb18030)
    let expected = Self.findings(CLIRun(["check", "--format", "json", utf8]))
    #expect(Self.findings(CLIRun(["check", "--format", "json", gb])) == expected)
    _ = CLIRun(["check", "--fix", utf8])
    _ = CLIRun(["check", "--fix", gb])
    let fixed = try SourceFile.read(path: gb)
    let sameText = fixed.utf8 == [UInt8](FileManager.default.contents(atPath: utf8)!)
    #expect(sameText, "the fixed GB18030 file does not hold the fixed UTF-8 text")
    #expect(fixed.isWritable)
  }

  // MARK: - Writing

  @Test func fixWritesThroughASymbolicLink() throws {
    let folder = try ScratchFolder()
    let target = try folder.write("target.txt", Self.bytes("seed-utf16le.txt"))
    let link = folder.url.appendingPathComponent("link.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
    let run = CLIRun(["check", "--fix", link])
    #expect(!run.stderr.contains("error"), "\(run.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
    let fixed = try SourceFile.read(path: target)
    #expect(fixed.encoding == .utf16LE)
    #expect(fixed.original != Self.bytes("seed-utf16le.txt"))
  }

  @Test func writeRefusesAFileChangedOnDisk() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Self.bytes("seed-gb18030-crlf.txt"))
    let source = try SourceFile.read(path: path)
    let changed: [UInt8] = Array("changed by someone else\r\n".utf8)
    try folder.write("seed.txt", changed)
    #expect(throws: SourceFileError.self) { try source.write(Array("新的内容\r\n".utf8)) }
    #expect([UInt8](FileManager.default.contents(atPath: path)!) == changed)
  }

  @Test func writeKeepsPermissionsAndRoundTripsEveryEncoding() throws {
    let folder = try ScratchFolder()
    for (name, _) in Self.readable {
      let original = Self.bytes(name)
      let path = try folder.write(name, original)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
      let source = try SourceFile.read(path: path)
      #expect(source.isWritable, "\(name)")
      try source.write(source.utf8)
      #expect([UInt8](FileManager.default.contents(atPath: path)!) == original, "\(name) changed by an identity write")
      #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }
  }

  @Test func detectionEdgeCases() throws {
    // Empty and pure ASCII are UTF-8; a lone UTF-16 BOM is empty UTF-16.
    #expect(try SourceFile(path: "a", bytes: []).encoding == .utf8)
    #expect(try SourceFile(path: "a", bytes: Array("abc\r\n".utf8)).encoding == .utf8)
    #expect(try SourceFile(path: "a", bytes: [0xFF, 0xFE]).utf8 == [])
    #expect(try SourceFile(path: "a", bytes: [0xFE, 0xFF, 0x4E, 0x2D]).utf8 == Array("中".utf8))
    // GB18030's own BOM (84 31 95 33) decodes to U+FEFF, which the tree reads as a BOM, and writes back.
    let gbBOM = try SourceFile(path: "a", bytes: [0x84, 0x31, 0x95, 0x33, 0xD6, 0xD0])
    #expect(gbBOM.encoding == .gb18030)
    #expect(gbBOM.utf8 == [0xEF, 0xBB, 0xBF] + Array("中".utf8))
    #expect(gbBOM.isWritable)
    // Truncated sequences are refused rather than guessed at.
    // Invalid UTF-8 is often valid GB18030 (E4 B8 41 reads as 涓A): GB18030 is the last resort, not a guess.
    #expect(try SourceFile(path: "a", bytes: [0xE4, 0xB8, 0x41]).encoding == .gb18030)
    #expect(throws: SourceFileError.self) { try SourceFile(path: "a", bytes: [0x41, 0xD6]) }
    #expect(throws: SourceFileError.self) { try SourceFile(path: "a", bytes: [0xFF, 0xFE, 0x00, 0xDC]) }
  }

  @Test func unreadablePathsGiveAClearError() throws {
    let folder = try ScratchFolder()
    #expect(throws: SourceFileError.self) { try SourceFile.read(path: folder.url.path) }
    let run = CLIRun(["check", folder.url.appendingPathComponent("missing.txt").path])
    #expect(run.exitCode == ExitCode.usage)
  }
}
