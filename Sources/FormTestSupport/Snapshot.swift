import Foundation
import Sequences
import Testing

/// Golden files: `__Snapshots__/<name>` next to the test file that asserts them.
///
/// `UPDATE_SNAPSHOTS=1` writes the actual text (creating missing files) and records an issue for each file it
/// changed, so a run that rewrites snapshots never passes silently.
public enum Snapshot {
  /// Whether this run rewrites snapshots.
  public static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" }

  /// The snapshot file for `name` next to `file`.
  public static func url(named name: String, file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
      .appendingPathComponent(name)
  }

  /// Compares `actual` with the snapshot `name`; a missing snapshot or a difference is an issue.
  public static func assert(
    _ actual: String, named name: String, file: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = url(named: name, file: file)
    let expected = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    if expected == actual { return }
    if isUpdating {
      do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        Issue.record("Snapshot \(name) written; rerun without UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
      } catch {
        Issue.record("Cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected else {
      Issue.record(
        "Missing snapshot \(url.path); run with UPDATE_SNAPSHOTS=1 to write it", sourceLocation: sourceLocation)
      return
    }
    Issue.record(
      Comment(
        rawValue: "Snapshot \(name) differs (- snapshot, + actual); UPDATE_SNAPSHOTS=1 rewrites it\n"
          + lineDiff(expected: expected, actual: actual)), sourceLocation: sourceLocation)
  }

  /// A unified-style diff of two texts by lines, with `context` unchanged lines around each change.
  public static func lineDiff(expected: String, actual: String, context: Int = 2) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let operations = diffOperations(old, new)
    // Hunks: the changed operations widened by `context`, merged where they touch.
    var hunks: [ClosedRange<Int>] = []
    for index in operations.indices where operations[index].mark != "  " {
      let hunk = max(index - context, 0)...min(index + context, operations.count - 1)
      if let last = hunks.last, hunk.lowerBound <= last.upperBound + 1 {
        hunks[hunks.count - 1] = last.lowerBound...hunk.upperBound
      } else {
        hunks.append(hunk)
      }
    }
    var output: [String] = []
    for hunk in hunks {
      output.append("@@ snapshot line \(operations[hunk.lowerBound].oldLine + 1) @@")
      for operation in operations[hunk] { output.append(operation.mark + operation.text) }
    }
    return output.joined(separator: "\n")
  }

  private struct Operation {
    let mark: String
    let text: String
    let oldLine: Int
  }

  /// Longest-common-subsequence diff (snapshots are small), deletions before insertions.
  private static func diffOperations(_ old: [String], _ new: [String]) -> [Operation] {
    old.lcsDiff(to: new, deletingFirst: true).map { step in
      switch step {
      case .keep(let line, _): Operation(mark: "  ", text: old[line], oldLine: line)
      case .delete(let line): Operation(mark: "- ", text: old[line], oldLine: line)
      case .insert(let added, let line): Operation(mark: "+ ", text: new[added], oldLine: line)
      }
    }
  }
}
