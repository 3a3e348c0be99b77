/// One step of an edit script between two sequences.
public enum DiffStep: Equatable, Sendable {
  /// `old[old]` and `new[new]` are the same element.
  case keep(old: Int, new: Int)
  /// `old[old]` is removed.
  case delete(old: Int)
  /// `new[new]` is inserted before `old[before]` (`old.count` at the end).
  case insert(new: Int, before: Int)
}

extension RandomAccessCollection where Index == Int, Element: Equatable {
  /// A shortest edit script turning `self` into `new`, by the longest-common-subsequence table: O(n·m) time and
  /// memory, for short texts (rule examples, snapshots). Where a delete and an insert are equally short, the
  /// script deletes first when `deletingFirst`, else inserts first. Long inputs want Myers' linear-space
  /// search (the CLI's `--diff`).
  public func lcsDiff(to new: some RandomAccessCollection<Element>, deletingFirst: Bool) -> [DiffStep] {
    let old = Array(self)
    let new = Array(new)
    // lengths[i][j]: the LCS length of old[i...] and new[j...].
    var lengths = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : Swift.max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var steps: [DiffStep] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count && j < new.count && old[i] == new[j] {
        steps.append(.keep(old: i, new: j))
        i += 1
        j += 1
      } else if i < old.count
        && (j == new.count
          || (deletingFirst ? lengths[i + 1][j] >= lengths[i][j + 1] : lengths[i + 1][j] > lengths[i][j + 1]))
      {
        steps.append(.delete(old: i))
        i += 1
      } else {
        steps.append(.insert(new: j, before: i))
        j += 1
      }
    }
    return steps
  }
}
