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

  /// A bad file, and what stderr says in Chinese (the default) and in English: file, line, key and the problem, all in
  /// the chosen language (the Chinese text used to carry an English detail).
  static let badConfigurations: [(text: String, zh: String, en: String)] = [
    ("{\n  \"rules\": {\n    \"JX301\": \"warning\",\n  }\n", ".jixiao.json：不是有效的 JSON（", ".jixiao.json: not valid JSON ("),
    ("{\n  \"year\": \"2021\"\n}\n", ".jixiao.json:2：键 \"year\"：应为年份，如 2021", ".jixiao.json:2: key \"year\": must be a year such as 2021"),
    (
      "{\n  \"rules\": {\n    \"JX999\": \"off\"\n  }\n}\n", ".jixiao.json:3：键 \"rules.JX999\"：没有这个代码或名称的规则",
      ".jixiao.json:3: key \"rules.JX999\": no rule has this code or name"
    ),
    (
      "{\n  \"profile\": \"anhui\"\n}\n", ".jixiao.json:2：键 \"profile\"：应为以下之一：hunan-2021、mof-2015、mof-2021",
      ".jixiao.json:2: key \"profile\": must be one of hunan-2021, mof-2015, mof-2021"
    ),
    ("[1, 2]", ".jixiao.json:1：最外层必须是一个 JSON 对象", ".jixiao.json:1: the top level must be a JSON object"),
  ]

  @Test(arguments: 0..<badConfigurations.count)
  func badConfigurationsNameFileLineAndKey(_ index: Int) throws {
    let (text, zh, en) = Self.badConfigurations[index]
    let folder = try ScratchFolder()
    try folder.write(".jixiao.json", text)
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", path])
    #expect(run.exitCode == 2)
    #expect(run.stderr.contains(zh), "stderr: \(run.stderr)")
    #expect(!run.stderr.contains("must be") && !run.stderr.contains(" key "), "English inside the Chinese message: \(run.stderr)")
    let english = CLIRun(["check", "--lang", "en", path])
    #expect(english.exitCode == 2)
    #expect(english.stderr.contains(en), "stderr: \(english.stderr)")
  }

  @Test func unknownKeyIsAWarning() throws {
    let folder = try ScratchFolder()
    try folder.write(".jixiao.json", "{\n  \"colour\": true\n}\n")
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", "--lang", "en", "--select", "JX301", path])
    #expect(run.exitCode == 1)
    #expect(run.stderr.contains("warning: ") && run.stderr.contains(".jixiao.json:2: unknown key \"colour\" ignored"))
    let chinese = CLIRun(["check", "--select", "JX301", path])
    #expect(chinese.stderr.contains("警告：") && chinese.stderr.contains(".jixiao.json:2：未知的键 \"colour\"，已忽略"), "\(chinese.stderr)")
  }
}
