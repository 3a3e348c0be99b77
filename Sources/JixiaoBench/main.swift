// jixiao-bench: throughput, keystroke latency and memory of the syntax tree and the linter, in-process.
//
//   jixiao-bench [--json] [--sizes 1,10,100] [--runs N] [--edits N] [--seed N]
//       Every size runs in its own child process (`measure`), so each peak RSS is that size's own.
//   jixiao-bench measure SIZE [--json] [--runs N] [--edits N] [--seed N]
//   jixiao-bench parse-100 [--json]          (= measure 100 --edits 0)
//   jixiao-bench generate SIZE FILE [--seed N]
//   jixiao-bench parse-file FILE [--runs N] [--edits N] [--seed N]   (the parser alone, for callgrind: ParseFile.swift)
//   jixiao-bench verify-incremental [--edits N (on the seed, default 10000)] [--large-edits M (1 MB, default 200)]
//                                  (each on the notation; on the TSV and Markdown seeds: N detected, N/5 pinned, M/7 on 1 MB)
//
// SIZE is in MB (10^6 bytes) unless it ends in K, M or B: `1`, `10`, `500K`, `2000000B`.
// Timings are wall-clock medians of --runs runs; keystroke figures are nearest-rank percentiles.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct BenchOptions {
  var json = false
  var sizes = ["1", "10", "100"]
  var runs: Int?
  var edits: Int?
  var largeEdits: Int?
  var seed: UInt64 = 20211231
  var positionals: [String] = []

  init(_ arguments: ArraySlice<String>) throws {
    var rest = arguments
    while let argument = rest.popFirst() {
      func value() throws -> String {
        guard let next = rest.popFirst() else { throw BenchError("\(argument) needs a value") }
        return next
      }
      switch argument {
      case "--json": json = true
      case "--sizes": sizes = try value().split(separator: ",").map(String.init)
      case "--runs": runs = try Int(value()).orThrow("--runs needs a number")
      case "--edits": edits = try Int(value()).orThrow("--edits needs a number")
      case "--large-edits": largeEdits = try Int(value()).orThrow("--large-edits needs a number")
      case "--seed": seed = try UInt64(value()).orThrow("--seed needs a number")
      case "-h", "--help":
        print(usage)
        exit(0)
      default:
        if argument.hasPrefix("-") { throw BenchError("unknown option \(argument)\n\(usage)") }
        positionals.append(argument)
      }
    }
  }
}

let usage = """
  usage: jixiao-bench [--json] [--sizes 1,10,100] [--runs N] [--edits N] [--seed N]
         jixiao-bench measure SIZE [--json] [--runs N] [--edits N] [--seed N]
         jixiao-bench parse-100 [--json]
         jixiao-bench generate SIZE FILE [--seed N]
         jixiao-bench parse-file FILE [--runs N] [--edits N] [--seed N]
  SIZE is in MB (10^6 bytes) unless it ends in K, M or B.
  """

extension Optional {
  func orThrow(_ message: String) throws -> Wrapped {
    guard let self else { throw BenchError(message) }
    return self
  }
}

/// Bytes of a size argument, and its label.
func parseSize(_ text: String) throws -> (label: String, bytes: Int) {
  let upper = text.uppercased()
  let (digits, scale): (Substring, Double) =
    upper.hasSuffix("MB") ? (upper.dropLast(2), 1e6)
    : upper.hasSuffix("M") ? (upper.dropLast(), 1e6)
    : upper.hasSuffix("K") ? (upper.dropLast(), 1e3)
    : upper.hasSuffix("B") ? (upper.dropLast(), 1) : (upper[...], 1e6)
  guard let number = Double(digits), number > 0 else { throw BenchError("bad size '\(text)'") }
  let bytes = Int(number * scale)
  let label = bytes % 1_000_000 == 0 ? "\(bytes / 1_000_000) MB" : "\(bytes) B"
  return (label, bytes)
}

func defaultRuns(_ bytes: Int) -> Int { bytes <= 2_000_000 ? 15 : bytes <= 20_000_000 ? 7 : 3 }
func defaultEdits(_ bytes: Int) -> Int { bytes <= 20_000_000 ? 300 : 0 }

func logLine(_ text: String) {
  if ProcessInfo.processInfo.environment["JIXIAO_BENCH_VERBOSE"] != nil {
    FileHandle.standardError.write(Data("[bench] \(text)\n".utf8))
  }
}

func measure(sizeText: String, options: BenchOptions, editsOverride: Int? = nil) throws -> SizeResult {
  let (label, bytes) = try parseSize(sizeText)
  let seedFile = try CorpusGenerator.seedFileBytes()
  let benchmark = SizeBenchmark(
    label: label, byteCount: bytes, runs: options.runs ?? defaultRuns(bytes),
    edits: editsOverride ?? options.edits ?? defaultEdits(bytes), seed: options.seed, seedBytes: seedFile.bytes,
    log: logLine)
  return benchmark.run()
}

/// This executable's path, to start `measure` children.
func executablePath() -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  if length > 0 { return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
  return CommandLine.arguments[0]
}

func measureInChild(sizeText: String, options: BenchOptions) throws -> SizeResult {
  var arguments = ["measure", sizeText, "--json", "--seed", String(options.seed)]
  if let runs = options.runs { arguments += ["--runs", String(runs)] }
  if let edits = options.edits { arguments += ["--edits", String(edits)] }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executablePath())
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw BenchError("`jixiao-bench \(arguments.joined(separator: " "))` exited \(process.terminationStatus)")
  }
  return try JSONDecoder().decode([SizeResult].self, from: output)[0]
}

func emit(_ results: [SizeResult], json: Bool) throws {
  if json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(results), as: UTF8.self))
  } else {
    print(BenchReport.table(results))
  }
}

func runMain() throws {
  var arguments = CommandLine.arguments.dropFirst()
  let command = arguments.first.flatMap { $0.hasPrefix("-") ? nil : $0 }
  if command != nil { arguments = arguments.dropFirst() }
  let options = try BenchOptions(arguments)
  switch command {
  case nil, "all":
    var results: [SizeResult] = []
    for size in options.sizes {
      logLine("measuring \(size) in a child process")
      results.append(try measureInChild(sizeText: size, options: options))
    }
    try emit(results, json: options.json)
  case "measure":
    guard options.positionals.count == 1 else { throw BenchError("measure needs one SIZE\n\(usage)") }
    try emit([try measure(sizeText: options.positionals[0], options: options)], json: options.json)
  case "parse-100":
    try emit([try measure(sizeText: "100", options: options, editsOverride: 0)], json: options.json)
  case "generate":
    guard options.positionals.count == 2 else { throw BenchError("generate needs SIZE and FILE\n\(usage)") }
    let (_, bytes) = try parseSize(options.positionals[0])
    var generator = CorpusGenerator(seedBytes: try CorpusGenerator.seedFileBytes().bytes, seed: options.seed)
    let text = generator.generate(byteCount: bytes)
    guard FileManager.default.createFile(atPath: options.positionals[1], contents: Data(text)) else {
      throw BenchError("cannot write \(options.positionals[1])")
    }
  case "parse-file":
    guard options.positionals.count == 1 else { throw BenchError("parse-file needs FILE\n\(usage)") }
    print(try ParseFile.run(path: options.positionals[0], runs: options.runs ?? 1, edits: options.edits ?? 0, seed: options.seed))
  case "verify-incremental":
    let passed = try VerifyIncremental.run(edits: options.edits ?? 10_000, largeEdits: options.largeEdits ?? 200, seed: options.seed)
    if !passed { exit(1) }
  default:
    throw BenchError("unknown command '\(command!)'\n\(usage)")
  }
}

do {
  try runMain()
} catch {
  FileHandle.standardError.write(Data("jixiao-bench: \(error)\n".utf8))
  exit(2)
}
