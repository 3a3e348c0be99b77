import FormLint
import FormSyntax
import Foundation
import Testing

@testable import JixiaoCLI

/// What a Chinese-reading user sees: severity words, summary, whitespace names, fix labels, errors (#16 item 6).
@Suite struct MessageWordingTests {
  @Test func chineseOutputUsesChineseSeverityWords() throws {
    let zh = CLIRun(["check", Seed.url.path])
    for word in ["错误[JX301]", "警告[", "信息[", "提示["] { #expect(zh.stdout.contains(word), "\(word)") }
    for word in ["error[", "warning[", "info[", "hint["] { #expect(!zh.stdout.contains(word), "\(word)") }
    let en = CLIRun(["check", "--lang", "en", Seed.url.path])
    for word in ["error[JX301]", "warning[", "info[", "hint["] { #expect(en.stdout.contains(word), "\(word)") }
  }

  @Test func summaryCountsInformationAndHintsApart() throws {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(CLIRun(["check", "--format", "json", Seed.url.path]).stdout.utf8)) as? [String: Any])
    let summary = try #require(json["summary"] as? [String: Int])
    let information = try #require(summary["information"])
    let hint = try #require(summary["hint"])
    #expect(information > 0 && hint > 0 && information != hint)
    let last = try #require(CLIRun(["check", Seed.url.path]).stdout.split(separator: "\n").last)
    #expect(last.contains("错误 \(summary["error"]!)，警告 \(summary["warning"]!)，信息 \(information)，提示 \(hint)"), "\(last)")
    let lastEnglish = try #require(CLIRun(["check", "--lang", "en", Seed.url.path]).stdout.split(separator: "\n").last)
    #expect(lastEnglish.contains("\(information) info, \(hint) hint(s)"), "\(lastEnglish)")
  }

  @Test func ideographicSpaceIsNamedInChinese() throws {
    let line = try #require(CLIRun(["check", "--select", "JX502", Seed.url.path]).stdout.split(separator: "\n").first { $0.contains(":10:") })
    #expect(line.hasSuffix("单元格末尾有多余空白 <全角空格>"), "\(line)")
    #expect(!CLIRun(["check", Seed.url.path]).stdout.contains("U+3000"))
  }

  @Test func unsafeFixSaysItNeedsAHumanLook() throws {
    let text = "附件5-1\n2021年度项目支出绩效目标表\n"
    let tree = SyntaxTree(parsing: Array(text.utf8))
    let fix = Fix(title: LocalizedText(zh: "改为 20万", en: "change to 20万"), isSafe: false, edits: [FixEdit(range: 0..<1, newText: "x")])
    let diagnostic = Diagnostic(
      code: "JX301", name: "budget-mismatch", severity: .error, message: LocalizedText(zh: "不符", en: "mismatch"), range: 0..<3,
      fixes: [fix])
    let file = CheckedFile(source: try SourceFile(path: "a.txt", bytes: Array(text.utf8)), tree: tree, diagnostics: [diagnostic])
    let zh = TextReporter(language: .zh, color: false).render(diagnostic, in: file)
    #expect(zh.contains("= 修复（需人工确认）: 改为 20万"), "\(zh)")
    #expect(!zh.contains("不安全"))
    #expect(TextReporter(language: .en, color: false).render(diagnostic, in: file).contains("= unsafe fix: change to 20万"))
  }

  @Test func runTogetherExcerptStartsOnACharacterNotAQuote() throws {
    // Line 36: 1、完成全县“八.五”普法启动工2、开展… — six characters back would start on the closing ”.
    let line = try #require(CLIRun(["check", "--select", "JX504", Seed.url.path]).stdout.split(separator: "\n").first { $0.contains(":36:") })
    #expect(line.contains("紧跟在“…普法启动工”后面"), "\(line)")
    #expect(!line.contains("“…”"))
  }

  @Test func usageErrorsAreInTheChosenLanguage() {
    let zh = CLIRun(["check", "--frobnicate"])
    #expect(zh.exitCode == ExitCode.usage)
    #expect(zh.stderr.hasPrefix("错误：未知的选项“--frobnicate”"), "\(zh.stderr)")
    #expect(zh.stderr.contains("用法："))
    let en = CLIRun(["check", "--lang", "en", "--frobnicate"])
    #expect(en.stderr.hasPrefix("error: unknown option '--frobnicate'"), "\(en.stderr)")
    #expect(CLIRun(["explain"]).stderr.hasPrefix("错误：请指定一条规则"))
    #expect(CLIRun(["nosuchcommand"]).stderr.hasPrefix("错误：未知的命令“nosuchcommand”"))
    #expect(CLIRun(["check", "--lang", "fr", Seed.url.path]).exitCode == ExitCode.usage)
  }

  @Test func ioErrorsAreInTheChosenLanguage() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    let zh = CLIRun(["check", "--max-file-size", "10", path])
    #expect(zh.stderr.contains("错误：\(path)：\(Seed.bytes.count) 字节，超过上限 10 字节"), "\(zh.stderr)")
    let en = CLIRun(["check", "--lang", "en", "--max-file-size", "10", path])
    #expect(en.stderr.contains("error: \(path): \(Seed.bytes.count) bytes is more than the limit of 10 bytes"), "\(en.stderr)")
  }

  @Test func fixEndsWithFixedAndRemainingCounts() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    let before = CLIRun(["check", "--format", "json", path]).diagnostics.count
    let fixed = CLIRun(["check", "--fix", path])
    let after = CLIRun(["check", "--format", "json", path]).diagnostics.count
    #expect(after < before)
    let last = try #require(fixed.stdout.split(separator: "\n").last)
    let counts = try #require(last.firstMatch(of: /^已修复 (\d+) 个问题，剩余 (\d+) 个（错误 \d+，警告 \d+，信息 \d+，提示 \d+）。$/), "\(last)")
    #expect(Int(counts.2) == after)
    #expect(Int(counts.1)! > 0)
    #expect(!fixed.stderr.contains("fixed "), "\(fixed.stderr)")
    try folder.write("seed.txt", Seed.bytes)
    let english = try #require(CLIRun(["check", "--lang", "en", "--fix", path]).stdout.split(separator: "\n").last)
    #expect(english.hasPrefix("Fixed \(counts.1), \(after) remaining ("), "\(english)")
  }
}
