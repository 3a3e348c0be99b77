import FormLint
import Foundation
import Testing

@testable import JixiaoCLI

/// Size limits and pathological shapes: the file-size limit (option and configuration), a single 1 MB line, and
/// 100,000 forms in one file. The 200 MB file is in Scripts/test-robustness (ROBUSTNESS_LARGE=1).
@Suite struct LimitsTests {
  @Test func defaultLimitIs64MiB() {
    #expect(SourceFile.defaultMaximumSize == 64 * 1024 * 1024)
  }

  @Test func maxFileSizeOptionRefusesLargerFiles() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    let size = Seed.bytes.count
    let refused = CLIRun(["check", "--lang", "en", "--max-file-size", String(size - 1), path])
    #expect(refused.exitCode == ExitCode.usage)
    #expect(refused.stderr.contains("\(size) bytes is more than the limit of \(size - 1) bytes"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--max-file-size"))
    #expect(CLIRun(["check", "--max-file-size", String(size), path]).exitCode == ExitCode.findings)
    #expect(CLIRun(["check", "--max-file-size", "0", path]).exitCode == ExitCode.usage)
    #expect(CLIRun(["check", "--max-file-size", "lots", path]).exitCode == ExitCode.usage)
    // A refused file is never written.
    _ = CLIRun(["check", "--fix", "--max-file-size", "100", path])
    #expect([UInt8](FileManager.default.contents(atPath: path)!) == Seed.bytes)
  }

  @Test func maxFileSizeInConfigurationIsHonoured() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    try folder.write(".jixiao.json", #"{"maxFileSize": 1000}"#)
    let refused = CLIRun(["check", "--lang", "en", path])
    #expect(refused.exitCode == ExitCode.usage)
    #expect(refused.stderr.contains("more than the limit of 1000 bytes"), "\(refused.stderr)")
    // The option overrides the configuration.
    #expect(CLIRun(["check", "--max-file-size", String(Seed.bytes.count), path]).exitCode == ExitCode.findings)
    try folder.write(".jixiao.json", #"{"maxFileSize": 100000}"#)
    #expect(CLIRun(["check", path]).exitCode == ExitCode.findings)
  }

  @Test func standardInputHasTheLimitToo() {
    let run = CLIRun(["check", "--lang", "en", "--max-file-size", "10", "-"], stdin: Seed.text)
    #expect(run.exitCode == ExitCode.usage)
    #expect(run.stderr.contains("more than the limit of 10 bytes"), "\(run.stderr)")
  }

  @Test func readStopsAtTheLimitForFilesOfUnknownSize() throws {
    // /dev/zero reports size 0 and never ends: read as an explicit stream, reading must stop just past the limit.
    #expect(throws: SourceFileError.tooLarge(path: "/dev/zero", size: 4097, limit: 4096)) {
      try SourceFile.read(path: "/dev/zero", maximumSize: 4096, allowStreams: true)
    }
    // Named as a form file, it is not one: only regular files are read.
    #expect(throws: SourceFileError.unreadable(path: "/dev/zero", reason: "not a regular file (a character device); only regular files are checked")) {
      try SourceFile.read(path: "/dev/zero", maximumSize: 4096)
    }
  }

  /// One line of 1 MB (a header cell holding 1 MB of mixed CJK, ASCII and punctuation): checked, no crash.
  @Test func oneMegabyteLine() throws {
    let folder = try ScratchFolder()
    let cell = String(repeating: "中a，  ", count: (1 << 20) / 9)
    let text = "附件5-1\n2021年项目支出绩效目标表\n\t项目名称\t\(cell)\n\t主管部门\t临武县司法局\n"
    let path = try folder.write("long.txt", text)
    let run = CLIRun(["check", "--format", "json", "--max-findings", "0", path])
    // The form has no budget, goals or indicators: required fields are missing (errors), and the long cell's
    // stray spaces are reported inside it.
    #expect(run.exitCode == ExitCode.findings, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let starts = run.diagnostics.compactMap(Self.start)
    #expect(starts.count == run.diagnostics.count && !starts.isEmpty)
    #expect(run.diagnostics.contains { $0["code"] as? String == "JX101" })
    for (line, column) in starts { #expect(line >= 1 && line <= 5 && column >= 1) }
    // Fixing it terminates too, and only touches the line's stray spaces.
    let fix = CLIRun(["check", "--fix", path])
    #expect(!fix.stderr.contains("error"), "\(fix.stderr)")
  }

  /// 30,000 small forms in one file (2.3 MB): every form is checked, findings stay per form, no crash.
  /// (The 100,000-form case runs against the release binary in `ROBUSTNESS_LARGE=1 Scripts/test-robustness`:
  /// the 200 MB file holds about 95,000 forms; a debug build takes minutes for it.)
  @Test func manySmallForms() throws {
    let folder = try ScratchFolder()
    var text = ""
    text.reserveCapacity(8 << 20)
    for index in 0..<Self.formCount { text += "附件5-\(index)\n2021年项目支出绩效目标表\n\t项目名称\t测试项目\(index)\n\n" }
    let path = try folder.write("many.txt", text)
    let run = CLIRun(["check", "--statistics", "--format", "json", "--max-findings", "0", path])
    #expect(run.exitCode == ExitCode.findings, "\(run.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    // Each form lacks the same fields and indicators, so every per-form count is a multiple of the form count.
    #expect(!rows.isEmpty)
    for row in rows where (row["count"] as? Int ?? 0) >= Self.formCount {
      #expect((row["count"] as? Int ?? 0) % Self.formCount == 0, "\(row)")
    }
  }

  static let formCount = 30_000

  static func start(_ diagnostic: [String: Any]) -> (Int, Int)? {
    guard let start = (diagnostic["range"] as? [String: Any])?["start"] as? [String: Any],
      let line = start["line"] as? Int, let column = start["column"] as? Int
    else { return nil }
    return (line, column)
  }
}
