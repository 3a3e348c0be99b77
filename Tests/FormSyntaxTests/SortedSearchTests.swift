import Sequences
import Testing

/// The one binary search (#16 item 15) against a linear scan, on every small sorted array.
@Suite struct SortedSearchTests {
  @Test func partitionPointAndLastIndexMatchALinearScan() {
    var generator = SystemRandomNumberGenerator()
    for count in 0...12 {
      for _ in 0..<50 {
        let values = (0..<count).map { _ in Int.random(in: 0...20, using: &generator) }.sorted()
        for target in -1...21 {
          let firstAfter = values.firstIndex { $0 > target } ?? values.count
          #expect(values.partitionPoint { $0 > target } == firstAfter, "\(values) \(target)")
          let lastNotAfter = values.lastIndex { $0 <= target } ?? 0
          #expect(values.lastIndexNotAfter { $0 > target } == lastNotAfter, "\(values) \(target)")
        }
      }
    }
    #expect(ArraySlice([1, 2, 3, 4])[1...].partitionPoint { $0 >= 3 } == 2)
  }
}

/// The LCS diff: the script is as short as the longest common subsequence allows, keeps and deletes walk `old`
/// in order, and applying it gives `new`, with either tie rule.
@Suite struct LineDiffTests {
  @Test(arguments: [false, true]) func lcsDiffIsAShortestScriptThatGivesTheNewSequence(deletingFirst: Bool) {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let old = (0..<Int.random(in: 0...9, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
      let new = (0..<Int.random(in: 0...9, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
      let steps = old.lcsDiff(to: new, deletingFirst: deletingFirst)
      var rebuilt: [Int] = []
      var oldSeen: [Int] = []
      var keeps = 0
      for step in steps {
        switch step {
        case .keep(let index, let added):
          #expect(old[index] == new[added])
          rebuilt.append(new[added])
          oldSeen.append(index)
          keeps += 1
        case .delete(let index): oldSeen.append(index)
        case .insert(let added, _): rebuilt.append(new[added])
        }
      }
      #expect(rebuilt == new, "\(old) → \(new)")
      #expect(oldSeen == Array(old.indices))
      #expect(keeps == Self.lcsLength(old, new), "\(old) → \(new)")
    }
  }

  @Test func tiesFollowTheRule() {
    // One line replaced: the deletion comes first or the insertion does, as asked.
    #expect([1].lcsDiff(to: [2], deletingFirst: true) == [.delete(old: 0), .insert(new: 0, before: 1)])
    #expect([1].lcsDiff(to: [2], deletingFirst: false) == [.insert(new: 0, before: 0), .delete(old: 0)])
  }

  /// The LCS length by brute force over the subsets of `old`.
  static func lcsLength(_ old: [Int], _ new: [Int]) -> Int {
    var best = 0
    for mask in 0..<(1 << old.count) {
      let kept = old.indices.filter { mask & (1 << $0) != 0 }.map { old[$0] }
      var index = 0
      for element in new where index < kept.count && kept[index] == element { index += 1 }
      if index == kept.count { best = max(best, kept.count) }
    }
    return best
  }
}
