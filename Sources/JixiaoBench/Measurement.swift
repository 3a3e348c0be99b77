import FormLint
import FormSyntax
import Foundation
import LSP

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Monotonic time in nanoseconds.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// CPU time of the calling thread in nanoseconds (what a measurement took of the CPU, whoever else ran meanwhile).
@inline(__always)
func threadCPUNanoseconds() -> UInt64 {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Milliseconds `body` took.
@inline(__always)
func timeMilliseconds(_ body: () -> Void) -> Double {
  let start = monotonicNanoseconds()
  body()
  return Double(monotonicNanoseconds() - start) / 1e6
}

/// Peak resident set size of this process (getrusage `ru_maxrss`), in MiB.
func peakRSSMiB() -> Double {
  var usage = rusage()
  #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  #if canImport(Darwin)
    return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
  #else
    return Double(usage.ru_maxrss) / 1024  // KiB on Linux
  #endif
}

/// Current resident set size (VmRSS of /proc/self/status), in MiB; nil where /proc is missing.
func currentRSSMiB() -> Double? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
  for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
    let kib = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
    return kib.map { $0 / 1024 }
  }
  return nil
}

/// Nearest-rank percentile of `samples` (as the peer measurements use), `fraction` in 0…1.
func percentile(_ samples: [Double], _ fraction: Double) -> Double {
  guard !samples.isEmpty else { return .nan }
  let sorted = samples.sorted()
  let rank = max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
  return sorted[min(rank, sorted.count) - 1]
}

func median(_ samples: [Double]) -> Double { percentile(samples, 0.5) }

/// The findings converted to LSP UTF-16 ranges (the protocol's own types): the last step before a server encodes
/// `publishDiagnostics`.
func lspRanges(_ findings: [FormLint.Diagnostic], in tree: SyntaxTree) -> [LSPRange] {
  func position(_ offset: Int) -> Position {
    let position = tree.position(of: offset, in: .utf16)
    return Position(line: position.line, character: position.column)
  }
  return findings.map { LSPRange(start: position($0.range.lowerBound), end: position($0.range.upperBound)) }
}

/// What the benchmark measured for one corpus size; the JSON output is an array of these.
struct SizeResult: Codable {
  var sizeLabel: String
  var bytes, lines, forms, findings, runs: Int
  var parseMilliseconds, checkMilliseconds: [Double]
  var parseMBps, checkMBps: Double
  var keystroke: KeystrokeResult?
  /// Keystroke → diagnostics through the real server in-process, push and pull.
  var server: [ServerKeystrokeResult]?
  /// RSS after building the tree and the linter's cache for the keystroke runs (a proxy of a server's memory).
  var rssWithDocumentMiB: Double?
  var peakRSSMiB: Double
}

/// Keystroke → fresh diagnostics, in-process.
struct KeystrokeResult: Codable {
  var edits: Int
  var p50Milliseconds, p90Milliseconds, p99Milliseconds, maxMilliseconds: Double
  var reparseP50Milliseconds, lintP50Milliseconds, reparseP99Milliseconds, lintP99Milliseconds: Double
  var formsCheckedPerEdit: Double
  /// parse + lint with a fresh linter + conversion of every finding, median.
  var fullRecheckMilliseconds: Double
  var ratioAtP50, ratioAtP99: Double
  /// The incremental findings after the last edit equal a fresh check of the same text.
  var matchesFreshCheck: Bool
  /// Edits after which the linter ran the document rules again (a form's summary changed: its annex, title or
  /// project name), the median lint time of those edits and the 99th percentile of the others.
  var documentRuleEdits: Int?
  var documentRuleLintP50Milliseconds: Double?
  var otherLintP99Milliseconds: Double?
  /// The lint's CPU time on the calling thread (a one-form edit is checked there): on a loaded machine the wall
  /// clock also counts the time other processes held the core.
  var lintCPUP50Milliseconds: Double?
  var lintCPUP99Milliseconds: Double?
}

/// Runs the measurements of one corpus size in this process.
struct SizeBenchmark {
  let label: String
  let byteCount: Int
  let runs: Int
  let edits: Int
  let seed: UInt64
  let seedBytes: [UInt8]
  var log: (String) -> Void = { _ in }

  func run() -> SizeResult {
    var generator = CorpusGenerator(seedBytes: seedBytes, seed: seed)
    var bytes = generator.generate(byteCount: byteCount)
    // JIXIAO_BENCH_LAYOUT=tsv|markdown: the same corpus written in that layout (`jixiao convert`), read by detection.
    if let name = ProcessInfo.processInfo.environment["JIXIAO_BENCH_LAYOUT"], let layout = Layout(rawValue: name),
      layout != .notation
    {
      bytes = Array(SyntaxTree(parsing: bytes).converted(to: layout).utf8)
    }
    let megabytes = Double(bytes.count) / 1e6
    log("\(label): generated \(bytes.count) bytes")

    var parseTimes: [Double] = []
    var forms = 0
    var lines = 0
    for _ in 0..<runs {
      var tree: SyntaxTree?
      parseTimes.append(timeMilliseconds { tree = SyntaxTree(parsing: bytes) })
      forms = tree!.nodes.count(where: \.isForm)
      lines = tree!.lineCount
    }
    log("\(label): parse median \(median(parseTimes)) ms")

    var checkTimes: [Double] = []
    var findingCount = 0
    for _ in 0..<runs {
      var findings: [FormLint.Diagnostic] = []
      checkTimes.append(
        timeMilliseconds {
          let tree = SyntaxTree(parsing: bytes)
          findings = Linter().lint(tree)
        })
      findingCount = findings.count
    }
    log("\(label): check median \(median(checkTimes)) ms")

    var result = SizeResult(
      sizeLabel: label, bytes: bytes.count, lines: lines, forms: forms, findings: findingCount, runs: runs,
      parseMilliseconds: parseTimes, checkMilliseconds: checkTimes,
      parseMBps: megabytes / (median(parseTimes) / 1000), checkMBps: megabytes / (median(checkTimes) / 1000),
      keystroke: nil, rssWithDocumentMiB: nil, peakRSSMiB: 0)
    if edits > 0 {
      let (keystroke, rss) = measureKeystrokes(bytes)
      result.keystroke = keystroke
      result.rssWithDocumentMiB = rss
      result.server = [ServerBenchmark.Mode.push, .pull].map { mode in
        ServerBenchmark(mode: mode, edits: min(edits, 200), seed: seed, log: log).run(bytes)
      }
    }
    result.peakRSSMiB = peakRSSMiB()
    return result
  }

  /// Random single-character edits inside cells: reparse and re-lint (the server's conversion and serialization are
  /// measured through the server itself, `ServerBenchmark`).
  private func measureKeystrokes(_ bytes: [UInt8]) -> (KeystrokeResult, Double?) {
    var tree = SyntaxTree(parsing: bytes)
    let linter = Linter()
    _ = linter.lintPerNode(tree)
    let rss = currentRSSMiB()
    var random = BenchRandom(seed: seed ^ 0x6B65_7973_7472_6F6B)
    var totals: [Double] = []
    var reparses: [Double] = []
    var lints: [Double] = []
    var documentRuleLints: [Double] = []
    var otherLints: [Double] = []
    var lintCPU: [Double] = []
    var checkedForms = 0
    var sink = 0
    let warmup = 10
    for index in 0..<(warmup + edits) {
      let edit = Self.randomCellEdit(in: tree, using: &random)
      let start = monotonicNanoseconds()
      let next = tree.applying(edit).tree
      let parsed = monotonicNanoseconds()
      let cpuStart = threadCPUNanoseconds()
      let findings = linter.lintPerNode(next)
      let cpuEnd = threadCPUNanoseconds()
      let linted = monotonicNanoseconds()
      sink &+= findings.count
      tree = next
      guard index >= warmup else { continue }
      checkedForms += linter.lastCheckedFormCount
      totals.append(Double(linted - start) / 1e6)
      reparses.append(Double(parsed - start) / 1e6)
      lints.append(Double(linted - parsed) / 1e6)
      lintCPU.append(Double(cpuEnd - cpuStart) / 1e6)
      if linter.lastRanDocumentRules {
        documentRuleLints.append(Double(linted - parsed) / 1e6)
      } else {
        otherLints.append(Double(linted - parsed) / 1e6)
      }
    }
    log("\(label): keystroke p50 \(median(totals)) ms (sink \(sink))")

    // The cost a non-incremental server pays per keystroke: the same work from scratch.
    let text = tree.printedBytes
    var fullTimes: [Double] = []
    var fresh: [FormLint.Diagnostic] = []
    for _ in 0..<max(3, runs) {
      fullTimes.append(
        timeMilliseconds {
          let freshTree = SyntaxTree(parsing: text)
          fresh = Linter().lint(freshTree)
          sink &+= lspRanges(fresh, in: freshTree).count
        })
    }
    let incremental = linter.lint(tree)
    let full = median(fullTimes)
    let p50 = median(totals)
    let p99 = percentile(totals, 0.99)
    return (
      KeystrokeResult(
        edits: edits, p50Milliseconds: p50, p90Milliseconds: percentile(totals, 0.9), p99Milliseconds: p99,
        maxMilliseconds: totals.max() ?? .nan,
        reparseP50Milliseconds: median(reparses), lintP50Milliseconds: median(lints),
        reparseP99Milliseconds: percentile(reparses, 0.99), lintP99Milliseconds: percentile(lints, 0.99),
        formsCheckedPerEdit: Double(checkedForms) / Double(edits),
        fullRecheckMilliseconds: full, ratioAtP50: full / p50, ratioAtP99: full / p99,
        matchesFreshCheck: incremental == fresh, documentRuleEdits: documentRuleLints.count,
        documentRuleLintP50Milliseconds: median(documentRuleLints), otherLintP99Milliseconds: percentile(otherLints, 0.99),
        lintCPUP50Milliseconds: median(lintCPU), lintCPUP99Milliseconds: percentile(lintCPU, 0.99)),
      rss
    )
  }

  /// Inserts or deletes one character at a random place inside a random cell of a random form.
  static func randomCellEdit(in tree: SyntaxTree, using random: inout BenchRandom) -> FormSyntax.TextEdit {
    let insertable = ["0", "5", "%", "年", "万", "元", "法", "的", "，", "\u{3000}"]
    while true {
      let nodeIndex = random.below(tree.nodes.count)
      let node = tree.nodes[nodeIndex]
      guard node.isForm, !node.cells.isEmpty else { continue }
      let cell = node.cells[random.below(node.cells.count)]
      let content = node.contentRange(ofCell: cell)
      let base = tree.nodeStarts[nodeIndex]
      if random.chance(0.5) && !content.isEmpty {
        // Delete one character (never a line break of a multi-line cell).
        var at = content.lowerBound + random.below(content.count)
        while at > content.lowerBound && node.bytes[at] & 0xC0 == 0x80 { at -= 1 }
        let lead = node.bytes[at]
        guard lead != 0x0A && lead != 0x0D else { continue }
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return TextEdit(range: (base + at)..<(base + at + length), replacement: [])
      }
      var at = content.lowerBound + random.below(content.count + 1)
      while at > content.lowerBound && at < content.upperBound && node.bytes[at] & 0xC0 == 0x80 { at -= 1 }
      return TextEdit(range: (base + at)..<(base + at), replacement: insertable[random.below(insertable.count)])
    }
  }
}
