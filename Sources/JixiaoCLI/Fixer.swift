import FormLint
import FormSyntax

/// What `--fix` / `--diff` do with the fixed text.
enum FixMode {
  /// Write the files (atomically, in their own encoding and line endings).
  case write
  /// Print a unified diff; write nothing.
  case diff
  /// Text read from stdin: print the fixed text on stdout (the report goes to stderr), like ruff.
  case stdout
}

/// Applies fixes until nothing more changes (at most `maximumPasses`), like ruff.
struct Fixer {
  let mode: FixMode
  let includeUnsafe: Bool
  let console: Console
  let configurations: ConfigurationResolver
  /// The language of error messages.
  let language: Language
  static let maximumPasses = 10

  /// Fixes every file; returns the files as they now are on disk (re-checked after fixing when written, as read
  /// when the write was refused), the number of write failures and the number of findings fixed (in files
  /// written, or printed with `-`).
  func fix(_ files: [CheckedFile]) throws -> (files: [CheckedFile], failures: Int, fixed: Int) {
    var results: [CheckedFile] = []
    var failures = 0
    var fixedCount = 0
    for file in files {
      let configuration = try configurations.configuration(for: file.path)
      var text = file.source.utf8
      var current = file
      var applied = 0
      for _ in 0..<Fixer.maximumPasses {
        let edits = FixApplication.edits(of: current.diagnostics, includeUnsafe: includeUnsafe)
        guard !edits.isEmpty else { break }
        let (fixed, appliedEdits) = FixApplication.apply(edits, to: text)
        guard !appliedEdits.isEmpty, fixed != text else { break }
        applied += appliedEdits.count
        text = fixed
        let tree = SyntaxTree(parsing: text, layout: configuration.layoutPolicy(forPath: file.path))
        let diagnostics = Linter(configuration: configuration).lint(tree)
        current = CheckedFile(source: file.source, tree: tree, diagnostics: diagnostics, configuration: configuration)
      }
      if text != file.source.utf8 {
        switch mode {
        case .diff:
          console.print(UnifiedDiff.render(old: file.source.utf8, new: text, path: file.path), terminator: "")
        case .stdout:
          console.print(String(decoding: text, as: UTF8.self), terminator: "")
          fixedCount += applied
        case .write:
          do {
            guard !SourceFile.namesDescriptor(file.path) else {
              throw SourceFileError.unwritable(path: file.path, reason: "it names a file descriptor (standard input), not a file")
            }
            try file.source.write(text)
            fixedCount += applied
          } catch {
            console.error(CLIMessages.error(CLIMessages.describe(error, language), language))
            failures += 1
            // Nothing was written: report the file as it is on disk.
            current = file
          }
        }
      }
      results.append(current)
    }
    return (results, failures, fixedCount)
  }
}

/// A unified diff of two texts, line by line (line endings kept as written).
enum UnifiedDiff {
  static let context = 3

  static func render(old: [UInt8], new: [UInt8], path: String) -> String {
    let oldLines = lines(old)
    let newLines = lines(new)
    // The common head and tail are cut first; the middle is compared in linear space.
    var head = 0
    while head < oldLines.count && head < newLines.count && oldLines[head] == newLines[head] { head += 1 }
    var tail = 0
    while tail < oldLines.count - head && tail < newLines.count - head
      && oldLines[oldLines.count - 1 - tail] == newLines[newLines.count - 1 - tail]
    {
      tail += 1
    }
    let a = Array(oldLines[head..<(oldLines.count - tail)])
    let b = Array(newLines[head..<(newLines.count - tail)])
    var operations: [(kind: Character, line: String)] = oldLines[..<head].map { (" ", $0) }
    operations += lcsOperations(a, b)
    operations += oldLines[(oldLines.count - tail)...].map { (" ", $0) }
    return hunks(operations, path: path)
  }

  private static func lines(_ bytes: [UInt8]) -> [String] {
    var result: [String] = []
    var start = 0
    for index in bytes.indices where bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
      result.append(String(decoding: bytes[start...index], as: UTF8.self))
      start = index + 1
    }
    if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return result
  }

  /// The line operations turning `a` into `b`, by Myers' O((N+M)·D) algorithm in linear space (the middle-snake
  /// bisection, as diff-match-patch does it): memory grows with the texts, not with their product (the table
  /// this replaced took 3.5 GB for 421 KB). Deletions come before insertions within a change, as in `diff -u`.
  private static func lcsOperations(_ a: [String], _ b: [String]) -> [(kind: Character, line: String)] {
    var ids: [String: Int] = [:]
    let left = a.map { line in ids[line] ?? { ids[line] = ids.count; return ids.count - 1 }() }
    let right = b.map { line in ids[line] ?? { ids[line] = ids.count; return ids.count - 1 }() }
    var script: [(kind: Character, index: Int)] = []
    LinearDiff(a: left, b: right).compare(0, left.count, 0, right.count, into: &script)
    var result: [(kind: Character, line: String)] = []
    result.reserveCapacity(script.count)
    var index = 0
    while index < script.count {
      guard script[index].kind != " " else {
        result.append((" ", a[script[index].index]))
        index += 1
        continue
      }
      var end = index
      while end < script.count && script[end].kind != " " { end += 1 }
      for step in script[index..<end] where step.kind == "-" { result.append(("-", a[step.index])) }
      for step in script[index..<end] where step.kind == "+" { result.append(("+", b[step.index])) }
      index = end
    }
    return result
  }

  private static func hunks(_ operations: [(kind: Character, line: String)], path: String) -> String {
    var output = "--- \(path)\n+++ \(path)\n"
    let changed = operations.indices.filter { operations[$0].kind != " " }
    guard !changed.isEmpty else { return "" }
    var groups: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(operations.count - 1, index + context)
      if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
        groups[groups.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        groups.append(range)
      }
    }
    // Lines of each side before each group, counted once over the operations (not once per group).
    var oldBefore = 0
    var newBefore = 0
    var counted = 0
    for group in groups {
      for operation in operations[counted..<group.lowerBound] {
        if operation.kind != "+" { oldBefore += 1 }
        if operation.kind != "-" { newBefore += 1 }
      }
      counted = group.lowerBound
      let oldStart = oldBefore + 1
      let newStart = newBefore + 1
      let slice = operations[group]
      output += "@@ -\(oldStart),\(slice.filter { $0.kind != "+" }.count) +\(newStart),\(slice.filter { $0.kind != "-" }.count) @@\n"
      for operation in slice {
        var line = operation.line
        let missingNewline = !(line.hasSuffix("\n") || line.hasSuffix("\r"))
        if missingNewline { line += "\n\\ No newline at end of file\n" }
        output += String(operation.kind) + line
      }
    }
    return output
  }
}

/// Myers' difference algorithm over line ids, bisecting at the middle snake so that only two vectors of
/// O(N+M) integers are alive at a time.
private struct LinearDiff {
  let a: [Int]
  let b: [Int]

  /// Appends the operations turning `a[aLow..<aHigh]` into `b[bLow..<bHigh]`: `" "` keeps, `"-"` deletes
  /// (index into `a`), `"+"` inserts (index into `b`).
  func compare(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int, into script: inout [(kind: Character, index: Int)]) {
    var aLow = aLow
    var bLow = bLow
    var aHigh = aHigh
    var bHigh = bHigh
    while aLow < aHigh && bLow < bHigh && a[aLow] == b[bLow] {
      script.append((" ", aLow))
      aLow += 1
      bLow += 1
    }
    var suffix = 0
    while aHigh > aLow && bHigh > bLow && a[aHigh - 1] == b[bHigh - 1] {
      aHigh -= 1
      bHigh -= 1
      suffix += 1
    }
    if aLow == aHigh {
      for index in bLow..<bHigh { script.append(("+", index)) }
    } else if bLow == bHigh {
      for index in aLow..<aHigh { script.append(("-", index)) }
    } else if let (x, y) = middle(aLow, aHigh, bLow, bHigh), (x, y) != (0, 0), (x, y) != (aHigh - aLow, bHigh - bLow) {
      compare(aLow, aLow + x, bLow, bLow + y, into: &script)
      compare(aLow + x, aHigh, bLow + y, bHigh, into: &script)
    } else {
      // Nothing in common (or no split that shrinks the problem): replace the whole range.
      for index in aLow..<aHigh { script.append(("-", index)) }
      for index in bLow..<bHigh { script.append(("+", index)) }
    }
    for offset in 0..<suffix { script.append((" ", aHigh + offset)) }
  }

  /// A point (x, y), relative to the range, where a shortest edit path crosses the middle of the edit graph.
  private func middle(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
    let n = aHigh - aLow
    let m = bHigh - bLow
    let maxD = (n + m + 1) / 2
    let offset = maxD
    let length = 2 * maxD + 2
    let delta = n - m
    /// The furthest x reached on each diagonal, from the start (`forward`) and from the end (`backward`), and the
    /// diagonals at each side that have left the graph.
    var forward = [Int](repeating: -1, count: length)
    var backward = [Int](repeating: -1, count: length)
    forward[offset + 1] = 0
    backward[offset + 1] = 0
    var forwardTrim = (start: 0, end: 0)
    var backwardTrim = (start: 0, end: 0)

    /// Extends every diagonal of one direction by the `d`-th edit and its snake of equal lines (`fromEnd` reads
    /// both ranges backwards). With `meets`, returns the forward point where a path overlaps the other direction's.
    func extend(
      _ d: Int, _ reach: inout [Int], _ other: [Int], _ trim: inout (start: Int, end: Int), fromEnd: Bool, meets: Bool
    ) -> (Int, Int)? {
      var k = -d + trim.start
      while k <= d - trim.end {
        let index = offset + k
        var x = k == -d || (k != d && reach[index - 1] < reach[index + 1]) ? reach[index + 1] : reach[index - 1] + 1
        var y = x - k
        while x < n && y < m && (fromEnd ? a[aLow + n - x - 1] == b[bLow + m - y - 1] : a[aLow + x] == b[bLow + y]) {
          x += 1
          y += 1
        }
        reach[index] = x
        if x > n {
          trim.end += 2
        } else if y > m {
          trim.start += 2
        } else if meets {
          let opposite = offset + delta - k
          if opposite >= 0 && opposite < length && other[opposite] != -1 {
            let (forwardX, backwardX) = fromEnd ? (other[opposite], x) : (x, other[opposite])
            if forwardX >= n - backwardX { return (forwardX, fromEnd ? offset + forwardX - opposite : y) }
          }
        }
        k += 2
      }
      return nil
    }

    for d in 0..<maxD {
      if let point = extend(d, &forward, backward, &forwardTrim, fromEnd: false, meets: delta % 2 != 0) { return point }
      if let point = extend(d, &backward, forward, &backwardTrim, fromEnd: true, meets: delta % 2 == 0) { return point }
    }
    return nil
  }
}
