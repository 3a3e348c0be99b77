import FormLint
import FormSyntax
import OfficeFormats

/// rustc/ruff-style text: `path:line:col: error[JX301] message`, the source line, a caret underline aligned
/// for CJK display width, then a summary.
struct TextReporter {
  let language: Language
  let color: Bool

  /// The report; `fixed` is the number of findings `--fix` fixed, `unchecked` the number of paths that could not
  /// be checked (already reported as errors: the summary then never says that nothing was found).
  func render(_ files: [CheckedFile], fixed: Int? = nil, unchecked: Int = 0) -> String {
    var output = ""
    for file in files { output += render(file) }
    return output + summary(files, fixed: fixed, unchecked: unchecked)
  }

  /// One file's part of the report: its findings, or the note that it holds no form.
  func render(_ file: CheckedFile) -> String {
    var output = ""
    for diagnostic in file.diagnostics { output += render(diagnostic, in: file) }
    return output + noFormNote(file)
  }

  /// `render(file)` written through `write` a chunk of findings at a time, on every core (`ChunkedPart`).
  func stream(_ file: CheckedFile, write: ([UInt8]) -> Void) {
    let reporter = self
    ChunkedPart.write(
      count: file.diagnostics.count, head: [], tail: Array(noFormNote(file).utf8),
      render: { range, output in
        for index in range { output.append(contentsOf: reporter.render(file.diagnostics[index], in: file).utf8) }
      }, write: write)
  }

  /// Not a finding: the file holds no form at all, which the user should know rather than see silence.
  private func noFormNote(_ file: CheckedFile) -> String {
    guard file.formNodeIndices.isEmpty else { return "" }
    return "\(paint(file.path, "1")): \(LocalizedText(zh: "信息：未找到绩效目标表", en: "info: no performance-target table found").text(language))\n"
  }

  /// The last line: what was found, by severity (or, after `--fix`, what was fixed and what remains).
  func summary(_ files: [CheckedFile], fixed: Int? = nil, unchecked: Int = 0) -> String {
    summary(
      counts: SeverityCounts(files), fixable: files.reduce(0) { $0 + TextReporter.fixableCount($1.diagnostics) },
      fileCount: files.count, fixed: fixed, unchecked: unchecked)
  }

  /// How many of the findings have a safe fix.
  static func fixableCount(_ diagnostics: [Diagnostic]) -> Int {
    diagnostics.lazy.filter { $0.fixes.contains(where: \.isSafe) }.count
  }

  /// The last line from the counts over the files (`fileCount` files checked).
  func summary(counts: SeverityCounts, fixable: Int, fileCount: Int, fixed: Int? = nil, unchecked: Int = 0) -> String {
    let breakdown = LocalizedText(
      zh: "错误 \(counts.error)，警告 \(counts.warning)，信息 \(counts.information)，提示 \(counts.hint)",
      en: "\(counts.error) error(s), \(counts.warning) warning(s), \(counts.information) info, \(counts.hint) hint(s)")
    let text: LocalizedText
    if let fixed {
      let detail = counts.total > 0 ? LocalizedText(zh: "（\(breakdown.zh)）", en: " (\(breakdown.en))") : LocalizedText(zh: "", en: "")
      text = LocalizedText(
        zh: "已修复 \(fixed) 个问题，剩余 \(counts.total) 个\(detail.zh)。", en: "Fixed \(fixed), \(counts.total) remaining\(detail.en).")
    } else if counts.total == 0 && unchecked > 0 {
      text =
        fileCount == 0
        ? LocalizedText(zh: "没有检查任何文件（原因见上方的错误信息）。", en: "No file was checked (see the errors above).")
        : LocalizedText(
          zh: "\(unchecked) 个文件或文件夹未能检查（见错误信息），其余 \(fileCount) 个文件没有问题。",
          en: "\(unchecked) path(s) could not be checked (see the errors); the other \(fileCount) file(s) have no problems.")
    } else if counts.total == 0 {
      text = LocalizedText(zh: "未发现问题（\(fileCount) 个文件）。", en: "No problems found in \(fileCount) file(s).")
    } else {
      let fixHint =
        fixable > 0
        ? LocalizedText(zh: "；其中 \(fixable) 个可用 `--fix` 自动修复。", en: "; \(fixable) fixable with `--fix`.")
        : LocalizedText(zh: "。", en: ".")
      text = LocalizedText(
        zh: "发现 \(counts.total) 个问题（\(breakdown.zh)）\(fixHint.zh)", en: "Found \(counts.total) problem(s) (\(breakdown.en))\(fixHint.en)")
    }
    return text.text(language) + "\n"
  }

  private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

  private func severityLabel(_ severity: Severity) -> String {
    let colour =
      switch severity {
      case .error: "1;31"
      case .warning: "1;33"
      case .information: "1;34"
      case .hint: "1;36"
      }
    return paint(severity.word.text(language), colour)
  }

  func render(_ diagnostic: Diagnostic, in file: CheckedFile) -> String {
    if let office = file.office { return render(diagnostic, in: file, office: office) }
    let start = file.location(of: diagnostic.range.lowerBound)
    var output = "\(paint(file.path, "1")):\(start.line):\(start.column): \(severityLabel(diagnostic.severity))"
    output += "[\(diagnostic.code)] \(diagnostic.message.text(language))\n"
    guard let (node, lineRange) = file.tree.lineContent(start.line - 1) else { return output }
    let nodeStart = file.tree.nodeStarts[node]
    let bytes = file.tree.nodes[node].bytes
    let underlineStart = min(max(diagnostic.range.lowerBound, lineRange.lowerBound), lineRange.upperBound)
    let underlineEnd = min(max(diagnostic.range.upperBound, underlineStart), lineRange.upperBound)
    let (lineText, before, marked) = SourceWindow.around(
      bytes[(lineRange.lowerBound - nodeStart)..<(lineRange.upperBound - nodeStart)],
      underline: (underlineStart - nodeStart)..<(underlineEnd - nodeStart))
    let gutter = DisplayWidth.run(of: " ", count: String(start.line).count)
    output += "\(gutter) |\n"
    output += "\(start.line) | \(DisplayWidth.expandTabs(lineText))\n"
    let offset = DisplayWidth.expanded(before)
    let caretCount = max(DisplayWidth.expanded(marked, startingAt: offset), 1)
    output += "\(gutter) | " + DisplayWidth.run(of: " ", count: offset)
    output += paint(DisplayWidth.run(of: "^", count: caretCount), diagnostic.severity == .error ? "1;31" : "1;33") + "\n"
    if let fix = diagnostic.fixes.first {
      // An unsafe fix may change what the form says: `--unsafe-fixes` applies it, after the user has looked.
      let label = fix.isSafe ? LocalizedText(zh: "修复", en: "fix") : LocalizedText(zh: "修复（需人工确认）", en: "unsafe fix")
      output += "\(gutter) = \(label.text(language)): \(fix.title.text(language))\n"
    }
    return output + "\n"
  }
}

extension TextReporter {
  /// A finding in a Word or Excel file: `path: 表2 第5行 第3列: error[JX301] message`, the cell's text quoted
  /// with the finding underlined in it.
  func render(_ diagnostic: Diagnostic, in file: CheckedFile, office: RenderedNotation) -> String {
    guard let span = office.span(at: diagnostic.range.lowerBound) else {
      return "\(paint(file.path, "1")): \(severityLabel(diagnostic.severity))[\(diagnostic.code)] \(diagnostic.message.text(language))\n"
    }
    var output = "\(paint(file.path, "1")): \(span.place.describe(chinese: language == .zh)): \(severityLabel(diagnostic.severity))"
    output += "[\(diagnostic.code)] \(diagnostic.message.text(language))\n"
    // The line of the cell holding the start, with the finding underlined.
    let text = office.text
    let start = min(max(diagnostic.range.lowerBound, span.range.lowerBound), span.range.upperBound)
    var lineStart = start
    while lineStart > span.range.lowerBound, text[lineStart - 1] != 0x0A { lineStart -= 1 }
    var lineEnd = start
    while lineEnd < span.range.upperBound, text[lineEnd] != 0x0A { lineEnd += 1 }
    let end = min(max(diagnostic.range.upperBound, start), lineEnd)
    let (line, before, marked) = SourceWindow.around(text[lineStart..<lineEnd], underline: start..<end)
    output += "  |\n  | \(DisplayWidth.expandTabs(line))\n"
    let offset = DisplayWidth.expanded(before)
    let carets = max(DisplayWidth.expanded(marked, startingAt: offset), 1)
    output += "  | " + DisplayWidth.run(of: " ", count: offset)
    output += paint(DisplayWidth.run(of: "^", count: carets), diagnostic.severity == .error ? "1;31" : "1;33") + "\n"
    if let fix = diagnostic.fixes.first {
      let label =
        fix.isSafe
        ? LocalizedText(zh: "修复（annotate --suggest 可写为修订）", en: "fix (annotate --suggest writes it as a tracked change)")
        : LocalizedText(zh: "修复（需人工确认）", en: "unsafe fix")
      output += "  = \(label.text(language)): \(fix.title.text(language))\n"
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

  /// Tabs expanded to spaces (so the caret line aligns), counting from display column `start`. The text after the
  /// last tab is copied as it is (no column to keep past it): a cell's line is tabs, then its text.
  static func expandTabs(_ text: String, startingAt start: Int = 0) -> String {
    guard let lastTab = text.utf8.lastIndex(of: UInt8(ascii: "\t")) else { return text }
    var column = start
    var result = ""
    result.reserveCapacity(text.utf8.count + tabWidth * 4)
    for scalar in text[...lastTab].unicodeScalars {
      if scalar == "\t" {
        let spaces = tabWidth - column % tabWidth
        result += run(of: " ", count: spaces)
        column += spaces
      } else {
        result.unicodeScalars.append(scalar)
        column += width(scalar)
      }
    }
    result += text[text.utf8.index(after: lastTab)...]
    return result
  }

  /// `count` times an ASCII character (the gutter, the indentation and the carets): written straight into the
  /// string's storage (`String(repeating:count:)` took ≈ 2,000 instructions a call, 2 % of a text check).
  static func run(of character: Unicode.Scalar, count: Int) -> String {
    guard count > 0 else { return "" }
    return String(unsafeUninitializedCapacity: count) { buffer in
      buffer.initialize(repeating: UInt8(ascii: character))
      return count
    }
  }

  /// The display width of `text` with its tabs expanded from column `start` (`of(expandTabs(text, startingAt:))`,
  /// without building the expanded text).
  static func expanded(_ text: String, startingAt start: Int = 0) -> Int {
    var column = start
    for scalar in text.unicodeScalars {
      column += scalar == "\t" ? tabWidth - column % tabWidth : width(scalar)
    }
    return column - start
  }
}

/// The part of a long line shown under a finding: the whole line when it is short, else a window of
/// `context` characters before the underline and after it, the underline itself cut to `maximumMarked`, with `…`
/// where text was left out. Without it a finding on a 10 MB single-line file printed 10 MB (272 MB in all).
enum SourceWindow {
  /// Lines up to this many characters are shown whole.
  static let maximumWhole = 200
  static let context = 60
  static let maximumMarked = 80

  /// The text to show, the part of it before the underline and the underlined part; `underline` is in the
  /// slice's indices.
  static func around(_ line: ArraySlice<UInt8>, underline: Range<Int>) -> (line: String, before: String, marked: String) {
    func text(_ range: Range<Int>) -> String { String(decoding: line[range], as: UTF8.self) }
    guard line.count > maximumWhole else {
      return (text(line.startIndex..<line.endIndex), text(line.startIndex..<underline.lowerBound), text(underline))
    }
    // Step over whole scalars (continuation bytes are 10xxxxxx) so no character is cut in two.
    func back(_ index: Int, _ count: Int) -> Int {
      var index = index
      var steps = 0
      while index > line.startIndex && steps < count {
        index -= 1
        while index > line.startIndex && line[index] & 0xC0 == 0x80 { index -= 1 }
        steps += 1
      }
      return index
    }
    func forward(_ index: Int, _ count: Int, limit: Int) -> Int {
      var index = index
      var steps = 0
      while index < limit && steps < count {
        index += 1
        while index < limit && line[index] & 0xC0 == 0x80 { index += 1 }
        steps += 1
      }
      return index
    }
    let start = back(underline.lowerBound, context)
    let markedEnd = forward(underline.lowerBound, maximumMarked, limit: underline.upperBound)
    let end = forward(markedEnd, context, limit: line.endIndex)
    let head = start > line.startIndex ? "…" : ""
    let tail = end < line.endIndex ? "…" : ""
    return (head + text(start..<end) + tail, head + text(start..<underline.lowerBound), text(underline.lowerBound..<markedEnd))
  }
}
