import Foundation

/// Finds amounts of money in cell text: `15万元`, `1,234.56元`, `一百二十万元`, `壹拾肆万元`, `≤250万元`.
public enum AmountScanner {
  /// Every amount of money in `text`, each with its role. Enumeration numbers (`1、`), years and numbers with a
  /// non-money unit are not amounts; a bare number in prose is not money. When the whole (trimmed) text is a
  /// bare number, it is an amount in `tableUnit`, as in a money cell (the result then equals `parseCellAmount`).
  public static func amounts(in text: String, tableUnit: MoneyUnit) -> [Amount] {
    let scalars = ScalarText(text)
    if let bare = cellAmount(scalars, tableUnit: tableUnit), !bare.unitIsWritten { return [bare] }
    return scan(scalars)
  }

  /// The amount when the whole cell (trimmed, U+3000 included) is one: `14万　`, `≤250万元`, `1,200,000元`, or a bare
  /// number (`16`) in `tableUnit`; nil for prose, `（分级填报）`, `/` or an empty cell.
  public static func parseCellAmount(_ text: String, tableUnit: MoneyUnit) -> Amount? {
    cellAmount(ScalarText(text), tableUnit: tableUnit)
  }

  // MARK: - Whole cells

  static func cellAmount(_ text: ScalarText, tableUnit: MoneyUnit) -> Amount? {
    guard let cell = text.valueCell else { return nil }
    var cursor = cell.lowerBound
    var comparator: Comparator?
    if let prefix = ComparatorLexicon.prefix(in: text, at: cursor) {
      comparator = prefix.comparator
      cursor = text.skipSpaces(from: prefix.end)
    }
    guard let money = readMoney(text, at: cursor, bareUnit: tableUnit).match else { return nil }
    var end = money.end
    var role = AmountRole.item
    if isPerUnit(text, after: end) {
      // `17元/人·天`: the rest of the cell says per what.
      role = .unitPrice
      end = cell.upperBound
    } else if let suffix = suffixComparator(text, at: end) {
      comparator = comparator ?? suffix.comparator
      end = suffix.end
    }
    guard end == cell.upperBound else { return nil }
    if role == .item, let comparator { role = boundRole(comparator) }
    return Amount(
      value: money.value, unit: money.unit, unitIsWritten: money.unitIsWritten,
      range: text.byteRange(cell.lowerBound..<end), role: role)
  }

  // MARK: - Prose

  /// An amount of a stated total that a `其中` breakdown is being matched against.
  private struct Breakdown {
    var total: ExactDecimal
    var parts: ExactDecimal = 0
  }

  private static let breakdownWord = scalarWord("其中")

  static func scan(_ text: ScalarText) -> [Amount] {
    var amounts: [ScannedAmount] = []
    var lastItemInSentence: ExactDecimal?
    var breakdown: Breakdown?
    // Items that a later `合计…` would sum up: `A 2万元、B 1万元，合计3万元` counts 3万元 once, not 6万元.
    var itemsBeforeTotal: [Int] = []
    var floor = 0
    var index = 0
    while index < text.count {
      let scalar = text[index]
      if Boundaries.isSentenceEnd(scalar) {
        lastItemInSentence = nil
        breakdown = nil
      } else if text.matches(breakdownWord, at: index) {
        if let total = lastItemInSentence { breakdown = Breakdown(total: total) }
        index += breakdownWord.count
        continue
      }
      let read = readMoney(text, at: index, bareUnit: nil)
      guard let money = read.match else {
        index = max(index + 1, read.next)
        continue
      }
      var amount = resolve(money, in: text, floor: floor)
      if amount.role == .item, amount.isStatedTotal {
        for earlier in itemsBeforeTotal { amounts[earlier].role = .breakdownPart }
        itemsBeforeTotal = []
      } else if amount.role == .item, var open = breakdown {
        if open.parts < open.total {
          amount.role = .breakdownPart
          open.parts += amount.value
          breakdown = open
        } else {
          breakdown = nil
        }
      }
      if amount.role == .item {
        lastItemInSentence = amount.value
        if !amount.isStatedTotal { itemsBeforeTotal.append(amounts.count) }
      }
      amounts.append(amount)
      floor = amount.rangeEnd
      index = amount.rangeEnd
    }
    return amounts.map(\.amount)
  }

  /// An amount while scanning, with its end as a scalar index.
  private struct ScannedAmount {
    var amount: Amount
    var rangeEnd: Int
    /// Introduced by `合计`, `共计` …: the sum of the items before it.
    var isStatedTotal: Bool
    var role: AmountRole {
      get { amount.role }
      set { amount.role = newValue }
    }
    var value: ExactDecimal { amount.value }
  }

  private static let perUnitWordsBefore = scalarWords(["每", "单价", "人均", "均价"])
  private static let totalWordsBefore = scalarWords(["合计", "共计", "总计", "小计", "总额", "总共", "一共"])

  /// Gives a money match its role from the words around it; `floor` is where the previous amount ended.
  private static func resolve(_ money: MoneyMatch, in text: ScalarText, floor: Int) -> ScannedAmount {
    var start = money.start
    var end = money.end
    var role = AmountRole.item
    let prefix = ComparatorLexicon.prefix(in: text, before: money.start, allowLoose: false)
    if let prefix, prefix.start >= floor { start = prefix.start }
    let itemStart = max(floor, text.stretchStart(before: money.start, isBoundary: Boundaries.isListItemEnd))
    if isPerUnit(text, after: money.end) || text.contains(perUnitWordsBefore, in: itemStart..<money.start) {
      role = .unitPrice
    } else if let suffix = suffixComparator(text, at: money.end) {
      end = suffix.end
      role = boundRole(prefix?.comparator ?? suffix.comparator)
    } else if let prefix, prefix.start >= floor {
      role = boundRole(prefix.comparator)
    }
    let amount = Amount(
      value: money.value, unit: money.unit, unitIsWritten: money.unitIsWritten,
      range: text.byteRange(start..<end), role: role)
    let isStatedTotal = text.contains(totalWordsBefore, in: itemStart..<money.start)
    return ScannedAmount(amount: amount, rangeEnd: end, isStatedTotal: isStatedTotal)
  }

  /// A bound's role: `≤`, `≥`, `<`, `>` make a cap; `=` states the amount itself, which stays an item.
  private static func boundRole(_ comparator: Comparator) -> AmountRole {
    comparator == .equal ? .item : .cap(comparator)
  }

  // MARK: - Numbers with money units

  /// A number with its money unit, before its role is known (scalar indices).
  struct MoneyMatch {
    var value: ExactDecimal
    var unit: MoneyUnit
    var unitIsWritten: Bool
    var start: Int
    var end: Int
  }

  /// Reads money starting at `index`; `next` is where to go on when the text there is a number but no money,
  /// so that scanning does not restart inside it (`2021年` must not yield `021`).
  static func readMoney(_ text: ScalarText, at index: Int, bareUnit: MoneyUnit?) -> (match: MoneyMatch?, next: Int) {
    let scalar = text[index]
    if scalar == "¥" || scalar == "￥" {
      let numberStart = text.skipSpaces(from: index + 1)
      guard ArabicNumber.isDigit(text[numberStart]), let number = ArabicNumber.read(text, at: numberStart) else {
        return (nil, index + 1)
      }
      let unit = arabicUnit(text, at: text.skipSpaces(from: number.end))
      let written = unit ?? (MoneyUnit.yuan, 1, number.end)
      return (
        MoneyMatch(
          value: number.value * written.multiplier * written.unit.factor, unit: written.unit,
          unitIsWritten: true, start: index, end: written.end), written.end
      )
    }
    if ArabicNumber.startsNumber(text, at: index), let number = ArabicNumber.read(text, at: index) {
      if let unit = arabicUnit(text, at: text.skipSpaces(from: number.end)) {
        return (
          MoneyMatch(
            value: number.value * unit.multiplier * unit.unit.factor, unit: unit.unit,
            unitIsWritten: true, start: index, end: unit.end), unit.end
        )
      }
      if let bareUnit {
        return (
          MoneyMatch(
            value: number.value * bareUnit.factor, unit: bareUnit, unitIsWritten: false,
            start: index, end: number.end), number.end
        )
      }
      return (nil, number.end)
    }
    if ChineseNumeral.startsNumeral(text, at: index), let numeral = ChineseNumeral.read(text, at: index) {
      if let large = numeral.trailingLargeUnit {
        // `一百二十万元`: the numeral's own 万 is the unit as written, and its value already counts it.
        guard let end = largeUnitEnd(text, after: numeral.end) else { return (nil, numeral.end) }
        let unit: MoneyUnit = large == 10_000 ? .wanYuan : .yiYuan
        return (MoneyMatch(value: numeral.value, unit: unit, unitIsWritten: true, start: index, end: end), end)
      }
      let unitStart = text.skipSpaces(from: numeral.end)
      guard text[unitStart] == "元" else { return (nil, numeral.end) }
      return (
        MoneyMatch(value: numeral.value, unit: .yuan, unitIsWritten: true, start: index, end: unitStart + 1),
        unitStart + 1
      )
    }
    return (nil, index + 1)
  }

  /// The money unit after a number written in digits: `元`, `千元`, `万`, `万元`, `萬元`, `亿`, `亿元`, also `千万元`
  /// and `20余万元`; `multiplier` is what stands between the number and the unit (1000 for `千万元`).
  private static func arabicUnit(_ text: ScalarText, at index: Int) -> (unit: MoneyUnit, multiplier: ExactDecimal, end: Int)?
  {
    var cursor = index
    if isApproximately(text[cursor]) { cursor += 1 }
    var multiplier: ExactDecimal = 1
    if let small = ChineseNumeral.multiplier(text[cursor]), small < 10_000,
      let large = ChineseNumeral.multiplier(text[cursor + 1]), large >= 10_000
    {
      multiplier = ExactDecimal(small)
      cursor += 1
    }
    switch text[cursor] {
    case "万", "萬":
      return largeUnitEnd(text, after: cursor + 1).map { (.wanYuan, multiplier, $0) }
    case "亿", "億":
      return largeUnitEnd(text, after: cursor + 1).map { (.yiYuan, multiplier, $0) }
    case "千" where text[cursor + 1] == "元" && multiplier == 1:
      return (.qianYuan, 1, cursor + 2)
    case "元" where multiplier == 1:
      return (.yuan, 1, cursor + 1)
    default:
      return nil
    }
  }

  /// The end of money after `万`/`亿` (`元` optional), or nil when a measure word makes it a count (`14万人`).
  private static func largeUnitEnd(_ text: ScalarText, after index: Int) -> Int? {
    var cursor = index
    if isApproximately(text[cursor]) { cursor += 1 }
    if text[cursor] == "元" { return cursor + 1 }
    if MeasureWords.match(text, at: cursor) != nil { return nil }
    return index
  }

  private static func isApproximately(_ scalar: Unicode.Scalar) -> Bool { scalar == "余" || scalar == "多" }

  /// Whether a per-unit marker follows the unit: `元/人`, `元／年`, `元每人`.
  private static func isPerUnit(_ text: ScalarText, after index: Int) -> Bool {
    let next = text[text.skipSpaces(from: index)]
    return next == "/" || next == "／" || next == "每"
  }

  private static let bareWithin = scalarWord("内")

  /// A ceiling or floor after the amount: `以内`, `以下`, `以上`, and `内` alone (`控制在250万元内`).
  private static func suffixComparator(_ text: ScalarText, at index: Int) -> (comparator: Comparator, end: Int)? {
    if let suffix = ComparatorLexicon.suffix(in: text, at: index) { return suffix }
    let start = text.skipSpaces(from: index)
    return text.matches(bareWithin, at: start) ? (.lessOrEqual, start + 1) : nil
  }
}
