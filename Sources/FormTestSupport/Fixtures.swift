import FormSyntax
import Foundation

/// The files under `Tests/Fixtures`, found from this source file's path (no bundle resources needed).
public enum Fixtures {
  /// The folder holding `Package.swift`, found by walking up from `filePath`.
  public static func repositoryRoot(from filePath: String = #filePath) -> URL {
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
      folder.deleteLastPathComponent()
    }
    preconditionFailure("No Package.swift above \(filePath)")
  }

  /// `Tests/Fixtures` of the repository.
  public static var folder: URL { repositoryRoot().appendingPathComponent("Tests/Fixtures") }

  /// The bytes of a fixture file; a missing fixture stops the test run.
  public static func bytes(named name: String) -> [UInt8] {
    let url = folder.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      preconditionFailure("Missing fixture \(url.path)")
    }
    return [UInt8](data)
  }

  /// The seed corpus: five 2021 forms of 临武县司法局, LF line ends, 536 lines.
  public static var seedBytes: [UInt8] { bytes(named: "linwu-sifaju-2021.txt") }

  /// The seed converted to clipboard TSV by `Scripts/layouts/convert_notation.py` (one row per line).
  public static var seedTSVBytes: [UInt8] { bytes(named: "linwu-sifaju-2021.clipboard.tsv") }

  /// The seed converted to Markdown pipe tables by `Scripts/layouts/convert_notation.py`.
  public static var seedMarkdownBytes: [UInt8] { bytes(named: "linwu-sifaju-2021.md") }

  /// The seed in a layout.
  public static func seedBytes(in layout: Layout) -> [UInt8] {
    switch layout {
    case .notation: return seedBytes
    case .tsv: return seedTSVBytes
    case .markdown: return seedMarkdownBytes
    }
  }

  /// The seed corpus as a string.
  public static var seedText: String { String(decoding: seedBytes, as: UTF8.self) }

  /// The expected findings of the seed, as the TSV file holds them (comment lines included).
  public static var expectedTSV: String {
    String(decoding: bytes(named: "linwu-sifaju-2021.expected.tsv"), as: UTF8.self)
  }

  /// One line of the expected-findings TSV.
  public struct ExpectedFinding: Sendable, Equatable {
    /// 1-based line.
    public let line: Int
    /// Rule code, such as `JX301`.
    public let code: String
    /// Why the finding is expected.
    public let note: String
  }

  /// The expected findings of the seed, without the `#` header line.
  public static var expectedFindings: [ExpectedFinding] {
    expectedTSV.split(separator: "\n").compactMap { row in
      guard !row.hasPrefix("#") else { return nil }
      let fields = row.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count >= 2, let line = Int(fields[0]) else { return nil }
      return ExpectedFinding(line: line, code: String(fields[1]), note: fields.count > 2 ? String(fields[2]) : "")
    }
  }
}
