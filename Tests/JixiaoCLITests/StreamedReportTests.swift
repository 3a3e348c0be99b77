import FormLint
import FormSyntax
import Foundation
import Testing

@testable import JixiaoCLI

/// `check` writes its report file by file as workers finish (`FileChecker.stream`); it must be the report the
/// collected files give (`Reporters.render`), byte for byte, in path order, whatever order the workers finish in.
@Suite struct StreamedReportTests {
  @Test(arguments: OutputFormat.allCases)
  func streamedReportIsTheWholeReport(format: OutputFormat) throws {
    let (folder, paths) = try FileCheckerTests.folder()
    _ = folder
    let console = Console(out: { _ in }, err: { _ in }, input: { [] })
    let whole = try FileCheckerTests.checker(console).run(paths).files
    var streamed: [UInt8] = []
    var errors = ""
    let streaming = Console(out: { _ in }, err: { errors += $0 }, input: { [] })
    let report = StreamedReport(format: format, language: .en, color: false) { streamed += $0 }
    let run = try FileCheckerTests.checker(streaming).stream(paths, into: report)
    report.finish(unchecked: run.failures)
    #expect(run.failures == 1)
    #expect(errors.hasPrefix("error: \(paths[7])"))
    #expect(run.files.map(\.path) == whole.map(\.path))
    #expect(run.files.map(\.hasErrors) == whole.map { $0.diagnostics.contains { $0.severity == .error } })
    let expected = format == .text
      ? TextReporter(language: .en, color: false).render(whole, unchecked: 1)
      : Reporters.render(whole, format: format, language: .en, color: false)
    #expect(String(decoding: streamed, as: UTF8.self) == expected)
    #expect(!whole.flatMap(\.diagnostics).isEmpty)
  }

  /// A file checked alone has its JSON rendered as it is written, in chunks on every core (`streamFileJSON`): the
  /// same bytes as its whole part, for chunks that divide the findings evenly or not, windows of one or more chunks.
  @Test(arguments: [(1, 1), (5, 3), (7, 2), (56, 4), (1_000, 2)])
  func chunkedJSONIsTheWholePart(chunk: Int, window: Int) throws {
    let bytes = Array(repeating: Seed.bytes, count: 3).flatMap { $0 }
    let file = try CheckedFile.checking(bytes, path: "seed×3.txt")
    #expect(file.diagnostics.count > 150)
    for file in [file, try CheckedFile.checking([], path: "empty.txt")] {
      var chunked: [UInt8] = []
      var writes = 0
      Reporters.streamFileJSON(file, language: .zh, diagnosticsPerChunk: chunk, chunksPerWindow: window) {
        chunked += $0
        writes += 1
      }
      #expect(chunked == Reporters.fileJSON(file, language: .zh), "chunks of \(chunk), windows of \(window)")
      #expect(writes == 2 + (file.diagnostics.count + chunk - 1) / chunk)
    }
  }

  /// One path: its part is deferred (rendered while written) and the report is still the whole one.
  @Test(arguments: [OutputFormat.json, .sarif, .text])
  func reportOfOneFileAloneIsTheWholeReport(format: OutputFormat) throws {
    let (folder, paths) = try FileCheckerTests.folder()
    _ = folder
    let console = Console(out: { _ in }, err: { _ in }, input: { [] })
    let whole = try FileCheckerTests.checker(console).run([paths[0]]).files
    var streamed: [UInt8] = []
    let report = StreamedReport(format: format, language: .zh, color: false) { streamed += $0 }
    let run = try FileCheckerTests.checker(console).stream([paths[0]], into: report)
    report.finish(unchecked: run.failures)
    let expected = format == .text
      ? TextReporter(language: .zh, color: false).render(whole, unchecked: 0)
      : Reporters.render(whole, format: format, language: .zh, color: false)
    #expect(String(decoding: streamed, as: UTF8.self) == expected)
    #expect(whole[0].diagnostics.count > 150)
  }

  /// The JSON and SARIF of no file at all are still whole documents.
  @Test func reportOfNoFileIsAWholeDocument() throws {
    for format in [OutputFormat.json, .sarif] {
      var bytes: [UInt8] = []
      let report = StreamedReport(format: format, language: .zh, color: false) { bytes += $0 }
      report.finish(unchecked: 0)
      let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
      #expect(object != nil)
      #expect(String(decoding: bytes, as: UTF8.self) == Reporters.render([], format: format, language: .zh, color: false))
    }
  }

  @Test func orderedOutputHandsValuesOnInIndexOrderOnce() {
    let count = 500
    let output = OrderedOutput<Int>(count: count)
    let handed = Handed()
    DispatchQueue.concurrentPerform(iterations: count) { index in
      // Stored in an order unlike the index order.
      let slot = (index * 7919) % count
      output.store(slot, at: slot) { handed.values.append($0) }
    }
    #expect(handed.values == Array(0..<count))
    var seen: [Int] = []
    let serial = OrderedOutput<Int>(count: 4)
    for index in [2, 0, 3, 1] {
      serial.store(index, at: index) { seen.append($0) }
      if index == 2 { #expect(seen.isEmpty) }
    }
    #expect(seen == [0, 1, 2, 3])
  }

  /// Values handed on (appended under `OrderedOutput`'s lock only).
  private final class Handed: @unchecked Sendable {
    var values: [Int] = []
  }
}

extension CheckedFile {
  /// A file checked as `check` checks it, from bytes.
  fileprivate static func checking(_ bytes: [UInt8], path: String) throws -> CheckedFile {
    let tree = SyntaxTree(parsing: bytes)
    return CheckedFile(source: try SourceFile(path: path, bytes: bytes), tree: tree, diagnostics: Linter().lint(tree))
  }
}
