import Foundation
import Testing

@testable import JixiaoCLI

@Suite struct ConfigurationTests {
  @Test func configurationIsFoundWalkingUpAndApplied() throws {
    let folder = try ScratchFolder()
    try folder.write(".jixiao.json", #"{"rules": {"JX301": "warning"}, "ignore": ["JX5"]}"#)
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("2021"), withIntermediateDirectories: true)
    let path = try folder.write("2021/seed.txt", Seed.bytes)
    let run = CLIRun(["check", "--format", "json", path])
    #expect(run.exitCode == (run.diagnostics.contains { $0["severity"] as? String == "error" } ? 1 : 0))
    let budget = run.diagnostics.filter { $0["code"] as? String == "JX301" }
    #expect(budget.count == 3 && budget.allSatisfy { $0["severity"] as? String == "warning" })
    #expect(!run.diagnostics.contains { ($0["code"] as? String ?? "").hasPrefix("JX5") })
  }

  @Test func perFormIgnores() throws {
    let folder = try ScratchFolder()
    try folder.write(".jixiao.json", #"{"ignores": [{"path": "*.txt", "form": "5-2", "rules": ["JX301"]}]}"#)
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", "--format", "json", "--select", "JX301", path])
    #expect(run.pairs == ["10:JX301", "439:JX301"])
  }

  @Test func explicitConfigOverridesTheSearch() throws {
    let folder = try ScratchFolder()
    try folder.write(".jixiao.json", #"{"rules": {"JX301": "off"}}"#)
    let other = try folder.write("other.json", #"{"language": "en"}"#)
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", "--config", other, "--format", "json", "--select", "JX301", path])
    #expect(run.pairs.count == 3)
    #expect((run.diagnostics.first?["message"] as? String)?.hasPrefix("The amounts") == true)
  }

  static let badConfigurations: [(text: String, expected: String)] = [
    ("{\n  \"rules\": {\n    \"JX301\": \"warning\",\n  }\n", ".jixiao.json:"),
    ("{\n  \"year\": \"2021\"\n}\n", ".jixiao.json:2: key \"year\": must be a year such as 2021"),
    ("{\n  \"rules\": {\n    \"JX999\": \"off\"\n  }\n}\n", ".jixiao.json:3: key \"rules.JX999\": no rule has this code or name"),
    ("{\n  \"profile\": \"anhui\"\n}\n", ".jixiao.json:2: key \"profile\": must be one of hunan-2021, mof-2015, mof-2021"),
    ("[1, 2]", ".jixiao.json:1: the top level must be a JSON object"),
  ]

  @Test(arguments: 0..<badConfigurations.count)
  func badConfigurationsNameFileLineAndKey(_ index: Int) throws {
    let (text, expected) = Self.badConfigurations[index]
    let folder = try ScratchFolder()
    try folder.write(".jixiao.json", text)
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", path])
    #expect(run.exitCode == 2)
    #expect(run.stderr.contains(expected), "stderr: \(run.stderr)")
  }

  @Test func unknownKeyIsAWarning() throws {
    let folder = try ScratchFolder()
    try folder.write(".jixiao.json", "{\n  \"colour\": true\n}\n")
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", "--lang", "en", "--select", "JX301", path])
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("warning: ") && run.stderr.contains(".jixiao.json:2: unknown key \"colour\" ignored"))
  }
}
