import FormLint

/// `jixiao check`'s report written file by file, in path order, while later files are still being checked: the
/// first findings appear early, and a file's tree and findings are freed once its part is written.
///
/// Every format is a head, one part per file (rendered as bytes by the worker that checked the file, in parallel:
/// `Renderer.part`), separators between the parts that are not empty, and a tail made from the counts over the
/// files. `Reporters.render` assembles a whole report from the same pieces, so streamed and whole reports are the
/// same bytes.
///
/// Not thread-safe: `emit` and `finish` are called one at a time, in path order (the checking engine calls
/// `emit` under its lock).
final class StreamedReport {
  let renderer: Renderer
  private let write: ([UInt8]) -> Void
  /// Whether the head was written (it is written with the first part, or by `finish`, never before: a run that
  /// fails before any file is checked writes nothing).
  private var opened = false
  /// How many parts that were not empty were written.
  private var written = 0
  /// The counts over the files emitted so far.
  private(set) var counts = SeverityCounts()
  private(set) var fixable = 0
  private(set) var files = 0

  init(format: OutputFormat, language: Language, color: Bool, write: @escaping ([UInt8]) -> Void) {
    renderer = Renderer(format: format, language: language, color: color)
    self.write = write
  }

  /// What renders a file's part: a value any worker may use.
  struct Renderer: Sendable {
    let format: OutputFormat
    let language: Language
    let color: Bool

    /// One file's part of the report (its bytes, and the counts the tail needs). A JSON, SARIF or text part may be left
    /// to be rendered as it is written (`deferring`, for a file checked alone: `ChunkedPart`).
    func part(of file: CheckedFile, deferring: Bool = false) -> Part {
      var bytes: [UInt8] = []
      let counts = SeverityCounts(file.diagnostics)
      let fixable = TextReporter.fixableCount(file.diagnostics)
      switch format {
      case .json where deferring, .text where deferring && !file.diagnostics.isEmpty,
        .sarif where deferring && !file.diagnostics.isEmpty:
        return Part(bytes: [], counts: counts, fixable: fixable, deferred: file)
      case .json: bytes = Reporters.fileJSON(file, language: language)
      case .sarif: SarifReporter(language: language).writeResults(file.diagnostics.indices, of: file, into: &bytes)
      case .text: bytes = Array(TextReporter(language: language, color: color).render(file).utf8)
      case .github: bytes = Array(Reporters.githubReport([file], language: language).utf8)
      }
      return Part(bytes: bytes, counts: counts, fixable: fixable)
    }
  }

  /// One file's rendered part.
  struct Part: Sendable {
    var bytes: [UInt8]
    var counts: SeverityCounts
    var fixable: Int
    /// A JSON, SARIF or text part rendered only when written (then `bytes` is empty).
    var deferred: CheckedFile? = nil
  }

  /// The format's pieces around the parts.
  private struct Frame {
    var head: [UInt8] = []
    /// Before the first part that is not empty, between such parts, after the last; and instead of them all when
    /// every part is empty.
    var open: [UInt8] = []
    var separator: [UInt8] = []
    var close: [UInt8] = []
    var empty: [UInt8] = []
  }

  private lazy var frame: Frame = {
    switch renderer.format {
    case .json:
      return Frame(
        head: Array(#"{"version":1,"files":"#.utf8), open: [UInt8(ascii: "[")], separator: [UInt8(ascii: ",")],
        close: [UInt8(ascii: "]")], empty: Array("[]".utf8))
    case .sarif:
      var close: [UInt8] = []
      JSON.newline(into: &close, pretty: true, level: SarifReporter.resultLevel - 1)
      close.append(UInt8(ascii: "]"))
      return Frame(
        head: sarifEnvelope.head, open: [UInt8(ascii: "[")], separator: [UInt8(ascii: ",")], close: close,
        empty: Array("[]".utf8))
    case .text, .github:
      return Frame()
    }
  }()

  private lazy var sarifEnvelope = SarifReporter(language: renderer.language).envelope()

  /// Writes the next file's part (files in path order).
  func emit(_ part: Part) {
    files += 1
    counts.add(part.counts)
    fixable += part.fixable
    guard !part.bytes.isEmpty || part.deferred != nil else { return }
    if !opened {
      opened = true
      write(frame.head)
    }
    write(written == 0 ? frame.open : frame.separator)
    written += 1
    if let file = part.deferred {
      switch renderer.format {
      case .json: Reporters.streamFileJSON(file, language: renderer.language, write: write)
      case .sarif:
        let reporter = SarifReporter(language: renderer.language)
        ChunkedPart.write(
          count: file.diagnostics.count, head: [], tail: [], render: { reporter.writeResults($0, of: file, into: &$1) },
          write: write)
      case .text, .github: TextReporter(language: renderer.language, color: renderer.color).stream(file, write: write)
      }
    } else {
      write(part.bytes)
    }
  }

  /// Writes the end of the report; `fixed` and `unchecked` as `TextReporter.summary` takes them.
  func finish(fixed: Int? = nil, unchecked: Int) {
    if !opened { write(frame.head) }
    write(written == 0 ? frame.empty : frame.close)
    switch renderer.format {
    case .json:
      var tail = Array(#","summary":"#.utf8)
      Reporters.summaryJSON(counts, files: files).write(into: &tail, pretty: false)
      tail += Array("}\n".utf8)
      write(tail)
    case .sarif: write(sarifEnvelope.tail)
    case .text:
      let reporter = TextReporter(language: renderer.language, color: renderer.color)
      write(Array(reporter.summary(counts: counts, fixable: fixable, fileCount: files, fixed: fixed, unchecked: unchecked).utf8))
    case .github: break
    }
  }
}
