import FormLint
import FormSyntax
import Foundation
import LSP
import Testing

@testable import FormServer

/// A keystroke must cost work proportional to the edited form: the tree reuses nodes, the linter its findings, the
/// conversion cache its LSP positions and JSON.
@Suite struct IncrementalCostTests {
  @Test func keystrokeConvertsOnlyTheEditedForm() throws {
    let text = String(repeating: Seed.text, count: 20)
    var tree = SyntaxTree(parsing: text)
    let linter = Linter()
    let options = ConversionOptions(unit: .utf16, language: .zh, includeRelated: true, documentation: nil)
    var cache = DiagnosticConversionCache()
    cache.update(perNode: linter.lintPerNode(tree), tree: tree, options: options)
    let before = try diagnostics(cache)
    #expect(cache.lastConvertedNodeCount == tree.nodes.count)

    // Type a digit into the budget of form 50 of 100 (line 10 of that copy of the seed).
    let offset = PositionMapping(tree: tree, unit: .utf16).offset(Position(line: 9 + 536 * 10, character: 1))
    tree = tree.applying(SourceEdit(range: offset..<offset, replacement: "1")).tree
    let findings = linter.lintPerNode(tree)
    #expect(linter.lastCheckedFormCount <= 3)
    cache.update(perNode: findings, tree: tree, options: options)
    #expect(cache.lastConvertedNodeCount == 1)
    let after = try diagnostics(cache)

    // Same result as converting from scratch.
    var fresh = DiagnosticConversionCache()
    fresh.update(perNode: Linter().lintPerNode(tree), tree: tree, options: options)
    #expect(try after.map(withoutKey) == diagnostics(fresh).map(withoutKey))
    // 114万 covers the 20万 of costs: that form's JX301 is gone, the other copies keep theirs.
    func budgetFindings(_ json: [JSONValue]) -> [Int] {
      json.filter { $0["code"] == "JX301" }.compactMap { $0["range"]?["start"]?["line"]?.intValue }
    }
    #expect(budgetFindings(before).contains(9 + 536 * 10))
    #expect(budgetFindings(after) == budgetFindings(before).filter { $0 != 9 + 536 * 10 })
  }

  /// The diagnostics a cache sends, parsed back.
  private func diagnostics(_ cache: DiagnosticConversionCache) throws -> [JSONValue] {
    try #require(try JSONValue(parsing: cache.serialized(uri: "file:///x.txt").bytes).arrayValue)
  }

  /// A diagnostic without its key (keys name cache entries, which differ between two caches).
  private func withoutKey(_ diagnostic: JSONValue) -> JSONValue { diagnostic.setting("data", .null) }
}
