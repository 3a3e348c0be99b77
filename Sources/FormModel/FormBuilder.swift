import FormSyntax
import Foundation

/// Settings that override what is read from a form (from configuration or the command line).
public struct ModelOptions: Sendable, Equatable {
  /// A profile to use instead of detecting one.
  public var profile: ProfileID?
  /// A form year to use instead of the title's.
  public var year: Int?
  /// A table unit to use instead of the unit line's.
  public var unit: TableUnit?

  /// Creates options; nil means "read it from the form".
  public init(profile: ProfileID? = nil, year: Int? = nil, unit: TableUnit? = nil) {
    self.profile = profile
    self.year = year
    self.unit = unit
  }
}

extension Form {
  /// Builds the typed view of a form node. Never fails: what cannot be read is left out.
  ///
  /// A preamble (text before any annex or title line) is modelled too when it holds tables, so a file that
  /// is a bare table is still checked.
  public init(node: FormNode, options: ModelOptions = ModelOptions()) {
    var reader = FormReader(node: node)
    reader.readFreeLines()
    let detected = reader.detectProfile()
    let profile = Profile.named(options.profile ?? detected)
    reader.readTables(profile: profile)
    self.init(
      node: node, annex: reader.annex, title: reader.title, year: options.year ?? reader.titleYear,
      unit: options.unit ?? reader.unit ?? .wanYuan, unitStated: reader.unit != nil, profile: profile,
      profileDetected: options.profile == nil, header: reader.header, indicatorHeaderRow: reader.indicatorHeaderRow,
      indicators: reader.indicators, reviewRows: reader.reviewRows, malformedRows: reader.malformedRows,
      signature: reader.signature)
  }
}

/// Reads one form node into the model's parts.
private struct FormReader {
  let node: FormNode
  var annex: (number: String, lineIndex: Int)?
  var title: (text: String, lineIndex: Int)?
  var titleYear: Int?
  var unit: TableUnit?
  var signature: SignatureLine?
  var header: [HeaderEntry] = []
  var indicatorHeaderRow: Int?
  var indicators: [IndicatorRow] = []
  var reviewRows: [Int] = []
  var malformedRows: [Int] = []

  init(node: FormNode) { self.node = node }

  mutating func readFreeLines() {
    for block in node.blocks {
      guard case .freeLine(let index) = block else { continue }
      let text = TextClean.trimmed(node.text(ofLine: index))
      let isBoundary = node.lines[index].isFormBoundary
      if annex == nil, title == nil, isBoundary, Headings.hasAnnexPrefix(text) {
        annex = (Headings.annexNumber(text), index)
        // `附件2：2021年…绩效目标表` is the annex line and the title at once.
        if Headings.classify(text) == .title {
          title = (text, index)
          titleYear = FormReader.year(inTitle: text)
        }
      } else if title == nil, isBoundary {
        title = (text, index)
        titleYear = FormReader.year(inTitle: text)
      } else if unit == nil, let found = FormReader.unit(inLine: text) {
        unit = found
      } else if signature == nil, text.hasPrefix("填表人") {
        let range = node.lines[index].contentStart..<node.lines[index].contentEnd
        signature = SignatureLine(lineIndex: index, range: range, fields: FormReader.signatureFields(text))
      }
    }
  }

  /// The first 4-digit year followed by 年 in a title.
  static func year(inTitle text: String) -> Int? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index + 4 < scalars.count {
      let digits = scalars[index..<(index + 4)]
      let before = index == 0 ? nil : scalars[index - 1]
      if digits.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }), scalars[index + 4] == "年",
        before.map({ !($0.isASCII && $0.properties.numericType == .decimal) }) ?? true
      {
        return Int(String(String.UnicodeScalarView(digits)))
      }
      index += 1
    }
    return nil
  }

  /// `单位：万元` / `单位:元` in a free line.
  static func unit(inLine text: String) -> TableUnit? {
    let squeezed = TextClean.squeezed(text)
    for marker in ["单位：", "单位:"] {
      var search = squeezed[...]
      while let found = search.range(of: marker) {
        let rest = search[found.upperBound...]
        // 填报单位：（盖章） is the filing unit, not the money unit.
        if rest.hasPrefix("万元") { return .wanYuan }
        if rest.hasPrefix("元") { return .yuan }
        search = rest
      }
    }
    return nil
  }

  /// `填表人：X  联系电话：Y …` split into label/value pairs.
  static func signatureFields(_ text: String) -> [SignatureField] {
    // Byte search: Foundation's `range(of:)` bridges through NSString and dominated this reader in profiles.
    let labels = ["填表人", "联系电话", "填报日期", "单位负责人签字", "单位负责人"].map { ($0, Array($0.utf8)) }
    let bytes = Array(text.utf8)
    var positions: [(label: String, range: Range<Int>)] = []
    var search = 0
    while search < bytes.count {
      var best: (String, Range<Int>)?
      for (label, needle) in labels {
        guard let start = TextClean.firstIndex(of: needle, in: bytes, from: search) else { continue }
        let found = start..<(start + needle.count)
        if best == nil || found.lowerBound < best!.1.lowerBound
          || (found.lowerBound == best!.1.lowerBound && found.upperBound > best!.1.upperBound)
        {
          best = (label, found)
        }
      }
      guard let (label, range) = best else { break }
      positions.append((label, range))
      search = range.upperBound
    }
    return positions.enumerated().map { index, position in
      let end = index + 1 < positions.count ? positions[index + 1].range.lowerBound : bytes.count
      var value = String(decoding: bytes[position.range.upperBound..<end], as: UTF8.self)
      if value.hasPrefix("：") || value.hasPrefix(":") { value.removeFirst() }
      return SignatureField(label: position.label, value: TextClean.trimmed(value))
    }
  }

  /// A 一级 label 成本指标 means mof-2021; else a 一级 label 满意度指标 means mof-2015; else hunan-2021.
  func detectProfile() -> ProfileID {
    var sawSatisfactionLevel1 = false
    for row in node.rows {
      let cells = node.cells(of: row)
      guard cells.count >= 5 else { continue }
      // In a six-column indicator row the 一级 cell is the second; in a five-column row the first.
      for cell in cells.prefix(2) {
        let label = Profile.canonicalLabel(node.text(ofCell: cell))
        if label == "成本" && isLevel1Position(cell: cell, in: cells) { return .mof2021 }
        if label == "满意度" && isLevel1Position(cell: cell, in: cells) { sawSatisfactionLevel1 = true }
      }
    }
    return sawSatisfactionLevel1 ? .mof2015 : .hunan2021
  }

  private func isLevel1Position(cell: SyntaxCell, in cells: ArraySlice<SyntaxCell>) -> Bool {
    let position = cells.firstIndex(of: cell)! - cells.startIndex
    return cells.count >= 6 ? position == 1 : position == 0
  }

  mutating func readTables(profile: Profile) {
    enum Section { case header, indicators, review }
    var section = Section.header
    var columns: IndicatorColumns?
    var level1: CategoryLabel?
    var level2: CategoryLabel?
    for (rowIndex, row) in node.rows.enumerated() {
      let cells = node.cells(of: row).enumerated().map { offset, cell in
        CellText(cellIndex: row.cells.lowerBound + offset, range: node.contentRange(ofCell: cell), text: node.text(ofCell: cell))
      }
      if cells.contains(where: { TextClean.squeezed($0.text).hasSuffix("审核意见") }) {
        section = .review
      } else if section != .review, let found = IndicatorColumns(titles: cells.map { TextClean.squeezed($0.text) }) {
        section = .indicators
        indicatorHeaderRow = rowIndex
        columns = found
        level1 = nil
        level2 = nil
        continue
      }
      switch section {
      case .review:
        reviewRows.append(rowIndex)
      case .header:
        readHeaderRow(cells, rowIndex: rowIndex)
      case .indicators:
        guard let columns, let mapped = columns.map(cells) else {
          malformedRows.append(rowIndex)
          continue
        }
        let ownLevel1 = mapped.level1
        let ownLevel2 = mapped.level2
        if let cell = ownLevel1, !cell.isBlank {
          let text = cell.trimmed
          level1 = CategoryLabel(text: text, canonical: profile.level1(for: text), cell: cell, inherited: false)
          level2 = nil
        }
        if let cell = ownLevel2, !cell.isBlank {
          let text = cell.trimmed
          level2 = CategoryLabel(
            text: text, canonical: profile.level2(for: text, under: level1?.canonical), cell: cell, inherited: false)
        }
        let empty = CategoryLabel(text: "", canonical: nil, cell: nil, inherited: false)
        indicators.append(
          IndicatorRow(
            rowIndex: rowIndex, level1: inherit(level1, own: ownLevel1) ?? empty, level2: inherit(level2, own: ownLevel2) ?? empty,
            name: mapped.name, value: mapped.value, standard: mapped.standard, level1Cell: ownLevel1, level2Cell: ownLevel2))
      }
    }
  }

  private func inherit(_ label: CategoryLabel?, own: CellText?) -> CategoryLabel? {
    guard let label else { return nil }
    let ownFilled = own.map { !$0.isBlank } ?? false
    return CategoryLabel(text: label.text, canonical: label.canonical, cell: label.cell, inherited: !ownFilled)
  }

  /// Header rows are label/value pairs: `label | value | label | value`.
  private mutating func readHeaderRow(_ cells: [CellText], rowIndex: Int) {
    var index = 0
    while index < cells.count {
      let label = cells[index]
      let value = index + 1 < cells.count ? cells[index + 1] : nil
      if !label.isBlank || (value.map { !$0.isBlank } ?? false) {
        header.append(HeaderEntry(label: label, field: HeaderField.field(forLabel: label.text), value: value, rowIndex: rowIndex))
      }
      index += 2
    }
  }
}

/// Where the indicator table's columns are, from its title row.
struct IndicatorColumns {
  let count: Int
  let level1: Int
  let level2: Int
  let name: Int
  let value: Int
  let standard: Int?

  init?(titles: [String]) {
    func find(_ predicate: (String) -> Bool) -> Int? { titles.firstIndex(where: predicate) }
    guard let level1 = find({ $0.hasPrefix("一级") }), let level2 = find({ $0.hasPrefix("二级") }),
      let name = find({ $0.hasPrefix("三级") }), let value = find({ $0.hasPrefix("指标值") || $0 == "目标值" })
    else { return nil }
    count = titles.count
    self.level1 = level1
    self.level2 = level2
    self.name = name
    self.value = value
    standard = find { $0.hasPrefix("绩效标准") || $0.hasPrefix("评分标准") || $0 == "备注" }
  }

  /// Maps a data row's cells to columns: same width as the title row, or one fewer (no merged first column).
  func map(_ cells: [CellText]) -> (level1: CellText?, level2: CellText?, name: CellText?, value: CellText?, standard: CellText?)? {
    let shift: Int
    if cells.count == count {
      shift = 0
    } else if cells.count == count - 1 && level1 > 0 {
      shift = -1
    } else {
      return nil
    }
    func cell(_ column: Int?) -> CellText? {
      guard let column else { return nil }
      let index = column + shift
      return cells.indices.contains(index) ? cells[index] : nil
    }
    return (cell(level1), cell(level2), cell(name), cell(value), cell(standard))
  }
}
