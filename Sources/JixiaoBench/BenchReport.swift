import Foundation

/// The readable table of `jixiao-bench`, with each figure beside its target.
enum BenchReport {
  static func table(_ results: [SizeResult]) -> String {
    var out = "Throughput (wall clock, median of the runs shown and best run; MB = 10^6 bytes)\n"
    var rows = [["size", "bytes", "lines", "forms", "findings", "runs", "parse ms", "parse MB/s", "best", "check ms", "check MB/s", "best", "peak RSS MiB"]]
    for result in results {
      rows.append([
        result.sizeLabel, grouped(result.bytes), grouped(result.lines), grouped(result.forms), grouped(result.findings),
        String(result.runs), fixed(median(result.parseMilliseconds)), fixed(result.parseMBps, 0),
        fixed(megabytes(result) / ((result.parseMilliseconds.min() ?? .nan) / 1000), 0),
        fixed(median(result.checkMilliseconds)), fixed(result.checkMBps, 1),
        fixed(megabytes(result) / ((result.checkMilliseconds.min() ?? .nan) / 1000), 1), fixed(result.peakRSSMiB, 0),
      ])
    }
    out += render(rows)
    out += "targets: parse ≥ 200 MB/s; check (parse + lint) ≥ 50 MB/s; 100 MB check peak RSS ≤ 1536 MiB\n"
    for result in results {
      out += "  \(result.sizeLabel): parse \(verdict(result.parseMBps >= 200)), check \(verdict(result.checkMBps >= 50))"
      if result.bytes >= 100_000_000 { out += ", peak RSS \(verdict(result.peakRSSMiB <= 1536))" }
      out += "\n"
    }

    let keystrokes = results.compactMap { result in result.keystroke.map { (result, $0) } }
    guard !keystrokes.isEmpty else { return out }
    out += "\nKeystroke → fresh findings, in-process (applying(edit) + lintPerNode), ms\n"
    rows = [["size", "edits", "p50", "p90", "p99", "max", "reparse p50/p99", "lint p50/p99", "forms/edit", "full re-check", "ratio p50", "ratio p99", "= fresh", "RSS MiB"]]
    for (result, keystroke) in keystrokes {
      rows.append([
        result.sizeLabel, String(keystroke.edits), fixed(keystroke.p50Milliseconds, 3), fixed(keystroke.p90Milliseconds, 3),
        fixed(keystroke.p99Milliseconds, 3), fixed(keystroke.maxMilliseconds, 3),
        fixed(keystroke.reparseP50Milliseconds, 3) + "/" + fixed(keystroke.reparseP99Milliseconds, 3),
        fixed(keystroke.lintP50Milliseconds, 3) + "/" + fixed(keystroke.lintP99Milliseconds, 3),
        fixed(keystroke.formsCheckedPerEdit, 1), fixed(keystroke.fullRecheckMilliseconds),
        fixed(keystroke.ratioAtP50, 0) + "×", fixed(keystroke.ratioAtP99, 0) + "×",
        keystroke.matchesFreshCheck ? "yes" : "NO", result.rssWithDocumentMiB.map { fixed($0, 0) } ?? "-",
      ])
    }
    out += render(rows)
    for (result, keystroke) in keystrokes {
      guard let runs = keystroke.documentRuleEdits, let slow = keystroke.documentRuleLintP50Milliseconds,
        let others = keystroke.otherLintP99Milliseconds
      else { continue }
      out += "  \(result.sizeLabel): document rules re-ran after \(runs) of \(keystroke.edits) edits (lint median \(fixed(slow, 3)) ms "
      out += "there); lint p99 of the other edits \(fixed(others, 3)) ms"
      if let cpu50 = keystroke.lintCPUP50Milliseconds, let cpu99 = keystroke.lintCPUP99Milliseconds {
        out += "; lint CPU time p50/p99 \(fixed(cpu50, 3))/\(fixed(cpu99, 3)) ms"
      }
      out += "\n"
    }
    out += "targets at 10 MB: p50 ≤ 1 ms, p99 ≤ 5 ms, ≥ 100× faster than a full re-check\n"
    for (result, keystroke) in keystrokes where result.bytes >= 10_000_000 {
      out += "  \(result.sizeLabel): p50 \(verdict(keystroke.p50Milliseconds <= 1)), p99 \(verdict(keystroke.p99Milliseconds <= 5)), "
      out += "ratio \(verdict(keystroke.ratioAtP50 >= 100))\n"
    }

    let servers = results.compactMap { result in result.server.map { (result, $0) } }
    guard !servers.isEmpty else { return out }
    out += "\nKeystroke → diagnostics through the real Server in-process (push: publishDiagnostics body; pull: didChange then "
    out += "textDocument/diagnostic response), ms\n"
    rows = [["size", "mode", "edits", "diags", "B/diag", "first ms", "p50", "p90", "p99", "max", "unchanged", "RSS before/after MiB"]]
    for (result, modes) in servers {
      for server in modes {
        rows.append([
          result.sizeLabel, server.mode.rawValue, String(server.edits), grouped(server.diagnostics), fixed(server.bytesPerDiagnostic, 0),
          fixed(server.firstMilliseconds, 0), fixed(server.p50Milliseconds, 3), fixed(server.p90Milliseconds, 3),
          fixed(server.p99Milliseconds, 3), fixed(server.maxMilliseconds, 3), String(server.unchangedAnswers),
          (server.rssBeforeMiB.map { fixed($0, 0) } ?? "-") + "/" + (server.rssAfterMiB.map { fixed($0, 0) } ?? "-"),
        ])
      }
    }
    out += render(rows)
    out += "targets (issue 14): p99 ≤ 30 ms at 10 MB (goal 15), ≤ 5 ms at 1 MB; pull p50 ≤ 1.5 × push p50; ≤ 300 B per diagnostic\n"
    for (result, modes) in servers {
      guard let push = modes.first(where: { $0.mode == .push }), let pull = modes.first(where: { $0.mode == .pull }) else { continue }
      let limit: Double = result.bytes >= 10_000_000 ? 30 : 5
      out += "  \(result.sizeLabel): push p99 \(verdict(push.p99Milliseconds <= limit)), pull p99 \(verdict(pull.p99Milliseconds <= limit)), "
      out += "pull/push p50 \(fixed(pull.p50Milliseconds / push.p50Milliseconds, 2))× \(verdict(pull.p50Milliseconds <= 1.5 * push.p50Milliseconds)), "
      out += "bytes/diagnostic \(verdict(push.bytesPerDiagnostic <= 300))\n"
    }
    return out
  }

  private static func megabytes(_ result: SizeResult) -> Double { Double(result.bytes) / 1e6 }

  private static func verdict(_ met: Bool) -> String { met ? "met" : "MISSED" }

  /// Right-aligned columns, the first left-aligned.
  private static func render(_ rows: [[String]]) -> String {
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { cells in
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }

  static func fixed(_ value: Double, _ digits: Int = 1) -> String {
    value.isFinite ? String(format: "%.\(digits)f", value) : "-"
  }

  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }
}
