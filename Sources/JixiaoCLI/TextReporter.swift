import FormLint
import FormSyntax

/// rustc/ruff-style text: `path:line:col: error[JX301] message`, the source line, a caret underline aligned
/// for CJK display width, then a summary.
struct TextReporter {
  let language: Language
  let color: Bool

  func render(_ files: [CheckedFile]) -> String {
    var output = ""
    for file in files {
      for diagnostic in file.diagnostics { output += render(diagnostic, in: file) }
      if !file.tree.nodes.contains(where: Linter.isCheckable) {
        // Not a finding: the file holds no form at all, which the user should know rather than see silence.
        output += "\(paint(file.path, "1")): \(language == .zh ? "信息：未找到绩效目标表" : "info: no performance-target table found")\n"
      }
    }
    let counts = SeverityCounts(files)
    if counts.total == 0 {
      output += language == .zh ? "未发现问题（\(files.count) 个文件）。\n" : "No problems found in \(files.count) file(s).\n"
    } else {
      let fixable = files.flatMap(\.diagnostics).filter { $0.fixes.contains(where: \.isSafe) }.count
      if language == .zh {
        output += "发现 \(counts.total) 个问题（错误 \(counts.error)，警告 \(counts.warning)，提示 \(counts.information + counts.hint)）"
        output += fixable > 0 ? "；其中 \(fixable) 个可用 `--fix` 自动修复。\n" : "。\n"
      } else {
        output += "Found \(counts.total) problem(s) (\(counts.error) error(s), \(counts.warning) warning(s), "
        output += "\(counts.information + counts.hint) note(s))"
        output += fixable > 0 ? "; \(fixable) fixable with `--fix`.\n" : ".\n"
      }
    }
    return output
  }

  private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

  private func severityLabel(_ severity: Severity) -> String {
    switch severity {
    case .error: return paint("error", "1;31")
    case .warning: return paint("warning", "1;33")
    case .information: return paint("info", "1;34")
    case .hint: return paint("hint", "1;36")
    }
  }

  func render(_ diagnostic: Diagnostic, in file: CheckedFile) -> String {
    let start = file.location(of: diagnostic.range.lowerBound)
    var output = "\(paint(file.path, "1")):\(start.line):\(start.column): \(severityLabel(diagnostic.severity))"
    output += "[\(diagnostic.code)] \(diagnostic.message.text(language))\n"
    guard let (node, lineRange) = file.tree.lineContent(start.line - 1) else { return output }
    let nodeStart = file.tree.nodeStarts[node]
    let bytes = file.tree.nodes[node].bytes
    let lineText = String(decoding: bytes[(lineRange.lowerBound - nodeStart)..<(lineRange.upperBound - nodeStart)], as: UTF8.self)
    let underlineStart = min(max(diagnostic.range.lowerBound, lineRange.lowerBound), lineRange.upperBound)
    let underlineEnd = min(max(diagnostic.range.upperBound, underlineStart), lineRange.upperBound)
    let before = String(decoding: bytes[(lineRange.lowerBound - nodeStart)..<(underlineStart - nodeStart)], as: UTF8.self)
    let marked = String(decoding: bytes[(underlineStart - nodeStart)..<(underlineEnd - nodeStart)], as: UTF8.self)
    let gutter = String(repeating: " ", count: String(start.line).count)
    output += "\(gutter) |\n"
    output += "\(start.line) | \(DisplayWidth.expandTabs(lineText))\n"
    let caretCount = max(DisplayWidth.of(DisplayWidth.expandTabs(marked, startingAt: DisplayWidth.of(DisplayWidth.expandTabs(before)))), 1)
    output += "\(gutter) | " + String(repeating: " ", count: DisplayWidth.of(DisplayWidth.expandTabs(before)))
    output += paint(String(repeating: "^", count: caretCount), diagnostic.severity == .error ? "1;31" : "1;33") + "\n"
    if let fix = diagnostic.fixes.first {
      let label = language == .zh ? (fix.isSafe ? "修复" : "修复（不安全）") : (fix.isSafe ? "fix" : "unsafe fix")
      output += "\(gutter) = \(label): \(fix.title.text(language))\n"
    }
    return output + "\n"
  }
}

/// Terminal display width: CJK and full-width characters take two columns.
enum DisplayWidth {
  static let tabWidth = 4

  static func of(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + width($1) } }

  static func width(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 { return 0 }
    if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
      || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    {
      return 2
    }
    return 1
  }

  /// Tabs expanded to spaces (so the caret line aligns), counting from display column `start`.
  static func expandTabs(_ text: String, startingAt start: Int = 0) -> String {
    var column = start
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        let spaces = tabWidth - column % tabWidth
        result += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        result.unicodeScalars.append(scalar)
        column += width(scalar)
      }
    }
    return result
  }
}
