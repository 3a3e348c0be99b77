import Foundation
import Testing

@testable import JixiaoCLI

/// The seed filing must produce exactly the (line, code) pairs of its expected TSV, no more, no fewer.
@Suite struct GoldenCorpusTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func expectedPairs() throws -> Set<String> {
    let text = try String(contentsOf: fixtures.appendingPathComponent("linwu-sifaju-2021.expected.tsv"), encoding: .utf8)
    return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
      let fields = line.split(separator: "\t")
      return "\(fields[0])\t\(fields[1])"
    })
  }

  static func reportedPairs(_ path: String, extra: [String] = []) throws -> Set<String> {
    var output = ""
    let console = Console(out: { output += $0 }, err: { _ in }, input: { [] })
    _ = Jixiao.main(["check", "--format", "json"] + extra + [path], console: console)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let files = try #require(report["files"] as? [[String: Any]])
    var pairs: Set<String> = []
    for file in files {
      for diagnostic in try #require(file["diagnostics"] as? [[String: Any]]) {
        let range = try #require(diagnostic["range"] as? [String: Any])
        let start = try #require(range["start"] as? [String: Any])
        pairs.insert("\(try #require(start["line"] as? Int))\t\(try #require(diagnostic["code"] as? String))")
      }
    }
    return pairs
  }

  @Test func seedReportsExactlyTheExpectedFindings() throws {
    let reported = try Self.reportedPairs(Self.fixtures.appendingPathComponent("linwu-sifaju-2021.txt").path)
    let expected = try Self.expectedPairs()
    #expect(expected.subtracting(reported).sorted() == [], "missing findings")
    #expect(reported.subtracting(expected).sorted() == [], "extra findings")
  }
}
