import Foundation
import FormTestSupport
import Testing

@testable import JixiaoCLI

/// README.md's "What it prints" is what `jixiao check Examples/linwu-sifaju-2021.txt` prints: each of its blocks
/// (a finding with its excerpt, the summary line) stands in the real output, verbatim and in that order.
@Suite struct ReadmeTests {
  static func block(after heading: String, in readme: String) throws -> String {
    let section = try #require(readme.range(of: heading + "\n\n```text\n"))
    let end = try #require(readme.range(of: "\n```", range: section.upperBound..<readme.endIndex))
    return String(readme[section.upperBound..<end.lowerBound])
  }

  @Test func whatItPrintsIsWhatTheExampleGives() throws {
    let root = Fixtures.repositoryRoot()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let shown = try Self.block(after: "## What it prints", in: readme)
    let example = "Examples/linwu-sifaju-2021.txt"
    let run = CLIRun(["check", root.appendingPathComponent(example).path], environment: ["NO_COLOR": "1"])
    #expect(run.exitCode == 1)
    let output = run.stdout.replacingAll(root.appendingPathComponent(example).path, with: example)
    let blocks = shown.components(separatedBy: "\n\n")
    #expect(blocks.count >= 3)
    var searchFrom = output.startIndex
    for block in blocks {
      let found = output.range(of: block, range: searchFrom..<output.endIndex)
      #expect(found != nil, "README block not in the output (or out of order):\n\(block)")
      if let found { searchFrom = found.upperBound }
    }
  }
}
