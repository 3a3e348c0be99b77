import FormLint
import FormTestSupport
import Foundation
import Testing

@testable import JixiaoCLI

/// Which files a run checks, and what it says about those it cannot (#16 items 7 and 15).
@Suite struct FileDiscoveryTests {
  /// A form file whose path is longer than PATH_MAX, below a folder named on the command line: reported by name,
  /// exit 2, the other files still checked (issue #15 item 22; the enumerator used to drop it silently).
  @Test func aPathLongerThanPathMaxIsReported() throws {
    let folder = try ScratchFolder()
    _ = try folder.write("seed.txt", Seed.bytes)
    // Nested folders of 200-byte names, made relative to the parent's descriptor (no path of that length opens).
    var descriptor = open(folder.url.path, O_RDONLY | O_DIRECTORY)
    var length = folder.url.path.utf8.count
    let name = String(repeating: "d", count: 200)
    while length <= 4200 {
      #expect(mkdirat(descriptor, name, 0o755) == 0)
      let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
      close(descriptor)
      descriptor = child
      length += 201
    }
    let file = openat(descriptor, "deep.txt", O_WRONLY | O_CREAT, 0o644)
    #expect(file >= 0)
    Seed.bytes.withUnsafeBytes { _ = write(file, $0.baseAddress, $0.count) }
    close(file)
    close(descriptor)
    let search = FormFiles.search(in: folder.url.path)
    #expect(search.files == [folder.url.appendingPathComponent("seed.txt").path])
    #expect(search.unreadable.count == 1)
    #expect(search.unreadable.first?.reason == .pathTooLong)
    #expect(search.unreadable.first?.path.hasSuffix("/deep.txt") == true)
    let run = CLIRun(["check", folder.url.path])
    #expect(run.exitCode == ExitCode.usage)
    #expect(run.stderr.contains("路径超过系统上限") && run.stderr.contains("/deep.txt"), "\(run.stderr)")
    #expect(run.stdout.contains("seed.txt:10:2: 错误[JX301]"))
    // The scratch folder's cleanup cannot remove what is too long to name: remove it level by level.
    removeDeep(folder.url.path, name: name)
  }

  private func removeDeep(_ path: String, name: String) {
    var chain = [open(path, O_RDONLY | O_DIRECTORY)]
    while true {
      let child = openat(chain[chain.count - 1], name, O_RDONLY | O_DIRECTORY)
      guard child >= 0 else { break }
      chain.append(child)
    }
    _ = unlinkat(chain[chain.count - 1], "deep.txt", 0)
    while chain.count > 1 {
      close(chain.removeLast())
      _ = unlinkat(chain[chain.count - 1], name, AT_REMOVEDIR)
    }
    close(chain[0])
  }

  @Test func aMissingFileIsReportedAndTheOthersAreStillChecked() throws {
    let folder = try ScratchFolder()
    let seed = try folder.write("seed.txt", Seed.bytes)
    let missing = folder.url.appendingPathComponent("nope.txt").path
    let run = CLIRun(["check", missing, seed])
    #expect(run.exitCode == ExitCode.usage)
    #expect(run.stderr.contains("错误：找不到文件或文件夹：\(missing)"), "\(run.stderr)")
    #expect(run.stdout.contains("\(seed):10:2: 错误[JX301]"))
    #expect(!run.stdout.contains("未发现问题"))
    let json = CLIRun(["check", "--format", "json", missing, seed])
    #expect(json.exitCode == ExitCode.usage && !json.diagnostics.isEmpty)
  }

  @Test func anErrorNeverEndsInNoProblemsFound() throws {
    let folder = try ScratchFolder()
    let clean = try folder.write("clean.txt", "会议纪要\n")
    let missing = folder.url.appendingPathComponent("nope.txt").path
    let run = CLIRun(["check", missing])
    #expect(run.exitCode == ExitCode.usage)
    #expect(!run.stdout.contains("未发现问题"), "\(run.stdout)")
    #expect(run.stdout.contains("没有检查任何文件"))
    let both = CLIRun(["check", missing, clean])
    #expect(!both.stdout.contains("未发现问题"), "\(both.stdout)")
    #expect(both.stdout.contains("1 个文件或文件夹未能检查"))
  }

  @Test func wordAndExcelFilesSayWhatTheyAre() throws {
    let folder = try ScratchFolder()
    // The start of a .docx: a ZIP whose first entry is word/document.xml.
    let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + Array("\u{0}\u{0}word/document.xml".utf8)
    let docx = try folder.write("表.docx", zip)
    let renamed = try folder.write("表.txt", zip)
    let xlsx = try folder.write("表.xlsx", [0x50, 0x4B, 0x03, 0x04] + Array("xl/workbook.xml".utf8))
    let pdf = try folder.write("表.pdf", Array("%PDF-1.7\n".utf8))
    let doc = try folder.write("表.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
    let run = CLIRun(["check", docx, renamed, xlsx, pdf, doc])
    #expect(run.exitCode == ExitCode.usage)
    // Word and Excel files are read (OfficeFormats); these are cut short, so each says it is damaged.
    #expect(run.stderr.contains("错误：\(docx)：文件已损坏"), "\(run.stderr)")
    #expect(run.stderr.contains("错误：\(renamed)：文件已损坏"), "\(run.stderr)")
    #expect(run.stderr.contains("错误：\(xlsx)：文件已损坏"), "\(run.stderr)")
    #expect(run.stderr.contains("错误：\(pdf)：这是 PDF 文件"), "\(run.stderr)")
    #expect(run.stderr.contains("错误：\(doc)：这是旧版二进制 Word 97–2003 (.doc) 文件"), "\(run.stderr)")
    #expect(!run.stdout.contains("未发现问题"))
    #expect(CLIRun(["check", "--lang", "en", docx]).stderr.contains("error: \(docx): the file is damaged"))
  }

  @Test func aTextFileWithNoFormSaysSo() throws {
    let folder = try ScratchFolder()
    let notes = try folder.write("notes.txt", "会议纪要\n今天讨论了预算。\n")
    let run = CLIRun(["check", notes])
    #expect(run.exitCode == ExitCode.success)
    #expect(run.stdout.contains("\(notes): 信息：未找到绩效目标表"), "\(run.stdout)")
    #expect(CLIRun(["check", "--lang", "en", notes]).stdout.contains("\(notes): info: no performance-target table found"))
    #expect(!CLIRun(["check", Seed.url.path]).stdout.contains("未找到绩效目标表"))
  }

  @Test func anEmptyFolderSaysSo() throws {
    let folder = try ScratchFolder()
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
    let empty = folder.url.appendingPathComponent("empty").path
    let run = CLIRun(["check", empty])
    #expect(run.exitCode == ExitCode.usage)
    #expect(run.stderr.contains("文件夹 \(empty) 中没有 .txt、.docx、.xlsx 文件"), "\(run.stderr)")
    #expect(!run.stdout.contains("未发现问题"))
  }

  @Test func foldersMatchTxtInAnyCaseAndSkipOnlyWhatIsExcluded() throws {
    let folder = try ScratchFolder()
    let manager = FileManager.default
    for sub in ["A", ".drafts", "node_modules", ".git", "__Snapshots__", "out"] {
      try manager.createDirectory(at: folder.url.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    for name in ["A/UPPER.TXT", "A/mixed.Txt", ".drafts/d.txt", "node_modules/n.txt", ".git/g.txt", "__Snapshots__/s.txt", "out/o.txt"] {
      try folder.write(name, Seed.bytes)
    }
    // Markdown and TSV files are form files when they hold a form (the seed in Markdown, pasted TSV); a README is not.
    try folder.write("A/seed.md", Fixtures.seedMarkdownBytes)
    try folder.write("A/PASTED.TSV", Fixtures.seedTSVBytes)
    try folder.write("A/README.md", "# 2021 年预算资料\n\n本文件夹存放各部门的项目支出绩效目标表（见 seed.md）。\n\n| 文件 | 部门 |\n| --- | --- |\n| seed.md | 司法局 |\n")
    func checked(_ arguments: [String]) -> Set<String> {
      let run = CLIRun(["check", "--format", "json"] + arguments + [folder.url.path])
      let report = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
      let files = (report?["files"] as? [[String: Any]]) ?? []
      return Set(files.compactMap { ($0["path"] as? String).map { String($0.dropFirst(folder.url.path.count + 1)) } })
    }
    let forms: Set = ["A/UPPER.TXT", "A/mixed.Txt", "A/seed.md", "A/PASTED.TSV"]
    #expect(checked([]) == forms.union([".drafts/d.txt", "__Snapshots__/s.txt", "out/o.txt"]))
    try folder.write(".jixiao.json", #"{"exclude": ["__Snapshots__", "out/**", ".drafts"]}"#)
    #expect(checked([]) == forms)
    // Named on the command line, the README is checked and said to hold no form.
    let readme = CLIRun(["check", folder.url.appendingPathComponent("A/README.md").path])
    #expect(readme.exitCode == 0 && readme.stdout.contains("信息：未找到绩效目标表"), "\(readme.stdout)")
    try folder.write(".jixiao.json", #"{"exclude": "out"}"#)
    #expect(CLIRun(["check", folder.url.path]).exitCode == ExitCode.usage)
  }

  @Test func theServerAndTheCLIFindTheSameFiles() throws {
    #expect(FormFiles.isFormFileName("表.TXT") && FormFiles.isFormFileName("a.txt") && FormFiles.isFormFileName("b.Txt"))
    #expect(!FormFiles.isFormFileName("a.txt.bak") && !FormFiles.isFormFileName("txt") && !FormFiles.isFormFileName("a.md"))
    #expect(FormFiles.isExcluded("x/node_modules/a.txt", by: FormFiles.defaultExclude))
    #expect(!FormFiles.isExcluded("x/.cache/a.txt", by: FormFiles.defaultExclude))
    #expect(FormFiles.isExcluded("drafts/2021/a.txt", by: ["drafts/**"]))
    #expect(!FormFiles.isExcluded("final/drafts.txt", by: ["drafts"]))
  }

  @Test func nearestConfigurationIsFoundOnceAndStopsAtTheRoot() throws {
    let folder = try ScratchFolder()
    let deep = folder.url.appendingPathComponent("a/b/c")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    let config = try folder.write("a/.jixiao.json", "{}")
    var cache: [String: String?] = [:]
    #expect(FormFiles.nearestConfiguration(from: deep.path, cache: &cache) == config)
    #expect(cache[folder.url.appendingPathComponent("a/b").path] == .some(config))
    var fresh: [String: String?] = [:]
    #expect(FormFiles.nearestConfiguration(from: deep.path, stopAt: folder.url.appendingPathComponent("a/b").path, cache: &fresh) == nil)
  }
}
