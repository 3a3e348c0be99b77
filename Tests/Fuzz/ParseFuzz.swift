// libFuzzer entry point: arbitrary bytes → SourceFile decode → parse → model → every rule → safe fixes → reparse.
// Built by Scripts/fuzz (not a SwiftPM target).
//
// Invariants checked on every input:
// - decoding either fails or yields UTF-8 that re-encodes to the original bytes (or, for GB18030 input whose
//   bytes do not survive a round trip, writing is refused);
// - the tree prints back exactly the bytes it parsed (lossless), also after fixes;
// - every finding lies inside the text, and its start converts to a line/column and back in every unit;
// - linting the same tree twice with one linter (the cache path) gives the same findings;
// - safe fixes, applied as `jixiao check --fix` does (passes until nothing changes), settle within its pass
//   limit, and one more lint+fix pass on the settled text changes nothing (idempotence).
import FormLint
import FormModel
import FormSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func parseFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let source = try? SourceFile(path: "fuzz.txt", bytes: bytes) else { return 0 }
  if let encoded = source.encode(source.utf8), encoded != bytes, source.isWritable {
    fail("\(source.encoding.rawValue) text does not re-encode to its bytes yet is writable", bytes)
  }
  let tree = checkedTree(source.utf8)
  let linter = Linter()
  let findings = linter.lint(tree)
  for finding in findings { checkFinding(finding, in: tree) }
  if linter.lint(tree) != findings { fail("a second lint of the same tree differs", source.utf8) }
  for node in tree.nodes { _ = Form(node: node, options: linter.configuration.model) }

  var text = source.utf8
  var current = findings
  var settled = false
  for _ in 0..<10 {
    let edits = FixApplication.edits(of: current, includeUnsafe: false)
    let (fixed, applied) = FixApplication.apply(edits, to: text)
    if applied.isEmpty || fixed == text {
      settled = true
      break
    }
    text = fixed
    current = Linter().lint(checkedTree(text))
  }
  if !settled { fail("safe fixes still change the text after 10 passes", source.utf8) }
  return 0
}

/// Parses `bytes` and checks the tree prints them back.
private func checkedTree(_ bytes: [UInt8]) -> SyntaxTree {
  let tree = SyntaxTree(parsing: bytes)
  if tree.printedBytes != bytes { fail("the tree does not print back its input", bytes) }
  if tree.byteCount != bytes.count { fail("byteCount \(tree.byteCount) for \(bytes.count) bytes", bytes) }
  return tree
}

private func checkFinding(_ finding: Diagnostic, in tree: SyntaxTree) {
  guard finding.range.lowerBound >= 0, finding.range.upperBound <= tree.byteCount else {
    fail("\(finding.code) range \(finding.range) outside 0..<\(tree.byteCount)", tree.printedBytes)
  }
  for unit in [ColumnUnit.utf8, .utf16, .scalar] {
    let position = tree.position(of: finding.range.lowerBound, in: unit)
    let back = tree.offset(of: position, in: unit)
    // Offset → position → offset → position is stable (an offset inside a BOM or a line break may move).
    if tree.position(of: back, in: unit) != position {
      fail("\(finding.code) start \(finding.range.lowerBound) → \(position) → \(back) in \(unit)", tree.printedBytes)
    }
  }
  for fix in finding.fixes {
    for edit in fix.edits where edit.range.lowerBound < 0 || edit.range.upperBound > tree.byteCount {
      fail("\(finding.code) fix edit \(edit.range) outside 0..<\(tree.byteCount)", tree.printedBytes)
    }
  }
}

private func fail(_ message: String, _ bytes: [UInt8]) -> Never {
  fatalError("\(message)\ninput (\(bytes.count) bytes): \(String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription)")
}
