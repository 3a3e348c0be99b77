import FormLint
import Foundation
import Testing

@testable import JixiaoCLI

/// The engine `check` and `report` share: every core, results in path order, progress only on a terminal.
@Suite struct FileCheckerTests {
  /// Files of very different sizes (so workers finish out of order), one unreadable in the middle.
  static func folder() throws -> (ScratchFolder, [String]) {
    let folder = try ScratchFolder()
    var paths: [String] = []
    for index in 0..<24 {
      let copies = index % 5 == 0 ? 3 : 1
      let bytes: [UInt8] = index == 7 ? [0xFF, 0x00, 0xC3] : Array(repeating: Seed.bytes, count: copies).flatMap { $0 }
      paths.append(try folder.write(String(format: "f%02d.txt", index), bytes))
    }
    return (folder, paths)
  }

  static func checker(_ console: Console, delay: TimeInterval = 0) throws -> FileChecker {
    let overrides = try CommandLineOverrides(ParsedArguments.parse([], specs: CheckCommand.options))
    var checker = FileChecker(
      configurations: try ConfigurationResolver(explicitPath: nil, overrides: overrides, console: console), console: console,
      language: .en)
    checker.progressDelay = delay
    return checker
  }

  @Test func resultsComeBackInPathOrderWithTheSameFindingsAsOneAtATime() throws {
    let (folder, paths) = try Self.folder()
    _ = folder
    var errors = ""
    let console = Console(out: { _ in }, err: { errors += $0 }, input: { [] })
    let run = try Self.checker(console).run(paths)
    #expect(run.failures == 1)
    #expect(run.files.map(\.path) == paths.enumerated().filter { $0.offset != 7 }.map(\.element))
    #expect(errors.hasPrefix("error: \(paths[7])"))
    for file in run.files {
      let alone = try Self.checker(console).run([file.path]).files
      #expect(alone.map(\.diagnostics) == [file.diagnostics])
    }
    #expect(run.files[0].diagnostics.count > run.files[1].diagnostics.count)
  }

  @Test func progressOnATerminalCountsFilesAndForms() throws {
    let (folder, paths) = try Self.folder()
    _ = folder
    var errors = ""
    let console = Console(out: { _ in }, err: { errors += $0 }, input: { [] }, isErrorTerminal: true)
    _ = try Self.checker(console).run(paths)
    // 5 files of 3 seeds and 18 of one seed, 5 forms each; the unreadable file counts as done with no forms.
    #expect(errors.contains("checking 24/24 files, \((5 * 3 + 18) * 5) forms, "))
    // The line is cleared before the unreadable file's error is printed.
    #expect(errors.contains("\r\u{1B}[Kerror: \(paths[7])"))
  }

  @Test func noProgressWhenStderrIsNotATerminalOrTheRunIsShort() throws {
    let (folder, paths) = try Self.folder()
    _ = folder
    var errors = ""
    let pipe = Console(out: { _ in }, err: { errors += $0 }, input: { [] }, isErrorTerminal: false)
    _ = try Self.checker(pipe).run(paths)
    #expect(!errors.contains("checking"))
    let terminal = Console(out: { _ in }, err: { errors += $0 }, input: { [] }, isErrorTerminal: true)
    _ = try Self.checker(terminal, delay: 3600).run(paths)
    #expect(!errors.contains("checking"))
  }

  @Test func progressText() {
    #expect(ProgressLine.text(verb: "checking", done: 3, total: 10, forms: 15, elapsed: 2.06) == "checking 3/10 files, 15 forms, 2.0 s")
  }
}
