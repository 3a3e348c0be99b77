import Dispatch
import FormServer
import FormSyntax
import Foundation
import LSP

/// Keystroke → diagnostics through the real `Server`, in-process: the same dispatch, document store, linter,
/// conversion cache and message assembly as `jixiao lsp`, over a connection that hands messages in as values and
/// takes the server's serialized bodies out without parsing them (so neither pipes nor a client's JSON decoding are
/// in the figures; `Scripts/bench-lsp` measures those over stdio).
struct ServerBenchmark {
  enum Mode: String, Codable { case push, pull }

  let mode: Mode
  let edits: Int
  let seed: UInt64
  var log: (String) -> Void = { _ in }

  func run(_ bytes: [UInt8]) -> ServerKeystrokeResult {
    let connection = BenchConnection()
    var options = ServerOptions(debounceMilliseconds: 0, logsToStandardError: false)
    options.ruleDocumentationFolder = nil
    let server = Server(connection: connection, options: options)
    server.start()
    let rssBefore = currentRSSMiB()
    var textDocument: [String: JSONValue] = ["publishDiagnostics": ["versionSupport": true, "relatedInformation": true]]
    if mode == .pull { textDocument["diagnostic"] = [:] }
    var nextID = 0
    func request(_ method: String, _ params: JSONValue) -> [UInt8] {
      nextID += 1
      let id = nextID
      return connection.exchange(.request(RequestMessage(id: .int(id), method: method, params: params))) { body in
        body.starts(with: Array(#"{"jsonrpc":"2.0","id":\#(id),"#.utf8))
      }
    }
    _ = request(InitializeParams.method, ["capabilities": ["textDocument": .object(textDocument)]])
    connection.inject(.notification(NotificationMessage(method: InitializedParams.method, params: [:])))

    let uri = "file:///bench/corpus.txt"
    var tree = SyntaxTree(parsing: bytes)
    var version = 1
    var previousResultID: String?
    /// Sends a change (or the open) and waits for the diagnostics of its version; returns the body.
    func diagnostics(after message: Message) -> [UInt8] {
      switch mode {
      case .push:
        let marker = Array(#""version":\#(version),"#.utf8)
        return connection.exchange(message) { body in
          body.starts(with: Array(#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics""#.utf8))
            && body.prefix(400).firstRange(of: marker) != nil
        }
      case .pull:
        connection.inject(message)
        var params: [String: JSONValue] = ["textDocument": ["uri": .string(uri)]]
        if let previousResultID { params["previousResultId"] = .string(previousResultID) }
        let body = request(DocumentDiagnosticParams.method, .object(params))
        previousResultID = ServerBenchmark.resultID(in: body) ?? previousResultID
        return body
      }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let opened = monotonicNanoseconds()
    let first = diagnostics(
      after: .notification(NotificationMessage(method: DidOpenTextDocumentParams.method, params: [
        "textDocument": ["uri": .string(uri), "languageId": "jixiao", "version": .int(version), "text": .string(text)]
      ])))
    let firstMilliseconds = Double(monotonicNanoseconds() - opened) / 1e6
    let diagnosticCount = ServerBenchmark.diagnosticCount(in: first)
    log("server \(mode): first diagnostics \(firstMilliseconds) ms, \(first.count) bytes, \(diagnosticCount) diagnostics")

    var random = BenchRandom(seed: seed ^ 0x7365_7276_6572)
    var samples: [Double] = []
    var sizes: [Int] = []
    var unchanged = 0
    let warmup = 10
    for index in 0..<(warmup + edits) {
      let edit = SizeBenchmark.randomCellEdit(in: tree, using: &random)
      let start = tree.position(of: edit.range.lowerBound, in: .utf16)
      let end = tree.position(of: edit.range.upperBound, in: .utf16)
      tree = tree.applying(edit).tree
      version += 1
      let change: JSONValue = [
        "textDocument": ["uri": .string(uri), "version": .int(version)],
        "contentChanges": [[
          "range": [
            "start": ["line": .int(start.line), "character": .int(start.column)],
            "end": ["line": .int(end.line), "character": .int(end.column)],
          ],
          "text": .string(String(decoding: edit.replacement, as: UTF8.self)),
        ]],
      ]
      let sent = monotonicNanoseconds()
      let body = diagnostics(after: .notification(NotificationMessage(method: DidChangeTextDocumentParams.method, params: change)))
      let elapsed = Double(monotonicNanoseconds() - sent) / 1e6
      guard index >= warmup else { continue }
      samples.append(elapsed)
      sizes.append(body.count)
      if body.prefix(80).firstRange(of: Array(#""kind":"unchanged""#.utf8)) != nil { unchanged += 1 }
    }
    let rssAfter = currentRSSMiB()
    _ = request(ShutdownRequest.method, .null)
    connection.inject(.notification(NotificationMessage(method: ExitNotification.method)))
    _ = server.waitForExit()
    return ServerKeystrokeResult(
      mode: mode, edits: edits, diagnostics: diagnosticCount, firstMilliseconds: firstMilliseconds,
      bytesPerDiagnostic: Double(first.count) / Double(max(1, diagnosticCount)),
      meanBodyBytes: sizes.isEmpty ? 0 : Double(sizes.reduce(0, +)) / Double(sizes.count),
      unchangedAnswers: unchanged,
      p50Milliseconds: median(samples), p90Milliseconds: percentile(samples, 0.9), p99Milliseconds: percentile(samples, 0.99),
      maxMilliseconds: samples.max() ?? .nan, rssBeforeMiB: rssBefore, rssAfterMiB: rssAfter)
  }

  /// The number of diagnostics in a publish or report body: one `"data":` member each.
  static func diagnosticCount(in body: [UInt8]) -> Int {
    let marker = Array(#""data":""#.utf8)
    var count = 0
    var index = 0
    while let found = body[index...].firstRange(of: marker) {
      count += 1
      index = found.upperBound
    }
    return count
  }

  /// The `resultId` of a pull report body (near its start: `{"jsonrpc":…,"id":…,"result":{"kind":…,"resultId":…`).
  static func resultID(in body: [UInt8]) -> String? {
    let marker = Array(#""resultId":""#.utf8)
    guard let found = body.prefix(300).firstRange(of: marker) else { return nil }
    let rest = body[found.upperBound...]
    guard let end = rest.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
    return String(decoding: rest[..<end], as: UTF8.self)
  }
}

/// What the in-process server benchmark measured for one mode.
struct ServerKeystrokeResult: Codable {
  var mode: ServerBenchmark.Mode
  var edits, diagnostics: Int
  var firstMilliseconds, bytesPerDiagnostic, meanBodyBytes: Double
  /// Pull answers that were `unchanged` (the edit changed no diagnostic).
  var unchangedAnswers: Int
  var p50Milliseconds, p90Milliseconds, p99Milliseconds, maxMilliseconds: Double
  var rssBeforeMiB, rssAfterMiB: Double?
}

/// A connection that takes messages in as values and keeps the body the benchmark waits for.
private final class BenchConnection: Connection, @unchecked Sendable {
  private var receive: (@Sendable (ConnectionEvent) -> Void)?
  private let lock = NSLock()
  private let arrived = DispatchSemaphore(value: 0)
  private var matcher: (([UInt8]) -> Bool)?
  private var matched: [UInt8]?

  func start(receive: @escaping @Sendable (ConnectionEvent) -> Void, onClose: @escaping @Sendable () -> Void) {
    self.receive = receive
  }

  func send(_ message: Message) { send(body: message.encodedBody()) }

  func send(body: [UInt8]) {
    let signal = lock.withLock { () -> Bool in
      guard let matcher, matched == nil, matcher(body) else { return false }
      matched = body
      return true
    }
    if signal { arrived.signal() }
  }

  func close() {}

  func inject(_ message: Message) { receive?(.message(message)) }

  /// Delivers a message and waits for the first body the server sends that `matches`.
  func exchange(_ message: Message, until matches: @escaping ([UInt8]) -> Bool) -> [UInt8] {
    lock.withLock {
      matcher = matches
      matched = nil
    }
    inject(message)
    arrived.wait()
    return lock.withLock {
      matcher = nil
      return matched ?? []
    }
  }
}
