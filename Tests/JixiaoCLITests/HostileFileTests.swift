import FormLint
import Foundation
import Testing

@testable import JixiaoCLI

/// Issue #15 (hostile input, second round): files that crashed, hung, grew without bound or lost edits.
@Suite struct HostileFileTests {
  static func contents(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

  /// #1: a limit of Int.max used to trap on `limit + 1`.
  @Test func limitOfIntMaxDoesNotOverflow() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    #expect(try SourceFile.read(path: path, maximumSize: Int.max).utf8 == Seed.bytes)
    #expect(CLIRun(["check", "--max-file-size", String(Int.max), path]).exitCode == ExitCode.findings)
    #expect(CLIRun(["check", "--max-file-size", String(Int.max), "-"], stdin: Seed.text).exitCode == ExitCode.findings)
    try folder.write(".jixiao.json", #"{"maxFileSize": 9223372036854775807}"#)
    #expect(CLIRun(["check", path]).exitCode == ExitCode.findings)
  }

  /// #4: a FIFO, named or found in a folder, is an error for that file, at once (no reader blocks on it).
  @Test func fifoIsRefusedWithoutBlocking() throws {
    let folder = try ScratchFolder()
    let fifo = folder.url.appendingPathComponent("pipe.txt").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let good = try folder.write("good.txt", Seed.bytes)
    #expect(throws: SourceFileError.unreadable(path: fifo, reason: "not a regular file (a FIFO); only regular files are checked")) {
      try SourceFile.read(path: fifo)
    }
    for arguments in [["check", fifo], ["check", folder.url.path], ["check", "--fix", folder.url.path]] {
      let run = CLIRun(arguments + ["--lang", "en"])
      #expect(run.exitCode == ExitCode.usage, "\(arguments)")
      #expect(run.stderr.contains("pipe.txt: not a regular file (a FIFO)"), "\(run.stderr)")
    }
    #expect(CLIRun(["check", "--format", "json", folder.url.path]).stdout.contains(good))
  }

  /// #9: stdin is read only up to the limit plus one byte, never to its end.
  @Test func standardInputIsReadOnlyUpToTheLimit() {
    let asked = LockedCount()
    let console = Console(out: { _ in }, err: { _ in }, boundedInput: { limit in
      asked.set(limit)
      return [UInt8](repeating: 0x61, count: min(limit + 1, 4096))
    })
    #expect(Jixiao.main(["check", "--max-file-size", "1000", "-"], console: console) == ExitCode.usage)
    #expect(asked.value == 1000)
    _ = Jixiao.main(["export", "-"], console: console)
    #expect(asked.value == SourceFile.defaultMaximumSize)
  }

  /// #15: a write to the file between the last check and the rename is not lost: the fix is refused instead.
  @Test func concurrentWriteBeforeTheRenameIsNotLost() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    let source = try SourceFile.read(path: path)
    let theirs = Array("附件5-1\n他人的修改\n".utf8)
    #expect(throws: SourceFileError.unwritable(path: path, reason: "it changed on disk since it was read")) {
      try source.write(Array("fixed".utf8), beforeReplacing: { try? Data(theirs).write(to: URL(fileURLWithPath: path)) })
    }
    #expect(Self.contents(path) == theirs)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["seed.txt"])
    // Same size, same bytes length, different content, written in place: still seen.
    let again = try SourceFile.read(path: path)
    var changed = theirs
    changed[0] = 0x41
    #expect(throws: SourceFileError.unwritable(path: path, reason: "it changed on disk since it was read")) {
      try again.write(Array("fixed".utf8), beforeReplacing: {
        let handle = FileHandle(forWritingAtPath: path)!
        handle.write(Data(changed))
        try? handle.close()
      })
    }
    #expect(Self.contents(path) == changed)
  }

  /// #15: the file replaced by someone else between the read and the lock (a second `--fix`) is refused.
  @Test func replacedFileIsRefused() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    let first = try SourceFile.read(path: path)
    let second = try SourceFile.read(path: path)
    try first.write(Array(Seed.text.replacingAll("14万　", with: "14万").utf8))
    let written = Self.contents(path)
    #expect(throws: SourceFileError.unwritable(path: path, reason: "it changed on disk since it was read")) {
      try second.write(Array("other".utf8))
    }
    #expect(Self.contents(path) == written)
  }

  /// #16: when the write is refused, `--fix` says which file, does not claim fixes, and reports what is on disk.
  @Test func refusedWriteReportsTheFileOnDisk() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    let before = CLIRun(["check", "--format", "json", path]).diagnostics.count
    let run = CLIRun(["check", "--fix", "--format", "json", "--lang", "en", path])
    #expect(run.exitCode == ExitCode.usage)
    #expect(run.stderr.contains("\(path): not written: it is read-only (mode 444)"), "\(run.stderr)")
    #expect(!run.stderr.contains("fixed"))
    #expect(run.diagnostics.count == before)
    #expect(Self.contents(path) == Seed.bytes)
  }

  /// #16: a file named twice is checked and fixed once.
  @Test func fileNamedTwiceIsFixedOnce() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("seed.txt", Seed.bytes)
    let run = CLIRun(["check", "--fix", path, path, folder.url.path + "/./seed.txt"])
    #expect(!run.stderr.contains("not written"), "\(run.stderr)")
    #expect(Self.contents(path) != Seed.bytes)
  }

  /// #17: `/dev/stdin` (and its /dev/fd, /proc aliases) is standard input: read, never written.
  @Test func devStdinIsStandardInput() throws {
    for alias in ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/dev//stdin"] {
      let run = CLIRun(["check", "--fix", alias], stdin: Seed.text)
      #expect(run.stdout.hasPrefix("附件5-1\n"), "\(alias): \(run.stdout.prefix(80))")
      #expect(!run.stdout.contains("14万　"))
    }
    #expect(SourceFile.namesDescriptor("/proc/123/fd/4"))
    #expect(!SourceFile.namesDescriptor("/tmp/fd/0"))
    // A link to /dev/stdin inside a folder is refused for writing, whatever stdin is.
    let folder = try ScratchFolder()
    let link = folder.url.appendingPathComponent("stdin.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/stdin")
    let source = try SourceFile(path: link, bytes: Seed.bytes)
    #expect(throws: SourceFileError.unwritable(path: link, reason: "it names a file descriptor (standard input), not a file")) {
      try source.write(Seed.bytes)
    }
  }

  /// #18: read-only files are refused; hard links are not split; mode, owner and group are kept.
  @Test func readOnlyHardLinkedAndOwnedFiles() throws {
    let folder = try ScratchFolder()
    let readOnly = try folder.write("ro.txt", Seed.bytes)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
    #expect(CLIRun(["check", "--fix", readOnly]).exitCode == ExitCode.usage)
    #expect(Self.contents(readOnly) == Seed.bytes)

    let linked = try folder.write("a.txt", Seed.bytes)
    let other = folder.url.appendingPathComponent("b.txt").path
    try FileManager.default.linkItem(atPath: linked, toPath: other)
    let run = CLIRun(["check", "--fix", "--lang", "en", linked])
    #expect(run.stderr.contains("a.txt: not written: it has 2 hard links"), "\(run.stderr)")
    var first = stat()
    var second = stat()
    #expect(stat(linked, &first) == 0 && stat(other, &second) == 0 && first.st_ino == second.st_ino)

    guard geteuid() == 0 else { return }  // only root can hand a file to another owner
    let owned = try folder.write("owned.txt", Seed.bytes)
    #expect(chown(owned, 65534, 65534) == 0)
    #expect(chmod(owned, 0o640) == 0)
    #expect(CLIRun(["check", "--fix", owned]).exitCode == ExitCode.findings)
    var status = stat()
    #expect(stat(owned, &status) == 0)
    #expect(status.st_uid == 65534 && status.st_gid == 65534 && status.st_mode & 0o7777 == 0o640)
    #expect(Self.contents(owned) != Seed.bytes)
  }

  /// #21: UTF-32 with a BOM is read (and written back as UTF-32); text with NUL bytes (UTF-16 or UTF-32 without a
  /// BOM) is refused, never reported clean.
  @Test func utf32AndNulBytes() throws {
    let folder = try ScratchFolder()
    let expected = CLIRun(["check", "--format", "json", Seed.url.path]).pairs
    for (name, bom, encoding) in [
      ("le.txt", [0xFF, 0xFE, 0x00, 0x00] as [UInt8], String.Encoding.utf32LittleEndian),
      ("be.txt", [0x00, 0x00, 0xFE, 0xFF], .utf32BigEndian),
    ] {
      let original = bom + [UInt8](Seed.text.data(using: encoding)!)
      let path = try folder.write(name, original)
      let run = CLIRun(["check", "--format", "json", path])
      #expect(run.exitCode == ExitCode.findings)
      #expect(run.pairs == expected)
      _ = CLIRun(["check", "--fix", path])
      let fixed = Self.contents(path)
      #expect(fixed.starts(with: bom) && fixed != original && fixed.count % 4 == 0)
      #expect(String(data: Data(fixed.dropFirst(4)), encoding: encoding)?.contains("14万\n") == true)
    }
    let nobom = try folder.write("utf16.txt", [UInt8]("plain\tascii\n".data(using: .utf16LittleEndian)!))
    let run = CLIRun(["check", "--lang", "en", nobom])
    #expect(run.exitCode == ExitCode.usage)
    #expect(run.stderr.contains("binary file") || run.stderr.contains("holds NUL bytes"), "\(run.stderr)")
    // Past the sniffed head, the decoder refuses NUL bytes itself.
    #expect(throws: SourceFileError.binary(path: "x")) {
      try SourceFile(path: "x", bytes: Array(String(repeating: "a", count: 9000).utf8) + [0, 0x61])
    }
  }
}

/// A value set from a closure the console calls.
final class LockedCount: @unchecked Sendable {
  private let lock = NSLock()
  private var stored = -1
  var value: Int { lock.withLock { stored } }
  func set(_ value: Int) { lock.withLock { stored = value } }
}
