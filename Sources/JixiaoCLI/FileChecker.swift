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
      let outcome = check(paths[index], formsInParallel: paths.count < FileChecker.cores)
      var forms = 0
      if case .checked(let file) = outcome { forms = file.formNodeIndices.count }
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

  /// What `stream` keeps of a checked file once its part is written.
  struct Tally: Sendable {
    var path: String
    /// The 1-based line from which findings were left out (`CheckedFile.truncatedAt`), if they were.
    var truncatedLine: Int?
    var hasErrors: Bool
  }

  /// The outcome of a streamed run.
  struct StreamRun {
    /// The files checked, in path order.
    var files: [Tally]
    /// How many paths could not be read.
    var failures: Int
  }

  private enum Streamed {
    case rendered(Tally, StreamedReport.Part)
    case unreadable(String)
    case misconfigured(any Error)
  }

  /// Checks `paths` as `run` does, but renders each file's part of the report in the worker that checked it and
  /// hands the parts to `report` in path order as soon as every earlier file is done (the worker that completes
  /// the next file in order writes it and every later one already done), so output starts with the first file and
  /// only the files waiting for an earlier one are held. Unreadable paths are reported on stderr in their place
  /// in the order, as `run` reports them.
  ///
  /// A configuration error stops `run` before anything is written; where one is possible (a path whose
  /// configuration does not load), this falls back to `run` and writes the parts after it, so the output is the
  /// same as with `run`.
  func stream(_ paths: [String], into report: StreamedReport) throws -> StreamRun {
    let renderer = report.renderer
    if paths.contains(where: { (try? configurations.configuration(for: $0 == "-" ? stdinName ?? "-" : $0)) == nil }) {
      let run = try run(paths)
      for file in run.files { report.emit(renderer.part(of: file)) }
      return StreamRun(files: run.files.map(FileChecker.tally), failures: run.failures)
    }
    let output = OrderedOutput<Streamed>(count: paths.count)
    let progress = ProgressLine(total: paths.count, verb: verb, console: console, delay: progressDelay)
    let state = StreamState(report: report)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      let streamed: Streamed
      var forms = 0
      let alone = paths.count < FileChecker.cores
      switch check(paths[index], formsInParallel: alone) {
      case .checked(let file):
        forms = file.formNodeIndices.count
        // A file checked alone is rendered as it is written, on every core (the others wait for it anyway).
        streamed = .rendered(FileChecker.tally(file), renderer.part(of: file, deferring: alone))
      case .unreadable(let message): streamed = .unreadable(message)
      case .misconfigured(let error): streamed = .misconfigured(error)
      }
      progress.step(forms: forms)
      // Under the output's lock, in path order.
      output.store(streamed, at: index) { streamed in
        switch streamed {
        case .rendered(let tally, let part):
          state.report.emit(part)
          state.result.files.append(tally)
        case .unreadable(let message):
          console.error(CLIMessages.error(message, language))
          state.result.failures += 1
        case .misconfigured(let error):
          if state.misconfiguration == nil { state.misconfiguration = error }
        }
      }
    }
    progress.finish()
    if let misconfiguration = state.misconfiguration { throw misconfiguration }
    return state.result
  }

  /// What a streamed run's workers update in path order, under `OrderedOutput`'s lock only.
  private final class StreamState: @unchecked Sendable {
    let report: StreamedReport
    var result = StreamRun(files: [], failures: 0)
    var misconfiguration: (any Error)?
    init(report: StreamedReport) { self.report = report }
  }

  private static func tally(_ file: CheckedFile) -> Tally {
    Tally(
      path: file.path, truncatedLine: file.truncatedAt.map { file.location(of: $0).line },
      hasErrors: file.diagnostics.contains { $0.severity == .error })
  }

  /// Cores the workers share: with fewer files than cores, each file's forms are checked on several cores
  /// (`Linter.checksFormsInParallel`); with as many files as cores or more, every core has a file and each file is
  /// checked on its worker's thread (libdispatch would run the inner fan-out on one thread anyway).
  static let cores = ProcessInfo.processInfo.activeProcessorCount

  /// Reads and checks one file; its forms on several cores when `formsInParallel` (see `cores`).
  private func check(_ path: String, formsInParallel: Bool) -> Outcome {
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
    linter.checksFormsInParallel = formsInParallel
    let diagnostics = linter.lint(tree)
    return .checked(CheckedFile(
      source: source, tree: tree, diagnostics: diagnostics, configuration: configuration, office: office,
      truncatedAt: linter.lastTruncation, forms: keepsForms ? linter.forms : [], checkedFormNodes: linter.checkableNodeIndices))
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

/// Values filled in by concurrent workers, one slot each, and handed on in index order: each `store` hands on, under
/// the lock, its value and every later one already stored if every earlier one has been handed on, then drops them.
final class OrderedOutput<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]
  private var next = 0

  init(count: Int) { slots = [Value?](repeating: nil, count: count) }

  func store(_ value: Value, at index: Int, handOn: (Value) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
    while next < slots.count, let ready = slots[next] {
      slots[next] = nil
      next += 1
      handOn(ready)
    }
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
