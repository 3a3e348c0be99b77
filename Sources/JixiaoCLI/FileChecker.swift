import FormLint
import FormSyntax
import Foundation
import OfficeFormats

/// The checking engine `check` and `report` share: reads, decodes, parses and checks files on every core and
/// hands the results back in the order the paths were given, whatever order the workers finish in.
///
/// Reading goes through `SourceFile.read` (and stdin for `-`), so every input the CLI reads, `report` reads.
/// Files that cannot be read (or are Word, Excel, PDF or binary files) are reported on stderr, in path order,
/// and counted; the others are still checked. Configuration errors stop the run.
struct FileChecker {
  let configurations: ConfigurationResolver
  let console: Console
  /// The language of the messages about files that cannot be read.
  let language: Language
  /// `--max-file-size`: wins over the configuration's `maxFileSize`, which wins over the default.
  var maximumSize: Int?
  /// `--max-findings`: findings reported per file at most.
  var maximumFindings = Linter.defaultMaximumFindings
  /// `--stdin-filename`: the name reported for `-`.
  var stdinName: String?
  /// What the progress line says it is doing (`checking`).
  var verb = "checking"
  /// How long a run lasts before the progress line appears.
  var progressDelay = ProgressLine.delay
  /// Refuse Word and Excel files (`--fix`, `--diff`: they change text files only), pointing at `annotate`.
  var refusesOffice = false
  /// Keep the typed forms the linter read (`CheckedFile.forms`), for `report` and `export`, which show them.
  var keepsForms = false

  /// The outcome of a run.
  struct Run {
    /// The files read and checked, in path order.
    var files: [CheckedFile]
    /// How many paths could not be read.
    var failures: Int
  }

  private enum Outcome {
    case checked(CheckedFile)
    case unreadable(String)
    case misconfigured(any Error)
  }

  /// Checks `paths` (files, or `-` for stdin).
  func run(_ paths: [String]) throws -> Run {
    let outcomes = Slots<Outcome>(count: paths.count)
    let progress = ProgressLine(total: paths.count, verb: verb, console: console, delay: progressDelay)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      let outcome = check(paths[index])
      var forms = 0
      if case .checked(let file) = outcome { forms = file.tree.nodes.lazy.filter(Linter.isCheckable).count }
      outcomes.store(outcome, at: index)
      progress.step(forms: forms)
    }
    progress.finish()
    var run = Run(files: [], failures: 0)
    for outcome in outcomes.values {
      switch outcome {
      case .checked(let file): run.files.append(file)
      case .unreadable(let message):
        console.error(CLIMessages.error(message, language))
        run.failures += 1
      case .misconfigured(let error): throw error
      case nil: break
      }
    }
    return run
  }

  private func check(_ path: String) -> Outcome {
    let source: SourceFile
    var office: RenderedNotation?
    do {
      if path != "-", OfficeInput.isOffice(path) {
        if refusesOffice { throw OfficeInput.refusesFixes(path) }
        let limit = try maximumSize ?? configurations.maximumFileSize(for: path) ?? SourceFile.defaultMaximumSize
        (source, office) = try OfficeInput.read(path: path, maximumSize: limit)
      } else {
        source = try read(path)
      }
    } catch let error as NotAForm {
      return .unreadable(error.message)
    } catch {
      return .unreadable(CLIMessages.describe(error, language))
    }
    let configuration: LintConfiguration
    do {
      configuration = try configurations.configuration(for: source.path)
    } catch {
      return .misconfigured(error)
    }
    let tree = SyntaxTree(parsing: source.utf8, layout: configuration.layoutPolicy(forPath: source.path))
    let linter = Linter(configuration: configuration)
    linter.maximumFindings = maximumFindings
    linter.retainsForms = keepsForms
    let diagnostics = linter.lint(tree)
    return .checked(CheckedFile(
      source: source, tree: tree, diagnostics: diagnostics, configuration: configuration, office: office,
      truncatedAt: linter.lastTruncation, forms: keepsForms ? linter.forms : []))
  }

  /// A file that is not a text form (a Word, Excel, PDF or binary file), with what to do about it.
  private struct NotAForm: Error {
    let message: String
  }

  private func read(_ path: String) throws -> SourceFile {
    let name = path == "-" ? stdinName ?? "-" : path
    let limit = try maximumSize ?? configurations.maximumFileSize(for: name) ?? SourceFile.defaultMaximumSize
    let separator = LocalizedText(zh: "：", en: ": ").text(language)
    // `-`, `/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`: standard input, read up to one byte past the limit.
    guard path == "-" || SourceFile.namesStandardInput(path) else {
      if let explanation = FileKind.sniff(FileChecker.leadingBytes(of: path), path: path).explanation {
        throw NotAForm(message: path + separator + explanation.text(language))
      }
      return try SourceFile.read(path: path, maximumSize: limit, allowStreams: SourceFile.namesDescriptor(path))
    }
    let bytes = try console.readInput(named: name, limit: limit)
    if let explanation = FileKind.sniff(bytes, path: name).explanation {
      throw NotAForm(message: name + separator + explanation.text(language))
    }
    return try SourceFile(path: name, bytes: bytes)
  }

  /// The first bytes of a file, to tell a Word or Excel file from text before decoding (GB18030 decodes
  /// almost any bytes). Empty when the file cannot be opened: reading it reports why.
  /// Empty too for anything but a regular file (a FIFO would block here): reading refuses it.
  static func leadingBytes(of path: String) -> [UInt8] {
    SourceFile.leadingBytes(path: path, count: 1 << 16)
  }
}

/// Results filled in by concurrent workers, one slot each, under a lock.
final class Slots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  init(count: Int) { slots = [Value?](repeating: nil, count: count) }

  func store(_ value: Value, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  /// The values, index for index (read once the workers are done).
  var values: [Value?] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}

/// `checking 120/500 files, 600 forms, 3.2 s` on stderr, rewritten in place, when stderr is a terminal and
/// the run lasts long enough to need it (half a second); nothing otherwise, so logs and pipes stay clean.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let total: Int
  private let verb: String
  private let console: Console
  private let started = Date()
  private var done = 0
  private var forms = 0
  private var lastShown: TimeInterval = 0
  private var shown = false
  private let delay: TimeInterval

  /// Seconds before the first line, by default, and between updates.
  static let delay: TimeInterval = 0.5
  static let interval: TimeInterval = 0.1

  init(total: Int, verb: String, console: Console, delay: TimeInterval = ProgressLine.delay) {
    self.total = total
    self.verb = verb
    self.console = console
    self.delay = delay
  }

  /// One more file done, holding `forms` forms.
  func step(forms: Int) {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    self.forms += forms
    guard console.isErrorTerminal else { return }
    let elapsed = Date().timeIntervalSince(started)
    guard elapsed >= delay, !shown || elapsed - lastShown >= ProgressLine.interval || done == total else { return }
    lastShown = elapsed
    shown = true
    console.error("\r\u{1B}[K" + ProgressLine.text(verb: verb, done: done, total: total, forms: self.forms, elapsed: elapsed), terminator: "")
  }

  /// Clears the line, if one was shown.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { console.error("\r\u{1B}[K", terminator: "") }
  }

  static func text(verb: String, done: Int, total: Int, forms: Int, elapsed: TimeInterval) -> String {
    let tenths = Int((elapsed * 10).rounded(.down))
    return "\(verb) \(done)/\(total) files, \(forms) forms, \(tenths / 10).\(tenths % 10) s"
  }
}
