import FormLint
import Foundation

/// Where a command reads and writes: the real process streams, or buffers in tests.
public final class Console: @unchecked Sendable {
  private let writeOut: (String) -> Void
  private let writeErr: (String) -> Void
  /// Writes UTF-8 bytes to standard output as they are (the real stream), else as text to `writeOut`.
  private let writeOutBytes: (([UInt8]) -> Void)?
  /// Bytes of standard input (read lazily), at most the given limit plus one: the caller refuses input above its
  /// limit without the rest ever being read.
  public let readInput: (_ limit: Int) -> [UInt8]
  /// Whether standard output is a terminal (colour, progress).
  public let isTerminal: Bool
  /// Whether standard error is a terminal (progress line).
  public let isErrorTerminal: Bool
  /// Environment variables.
  public let environment: [String: String]

  /// Creates a console.
  public convenience init(
    out: @escaping (String) -> Void, err: @escaping (String) -> Void, input: @escaping () -> [UInt8],
    isTerminal: Bool = false, isErrorTerminal: Bool = false, environment: [String: String] = [:]
  ) {
    self.init(
      out: out, err: err, boundedInput: { limit in Array(input().prefix(limit == Int.max ? limit : limit + 1)) },
      isTerminal: isTerminal, isErrorTerminal: isErrorTerminal, environment: environment)
  }

  /// Creates a console whose input is read up to a limit (plus one byte).
  public init(
    out: @escaping (String) -> Void, err: @escaping (String) -> Void, boundedInput: @escaping (_ limit: Int) -> [UInt8],
    isTerminal: Bool = false, isErrorTerminal: Bool = false, environment: [String: String] = [:],
    outBytes: (([UInt8]) -> Void)? = nil
  ) {
    writeOut = out
    writeErr = err
    writeOutBytes = outBytes
    readInput = boundedInput
    self.isTerminal = isTerminal
    self.isErrorTerminal = isErrorTerminal
    self.environment = environment
  }

  /// The process's own streams.
  public static func standard() -> Console {
    Console(
      out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
      err: { text in FileHandle.standardError.write(Data(text.utf8)) },
      boundedInput: { limit in SourceFile.readPrefix(STDIN_FILENO, limit: limit) },
      isTerminal: isatty(1) == 1, isErrorTerminal: isatty(2) == 1, environment: ProcessInfo.processInfo.environment,
      // The bytes as they are (no copy into `Data`: a report part of a large file is 20 MB).
      outBytes: { bytes in try! FileHandle.standardOutput.write(contentsOf: bytes) })
  }

  /// Standard input, refused (`SourceFileError.tooLarge`, reported under `name`) when it holds more than `limit`
  /// bytes: the one bounded read of stdin, for `check`, `report`, `export`, `convert` and `debug` alike.
  func readInput(named name: String, limit: Int) throws -> [UInt8] {
    let bytes = readInput(limit)
    if bytes.count > limit { throw SourceFileError.tooLarge(path: name, size: bytes.count, limit: limit) }
    return bytes
  }

  /// Writes to standard output.
  public func print(_ text: String, terminator: String = "\n") { writeOut(text + terminator) }
  /// Writes UTF-8 bytes to standard output (a part of a report rendered as bytes).
  public func write(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    if let writeOutBytes { writeOutBytes(bytes) } else { writeOut(String(decoding: bytes, as: UTF8.self)) }
  }
  /// Writes to standard error.
  public func error(_ text: String, terminator: String = "\n") { writeErr(text + terminator) }

  /// Whether to colour output: on a terminal, and never with NO_COLOR set.
  public var useColor: Bool { isTerminal && environment["NO_COLOR"] == nil }
}

/// Exit codes, as ruff and rustc use them.
public enum ExitCode {
  /// No error-severity finding.
  public static let success: Int32 = 0
  /// At least one error-severity finding.
  public static let findings: Int32 = 1
  /// Usage, configuration or I/O error.
  public static let usage: Int32 = 2
}

/// A command-line usage error: printed with a hint, exit 2.
public struct UsageError: Error, CustomStringConvertible {
  /// What was wrong, in both languages.
  public let text: LocalizedText
  /// Creates an error.
  public init(zh: String, en: String) { text = LocalizedText(zh: zh, en: en) }
  /// The English text.
  public var description: String { text.en }
}
