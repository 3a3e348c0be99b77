import FormLint
import Foundation
import Testing

@testable import JixiaoCLI

/// `jixiao templates` lists the families from the data, and Documentation/TEMPLATES.md is generated from it.
@Suite struct TemplatesCommandTests {
  @Test func listsEveryFamily() {
    let run = CLIRun(["templates"])
    #expect(run.exitCode == 0)
    for id in ["hunan-county", "poverty-alleviation", "transfer-region", "one-system-2021"] { #expect(run.stdout.contains(id)) }
  }

  @Test func committedPageIsCurrent() throws {
    let path = Seed.repositoryRoot.appendingPathComponent("Documentation/TEMPLATES.md").path
    let committed = try #require(FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) })
    #expect(committed == TemplateDocs.page(), "run `jixiao templates --write`")
    #expect(CLIRun(["templates", "--check", "--output", path]).exitCode == 0)
    let folder = try ScratchFolder()
    let stale = try folder.write("TEMPLATES.md", "old")
    #expect(CLIRun(["templates", "--check", "--output", stale]).exitCode == 1)
  }
}
