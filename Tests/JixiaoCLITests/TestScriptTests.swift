import Foundation
import Testing

/// Scripts/test is what CI runs: a suite it names must run, and a missing one must fail the run.
@Suite struct TestScriptTests {
  static let script = Seed.repositoryRoot.appendingPathComponent("Scripts/test")

  static func lines() throws -> [String] {
    try String(contentsOf: script, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  @Test func noSuiteIsSkippedWhenItsScriptIsMissing() throws {
    // `[ -x Scripts/test-x ] && run …` skips a deleted or non-executable suite and reports success.
    let guarded = try Self.lines().filter { $0.contains("[ -x") || $0.contains("test -x") || $0.contains("[ -f") }
    #expect(guarded.isEmpty, "guarded suites: \(guarded)")
  }

  @Test func everyTestScriptInScriptsIsRun() throws {
    let folder = Seed.repositoryRoot.appendingPathComponent("Scripts")
    let suites = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("test-") }
    #expect(!suites.isEmpty)
    let runLines = try Self.lines().filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("run ") }
    for suite in suites {
      #expect(runLines.contains { $0.contains(" Scripts/\(suite)") }, "Scripts/\(suite) is not run by Scripts/test")
    }
    for line in runLines {
      guard let range = line.range(of: #"Scripts/[A-Za-z0-9-]+"#, options: .regularExpression) else { continue }
      let path = Seed.repositoryRoot.appendingPathComponent(String(line[range])).path
      #expect(FileManager.default.isExecutableFile(atPath: path), "\(line) runs a script that is missing")
    }
  }
}
