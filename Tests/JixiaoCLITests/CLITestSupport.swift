import Foundation
import Testing

@testable import JixiaoCLI

/// Runs a command line in-process and captures what it prints.
struct CLIRun {
  let exitCode: Int32
  let stdout: String
  let stderr: String

  init(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) {
    var out = ""
    var err = ""
    let console = Console(out: { out += $0 }, err: { err += $0 }, input: { Array(stdin.utf8) }, environment: environment)
    exitCode = Jixiao.main(arguments, console: console)
    stdout = out
    stderr = err
  }
}

/// A scratch folder removed at the end of the test.
final class ScratchFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes a file and returns its path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = url.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

enum Seed {
  static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/linwu-sifaju-2021.txt")
  static var bytes: [UInt8] { [UInt8](FileManager.default.contents(atPath: url.path)!) }
  static var text: String { String(decoding: bytes, as: UTF8.self) }
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
}

extension CLIRun {
  /// The JSON report's diagnostics as dictionaries; output that is not a JSON report fails the test (it is not
  /// "no diagnostics").
  var diagnostics: [[String: Any]] {
    guard let report = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any],
      let files = report["files"] as? [[String: Any]]
    else {
      Issue.record("stdout is not a JSON report (exit \(exitCode)): \(stdout.prefix(200)) stderr: \(stderr.prefix(200))")
      return []
    }
    return files.flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
  }

  /// `line:code` of each diagnostic.
  var pairs: [String] {
    diagnostics.map { diagnostic in
      let start = (diagnostic["range"] as? [String: Any])?["start"] as? [String: Any]
      return "\(start?["line"] as? Int ?? -1):\(diagnostic["code"] as? String ?? "?")"
    }
  }
}
