import SortedSearch
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
