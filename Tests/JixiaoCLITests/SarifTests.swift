import Foundation
import Testing

@testable import JixiaoCLI

/// SARIF 2.1.0 checks written here against the subset we emit (the OASIS schema is not committed).
@Suite struct SarifTests {
  @Test func sarifHasTheRequiredStructure() throws {
    let run = CLIRun(["check", "--format", "sarif", Seed.url.path])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "jixiao")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    #expect(ids.contains("JX301"))
    for rule in rules {
      #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
      #expect((rule["helpUri"] as? String)?.hasPrefix("https://") == true)
      #expect(["error", "warning", "note"].contains((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""))
    }
    let results = try #require(runs[0]["results"] as? [[String: Any]])
    #expect(!results.isEmpty)
    for result in results {
      let ruleId = try #require(result["ruleId"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ids[index] == ruleId)
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
      #expect((result["message"] as? [String: Any])?["text"] is String)
      let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      let region = try #require(location["region"] as? [String: Int])
      #expect(region["startLine"]! >= 1 && region["startColumn"]! >= 1)
      #expect((region["endLine"]!, region["endColumn"]!) >= (region["startLine"]!, region["startColumn"]!))
      for fix in (result["fixes"] as? [[String: Any]]) ?? [] {
        let changes = try #require(fix["artifactChanges"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        for change in changes {
          #expect((change["artifactLocation"] as? [String: Any])?["uri"] is String)
          for replacement in try #require(change["replacements"] as? [[String: Any]]) {
            #expect(replacement["deletedRegion"] is [String: Int])
          }
        }
      }
    }
    let budget = try #require(results.first { $0["ruleId"] as? String == "JX301" })
    let region = (budget["locations"] as? [[String: Any]])?.first.flatMap { ($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Int] }
    #expect(region == ["startLine": 10, "startColumn": 2, "endLine": 10, "endColumn": 5])
  }
}
