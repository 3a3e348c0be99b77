extension RandomAccessCollection {
  /// Binary search: the first index whose element satisfies `isInSecondPart`, for a collection partitioned so
  /// that every element failing the predicate comes before every element satisfying it (`endIndex` when none
  /// does). The one binary search of the code base: "the last line starting at or before an offset" is
  /// `lineStarts.lastIndexNotAfter { $0 > offset }`.
  @inlinable
  public func partitionPoint(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if try isInSecondPart(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}

extension RandomAccessCollection where Index == Int {
  /// The last index whose element is at or before `target` by the partition `isAfter` (elements after the
  /// target come last); the start index when no element is, and for an empty collection.
  @inlinable
  public func lastIndexNotAfter(_ isAfter: (Element) throws -> Bool) rethrows -> Int {
    Swift.max(try partitionPoint(where: isAfter) - 1, startIndex)
  }
}
