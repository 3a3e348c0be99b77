/// Applies fix edits to a text.
public enum FixApplication {
  /// The text with `edits` applied. Edits that overlap an earlier-applied edit are skipped (the next pass of
  /// `--fix` picks them up), so the result is always well defined. Returns the text and the edits applied.
  public static func apply(_ edits: [FixEdit], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [FixEdit]) {
    let ordered = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var cursor = 0
    var applied: [FixEdit] = []
    for (_, edit) in ordered {
      let range = edit.range.clamped(to: 0..<bytes.count)
      guard range.lowerBound >= cursor else { continue }
      // Two insertions at one point: keep only the first, so applying twice is stable.
      if range.isEmpty, let last = applied.last, last.range.isEmpty, last.range.lowerBound == range.lowerBound { continue }
      result.append(contentsOf: bytes[cursor..<range.lowerBound])
      result.append(contentsOf: Array(edit.newText.utf8))
      cursor = range.upperBound
      applied.append(edit)
    }
    result.append(contentsOf: bytes[cursor...])
    return (result, applied)
  }

  /// The edits of the fixes that `--fix` applies: the first fix of each finding, safe ones only unless
  /// `includeUnsafe`.
  public static func edits(of diagnostics: [Diagnostic], includeUnsafe: Bool) -> [FixEdit] {
    diagnostics.flatMap { diagnostic -> [FixEdit] in
      guard let fix = diagnostic.fixes.first(where: { $0.isSafe || includeUnsafe }) else { return [] }
      return fix.edits
    }
  }
}
