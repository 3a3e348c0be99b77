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
        let tree = SyntaxTree(parsing: text)
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
    // The common head and tail are cut first, so the quadratic part covers only what fixes touched.
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

  private static func lcsOperations(_ a: [String], _ b: [String]) -> [(kind: Character, line: String)] {
    let n = a.count
    let m = b.count
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var result: [(Character, String)] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && a[i] == b[j] {
        result.append((" ", a[i])); i += 1; j += 1
      } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
        // Deletions before insertions, as `diff -u` prints them.
        result.append(("-", a[i])); i += 1
      } else {
        result.append(("+", b[j])); j += 1
      }
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
    for group in groups {
      let oldStart = operations[..<group.lowerBound].filter { $0.kind != "+" }.count + 1
      let newStart = operations[..<group.lowerBound].filter { $0.kind != "-" }.count + 1
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
