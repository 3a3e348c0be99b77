import FormModel

/// A filled 指标值 and what it holds: the input of JX201–JX206.
struct FilledValue {
  let row: IndicatorRow
  let cell: CellText
  let kind: IndicatorValue

  /// The indicator's name, trimmed (empty when the row has none).
  var name: String { row.name?.trimmed ?? "" }

  /// The name shortened for messages, so that a copied-in goal does not flood the line.
  var shortName: String { ValuesCells.short(name) }
}

/// Reading of indicator rows shared by the values rules.
enum ValuesCells {
  /// The rows whose 指标值 is neither empty (JX103) nor not-applicable (JX104/JX105), with their value read in the
  /// form's table unit, for rows of the given category.
  /// Each value is classified once per form (`FormContext.valueKind`): the values rules read the same cells.
  static func filledValues(_ context: FormContext, where isWanted: (IndicatorRow) -> Bool) -> [FilledValue] {
    context.form.indicators.compactMap { row in
      guard isWanted(row), let cell = row.value else { return nil }
      let kind = context.valueKind(of: cell)
      switch kind {
      case .empty, .notApplicable: return nil
      default: return FilledValue(row: row, cell: cell, kind: kind)
      }
    }
  }

  /// Whether a row is a satisfaction indicator (服务对象满意度, 社会公众或服务对象满意度 or under 满意度指标).
  static func isSatisfactionRow(_ row: IndicatorRow) -> Bool {
    row.role == .satisfaction
  }

  /// Whether an indicator name ends in one of `suffixes`, ignoring a trailing note in brackets (`及时率（%）`).
  static func nameEnds(_ name: String, in suffixes: [String]) -> Bool {
    if let ends = plainNameEnds(name, in: suffixes) { return ends }
    var text = TextClean.trimmed(name)
    if text.hasSuffix("）") || text.hasSuffix(")"), let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) {
      text = TextClean.trimmed(String(text[..<open]))
    }
    return suffixes.contains { text.hasSuffix($0) }
  }

  /// `nameEnds` on the bytes of a name whose scalars stand alone (`TextClean.scalarsStandAlone`: characters are
  /// scalars that compare as their bytes), nil for another.
  private static func plainNameEnds(_ name: String, in suffixes: [String]) -> Bool? {
    guard TextClean.scalarsStandAlone(name) else { return nil }
    let trimmed = TextClean.trimmedRange(name)
    return TextClean.withBytes(name) { bytes -> Bool? in
      let (start, close) = (trimmed.lowerBound, trimmed.upperBound)
      var end = close
      if PlainText.hasSuffix(bytes, start..<close, "）") || PlainText.hasSuffix(bytes, start..<close, ")"),
        let open = PlainText.lastIndex(in: bytes, start..<close, of: ["（", "("])
      {
        // The text before the note, without the whitespace before it (as `TextClean.trimmed` removes it).
        end = open
        while end > start {
          if TextClean.spaceWidth(bytes, at: end - 1) == 1 {
            end -= 1
          } else if end - 2 >= start, TextClean.spaceWidth(bytes, at: end - 2) == 2 {
            end -= 2
          } else if end - 3 >= start, TextClean.spaceWidth(bytes, at: end - 3) == 3 {
            end -= 3
          } else {
            break
          }
        }
      }
      return suffixes.contains { PlainText.hasSuffix(bytes, start..<end, $0) }
    }
  }

  /// Whether a name ends in a bracketed unit (`开展小型水利工程建设(个)`, `覆盖率（%）`): a short note with no digit.
  static func nameCarriesUnit(_ name: String) -> Bool {
    let text = TextClean.trimmed(name)
    guard text.hasSuffix("）") || text.hasSuffix(")"), let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) else {
      return false
    }
    let note = text[text.index(after: open)..<text.index(before: text.endIndex)]
    return !note.isEmpty && note.count <= 4 && !note.contains(where: \.isNumber)
  }

  /// A name cut to at most 20 characters with `…`.
  static func short(_ name: String) -> String {
    // No more bytes than 20 is no more characters than 20. Where the scalars stand alone, characters are scalars:
    // the first 20 end where the 21st scalar's lead byte is (counting characters broke graphemes: 3,600 a name).
    if name.utf8.count <= 20 { return name }
    guard TextClean.scalarsStandAlone(name) else { return name.count > 20 ? String(name.prefix(20)) + "…" : name }
    return TextClean.withBytes(name) { bytes in
      var (index, scalars) = (0, 0)
      while index < bytes.count {
        if scalars == 20 { return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self) + "…" }
        scalars += 1
        index += TextClean.scalarWidth(lead: bytes[index])
      }
      return name
    }
  }

  /// The trimmed value text for messages.
  static func shown(_ cell: CellText) -> String { short(cell.trimmed) }
}
