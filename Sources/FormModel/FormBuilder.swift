import FormSyntax
import Foundation

/// Settings that override what is read from a form (from configuration or the command line).
public struct ModelOptions: Sendable, Equatable {
  /// A profile to use instead of detecting one.
  public var profile: ProfileID?
  /// The form year of last resort: used only where the form states none (title, the lines under it, a 年度 field).
  public var year: Int?
  /// A table unit to use instead of the unit line's.
  public var unit: TableUnit?
  /// A template family to use instead of detecting one.
  public var template: TemplateID?

  /// Creates options; nil means "read it from the form".
  public init(profile: ProfileID? = nil, year: Int? = nil, unit: TableUnit? = nil, template: TemplateID? = nil) {
    self.profile = profile
    self.year = year
    self.unit = unit
    self.template = template
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
    let template =
      options.template.map(TemplateCatalog.named)
      ?? TemplateCatalog.detect(
        labels: reader.header.map(\.label.text) + reader.lineFields.map(\.label)
          + (reader.projects.first?.header.map(\.label.text) ?? []),
        title: reader.title?.text)
    if !template.categoryAliases.isEmpty { reader.resolve(aliases: template.categoryAliases, profile: profile) }
    reader.joinSplitLabels(profile: profile, aliases: template.categoryAliases)
    // The form year, first found wins: title, a year line under it, a 年度 field, configuration.
    let fieldYear = reader.header.first { $0.field == .year }?.value.flatMap { FormReader.year(inYearLine: $0.text) }
    let found: [(Int?, YearSource)] = [
      (reader.titleYear, .title), (reader.yearLine, .lineUnderTitle), (fieldYear, .field), (options.year, .configuration),
    ]
    let year = found.first { $0.0 != nil }
    self.init(
      node: node, annex: reader.annex, title: reader.title, year: year?.0, yearSource: year?.1, template: template,
      lineFields: reader.lineFields,
      unit: options.unit ?? reader.unit ?? .wanYuan, unitStated: reader.unit != nil, profile: profile,
      profileDetected: options.profile == nil, header: reader.header, indicatorHeaderRow: reader.indicatorHeaderRow,
      indicators: reader.indicators.map { row in
        var row = row
        row.role = CategoryRole.role(of: row)
        return row
      }, reviewRows: reader.reviewRows, malformedRows: reader.malformedRows,
      signature: reader.signature)
    // The first project's fields stand in the form's header, so that a table of one project reads as a form.
    header += reader.projects.first?.header ?? []
    projects = reader.projects
  }
}

/// Reads one form node into the model's parts.
struct FormReader {
  let node: FormNode
  var annex: (number: String, lineIndex: Int)?
  var title: (text: String, lineIndex: Int)?
  var titleYear: Int?
  var projects: [Project] = []
  var yearLine: Int?
  var lineFields: [LineField] = []
  var unit: TableUnit?
  var signature: SignatureLine?
  var header: [HeaderEntry] = []
  var indicatorHeaderRow: Int?
  var indicators: [IndicatorRow] = []
  var reviewRows: [Int] = []
  var malformedRows: [Int] = []

  /// Every row of the node, read once for `detectProfile` and `readTables`.
  let rowScans: [RowScan]

  init(node: FormNode) {
    self.node = node
    rowScans = node.rows.map { RowScan(node: node, row: $0) }
  }

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
      } else if let title, yearLine == nil, index > title.lineIndex, index <= title.lineIndex + 3,
        let year = FormReader.year(inYearLine: text)
      {
        yearLine = year
      } else if unit == nil, let found = FormReader.unit(inLine: text) {
        unit = found
        lineFields += FormReader.lineFields(text, lineIndex: index)
      } else if signature == nil, text.hasPrefix("填表人") {
        let range = node.lines[index].contentStart..<node.lines[index].contentEnd
        signature = SignatureLine(lineIndex: index, range: range, fields: FormReader.signatureFields(text))
      } else {
        lineFields += FormReader.lineFields(text, lineIndex: index)
      }
    }
  }

  /// A line that holds only a year expression: `（2022年度）`, `( 2019 年度)`, `(2020)年度`, `2021年`, `年度：2022`.
  static func year(inYearLine text: String) -> Int? {
    // What is left below must be four ASCII digits, and nothing removed is one: a line with another number of
    // them holds no year (most free lines hold no digit at all).
    guard asciiDigitCount(text) == 4 else { return nil }
    return year(inYearExpression: text)
  }

  /// `year(inYearLine:)` without its digit count (the reading itself, by scalars and characters).
  static func year(inYearExpression text: String) -> Int? {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !TextClean.isSpace(scalar) && !"()（）[]【】".unicodeScalars.contains(scalar) {
      scalars.append(scalar)
    }
    var squeezed = String(scalars)
    for prefix in ["年度：", "年度:", "预算年度：", "预算年度:"] where squeezed.hasPrefix(prefix) {
      squeezed = String(squeezed.dropFirst(prefix.count))
    }
    for suffix in ["年度", "年"] where squeezed.hasSuffix(suffix) {
      squeezed = String(squeezed.dropLast(suffix.count))
      break
    }
    guard squeezed.unicodeScalars.count == 4, squeezed.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.numericType == .decimal }),
      let year = Int(squeezed), (1990...2100).contains(year)
    else { return nil }
    return year
  }

  /// `label：value` pairs of a free line (`单位代码：000000    单位名称：示例县卫生健康局`), for known fields.
  static func lineFields(_ text: String, lineIndex: Int) -> [LineField] {
    // A byte search first: most free lines hold no colon, and `String.contains` goes through Foundation.
    // Foundation's reading only where a byte loop could differ from it (`TextClean.scalarsStandAlone`).
    guard TextClean.withBytes(text, { TextClean.firstIndex(of: colonBytes, in: $0) != nil || $0.contains(0x3A) }) else { return [] }
    let standsAlone = TextClean.scalarsStandAlone(text)
    guard standsAlone || text.contains("：") || text.contains(":") else { return [] }
    var fields: [LineField] = []
    for segment in lineSegments(text) {
      // Where every scalar stands alone the first colon's bytes are the first colon character's.
      guard let (label, rest) = standsAlone ? splitAtColon(bytesOf: segment) : splitAtColon(charactersOf: segment) else { continue }
      var value = TextClean.trimmed(rest)
      // Foundation only for a stamp whose bytes are there, and only where a scalar does not stand alone (no other
      // spelling of one is canonically equivalent: `FormReaderTests`; removing the bytes is `replacingOccurrences`).
      for (stamp, bytes) in stampBytes where TextClean.withBytes(value, { TextClean.firstIndex(of: bytes, in: $0) != nil }) {
        value = standsAlone ? removing(bytes, from: value) : value.replacingOccurrences(of: stamp, with: "")
      }
      guard let field = HeaderField.field(forLabel: label) else { continue }
      fields.append(LineField(field: field, label: label, value: TextClean.trimmed(value), lineIndex: lineIndex))
    }
    return fields
  }

  static let colonBytes = Array("：".utf8)

  /// The text before and after the first `：` or `:` character.
  static func splitAtColon(charactersOf segment: String) -> (String, String)? {
    guard let colon = segment.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
    return (String(segment[..<colon]), String(segment[segment.index(after: colon)...]))
  }

  /// The text before and after the first `：` or `:` scalar (the first character's where every scalar stands alone).
  static func splitAtColon(bytesOf segment: String) -> (String, String)? {
    TextClean.withBytes(segment) { bytes in
      var index = 0
      while index < bytes.count {
        let width = bytes[index] == 0x3A ? 1 : bytes[index] == 0xEF && index + 2 < bytes.count
          && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x9A ? 3 : 0
        if width > 0 {
          return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self),
            String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + width)...]), as: UTF8.self))
        }
        index += 1
      }
      return nil
    }
  }

  /// The text with every occurrence of `word` removed, left to right, as `replacingOccurrences(of:with: "")` does on
  /// text whose scalars stand alone.
  static func removing(_ word: [UInt8], from text: String) -> String {
    TextClean.withBytes(text) { bytes in
      var kept: [UInt8] = []
      kept.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        if index + word.count <= bytes.count, bytes[index] == word[0],
          word.indices.allSatisfy({ bytes[index + $0] == word[$0] })
        {
          index += word.count
        } else {
          kept.append(bytes[index])
          index += 1
        }
      }
      return String(decoding: kept, as: UTF8.self)
    }
  }

  /// How many ASCII digits the text holds.
  static func asciiDigitCount(_ text: String) -> Int {
    TextClean.withBytes(text) { bytes in
      var count = 0
      for byte in bytes where byte >= 0x30 && byte <= 0x39 { count += 1 }
      return count
    }
  }

  static let stamps = ["（盖章）", "(盖章)", "（印章）", "(印章)", "（签字）", "(签字)"]
  static let stampBytes = stamps.map { ($0, Array($0.utf8)) }

  /// A free line's `label：value` segments: pairs are separated by runs of two or more spaces (or an ideographic
  /// space, or a TAB); spaces are dropped from the segments. By characters; on bytes where every scalar is a
  /// character of its own (`TextClean.standsAlone`), which gives the same segments.
  static func lineSegments(_ text: String) -> [String] {
    let bytewise: [String]? = TextClean.withBytes(text) { bytes in
      guard TextClean.standsAlone(bytes) else { return nil }
      var segments: [String] = []
      var current: [UInt8] = []
      var currentHasColon = false
      var spaces = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let width = TextClean.scalarWidth(lead: byte)
        let isIdeographicSpace = byte == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
        if byte == 0x20 || byte == 0x09 || isIdeographicSpace {
          spaces += byte == 0x20 ? 1 : 2
          index += width
          continue
        }
        if spaces >= 2, !current.isEmpty, currentHasColon {
          segments.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
          currentHasColon = false
        }
        spaces = 0
        current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
        if byte == 0x3A || (byte == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x9A) { currentHasColon = true }
        index += width
      }
      if !current.isEmpty { segments.append(String(decoding: current, as: UTF8.self)) }
      return segments
    }
    if let bytewise { return bytewise }
    var segments: [String] = []
    var current = ""
    var spaces = 0
    for character in text {
      if character == " " || character == "\u{3000}" || character == "\t" {
        spaces += character == " " ? 1 : 2
        continue
      }
      if spaces >= 2, !current.isEmpty, current.contains("：") || current.contains(":") {
        segments.append(current)
        current = ""
      }
      spaces = 0
      current.append(character)
    }
    if !current.isEmpty { segments.append(current) }
    return segments
  }

  /// The first 4-digit year followed by 年 in a title.
  static func year(inTitle text: String) -> Int? {
    // On bytes: ASCII digits and 年 are whole scalars, so a run of digit bytes is a run of digit scalars and the byte
    // before it is an ASCII digit exactly when the scalar before it is one.
    TextClean.withBytes(text) { bytes in
      func isDigit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
      var index = 0
      while index + 7 <= bytes.count {
        if isDigit(index) && isDigit(index + 1) && isDigit(index + 2) && isDigit(index + 3)
          && bytes[index + 4] == 0xE5 && bytes[index + 5] == 0xB9 && bytes[index + 6] == 0xB4
          && (index == 0 || !isDigit(index - 1))
        {
          let year = (index..<(index + 4)).reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
          if (1990...2100).contains(year) { return year }
        }
        index += 1
      }
      return nil
    }
  }

  /// `单位：万元` / `单位:元` in a free line.
  static func unit(inLine text: String) -> TableUnit? {
    // Foundation's `range(of:)` is dear; without the bytes of 单位 it finds nothing (no other spelling of 单位 is
    // canonically equivalent: `FormReaderTests`).
    let squeezed = TextClean.squeezed(text)
    guard TextClean.contains(squeezed, "单位") else { return nil }
    if TextClean.scalarsStandAlone(squeezed) {
      // Byte searches find what `range(of:)` and `hasPrefix` find where every scalar is a character of its own.
      return TextClean.withBytes(squeezed) { bytes in
        for marker in unitMarkers {
          var search = 0
          while let found = TextClean.firstIndex(of: marker, in: bytes, from: search) {
            let rest = UnsafeBufferPointer(rebasing: bytes[(found + marker.count)...])
            if rest.starts(with: wanYuan) { return .wanYuan }
            if rest.starts(with: yuan) { return .yuan }
            search = found + marker.count
          }
        }
        return nil
      }
    }
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

  static let unitMarkers = ["单位：", "单位:"].map { Array($0.utf8) }
  static let wanYuan = Array("万元".utf8)
  static let yuan = Array("元".utf8)

  /// `填表人：X  联系电话：Y …` split into label/value pairs.
  static func signatureFields(_ text: String) -> [SignatureField] {
    // One pass over the bytes: at each offset the longest label starting there (a byte search, as Foundation's
    // `range(of:)` bridged through NSString and dominated this reader in profiles).
    TextClean.withBytes(text) { bytes in
      var positions: [(label: String, range: Range<Int>)] = []
      var index = 0
      while index < bytes.count {
        // Every label starts with byte E5 or E8 (填, 单, 联): the other offsets start none.
        var best: (label: String, count: Int)?
        if bytes[index] == 0xE5 || bytes[index] == 0xE8 {
          for (label, needle) in signatureLabels where needle.count > (best?.count ?? 0) && index + needle.count <= bytes.count {
            if needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { best = (label, needle.count) }
          }
        }
        guard let best else {
          index += 1
          continue
        }
        positions.append((best.label, index..<(index + best.count)))
        index += best.count
      }
      return positions.enumerated().map { offset, position in
        let end = offset + 1 < positions.count ? positions[offset + 1].range.lowerBound : bytes.count
        var value = String(decoding: UnsafeBufferPointer(rebasing: bytes[position.range.upperBound..<end]), as: UTF8.self)
        if value.hasPrefix("：") || value.hasPrefix(":") { value.removeFirst() }
        return SignatureField(label: position.label, value: TextClean.trimmed(value))
      }
    }
  }

  static let signatureLabels = ["填表人", "联系电话", "填报日期", "单位负责人签字", "单位负责人"].map { ($0, Array($0.utf8)) }
  static let signatureLeads: Set<UInt8> = Set(signatureLabels.map { $0.1[0] })

  /// A 一级 label 成本指标 means mof-2021; else a 一级 label 满意度指标 means mof-2015; else hunan-2021. The 一级
  /// column is found by its heading in each indicator table, wherever it is.
  func detectProfile() -> ProfileID {
    var sawSatisfactionLevel1 = false
    var columns: IndicatorColumns?
    for scan in rowScans {
      if let found = scan.columns {
        columns = found
        continue
      }
      guard let columns, let shift = columns.shift(forWidth: scan.cells.count) else { continue }
      let index = columns.level1 + shift
      guard scan.cells.indices.contains(index) else { continue }
      let label = Profile.canonicalLabel(scan.cells[index].text)
      if Profile.mof2021.level1Names.first == label { return .mof2021 }
      if Profile.mof2015.level1Names.last == label { sawSatisfactionLevel1 = true }
    }
    return sawSatisfactionLevel1 ? .mof2015 : .hunan2021
  }

  mutating func readTables(profile: Profile) {
    enum Section { case header, indicators, review }
    var section = Section.header
    var columns: IndicatorColumns?
    var headings: [CellText] = []
    var level1: CategoryLabel?
    var level2s: [Int: CategoryLabel] = [:]
    var headerRows: [(rowIndex: Int, cells: [CellText])] = []
    defer { header = HeaderReader(rows: headerRows).entries() }
    for (rowIndex, scan) in rowScans.enumerated() {
      let cells = scan.cells
      if scan.isReview {
        section = .review
      } else if section != .review, let found = scan.columns {
        section = .indicators
        indicatorHeaderRow = rowIndex
        columns = found
        headings = cells
        level1 = nil
        level2s = [:]
        continue
      }
      switch section {
      case .review:
        reviewRows.append(rowIndex)
      case .header:
        headerRows.append((rowIndex, cells))
      case .indicators:
        guard let columns, let shift = columns.shift(forWidth: cells.count) else {
          malformedRows.append(rowIndex)
          continue
        }
        readProject(cells, rowIndex: rowIndex, columns: columns, headings: headings, shift: shift)
        let ownLevel1 = columns.cell(columns.level1, in: cells, shift: shift)
        if let cell = ownLevel1, !cell.isBlank {
          let text = cell.trimmed
          level1 = CategoryLabel(text: text, canonical: profile.level1(for: text), cell: cell, inherited: false)
          level2s = [:]
        }
        let empty = CategoryLabel(text: "", canonical: nil, cell: nil, inherited: false)
        for (groupIndex, group) in columns.groups.enumerated() {
          let ownLevel2 = columns.cell(group.level2, in: cells, shift: shift)
          if let cell = ownLevel2, !cell.isBlank {
            let text = cell.trimmed
            level2s[group.level2 ?? -1] = CategoryLabel(
              text: text, canonical: profile.level2(for: text, under: level1?.canonical), cell: cell, inherited: false)
          }
          var row = IndicatorRow(
            rowIndex: rowIndex, level1: inherit(level1, own: ownLevel1) ?? empty,
            level2: inherit(level2s[group.level2 ?? -1], own: ownLevel2) ?? empty,
            name: columns.cell(group.name, in: cells, shift: shift), value: columns.cell(group.value, in: cells, shift: shift),
            standard: columns.cell(columns.standard, in: cells, shift: shift), level1Cell: ownLevel1, level2Cell: ownLevel2,
            unit: columns.cell(group.unit, in: cells, shift: shift),
            comparator: columns.cell(group.comparator, in: cells, shift: shift),
            weight: columns.cell(columns.weight, in: cells, shift: shift))
          row.valueColumn = groupIndex
          row.isAnnual = group.isAnnual
          row.isShare = group.isShare
          row.project = max(projects.count - 1, 0)
          indicators.append(row)
        }
      }
    }
  }

  /// Reads the 二级 labels the profile does not know by the family's own names of its categories.
  mutating func resolve(aliases: [String: String], profile: Profile) {
    for index in indicators.indices where indicators[index].level2.canonical == nil {
      let label = indicators[index].level2
      guard let canonical = profile.level2(for: label.text, under: indicators[index].level1.canonical, aliases: aliases) else {
        continue
      }
      indicators[index].level2 = CategoryLabel(text: label.text, canonical: canonical, cell: label.cell, inherited: label.inherited)
    }
  }

  /// A row of a table with project columns (项目名称 | 资金总额 | 年度目标 | 一级指标 …): a project name that
  /// differs from the current one starts a project; a field cell merged down is read from the first row filling it.
  mutating func readProject(_ cells: [CellText], rowIndex: Int, columns: IndicatorColumns, headings: [CellText], shift: Int) {
    guard let nameColumn = columns.projectColumns.first(where: { $0.field == .projectName })?.column,
      let name = columns.cell(nameColumn, in: cells, shift: shift)
    else { return }
    if !name.isBlank && projects.last.flatMap({ $0.header.first?.value?.trimmed }) != name.trimmed {
      projects.append(Project(rowIndex: rowIndex, anchor: name.trimmedRange, header: []))
    }
    guard !projects.isEmpty else { return }
    for (column, field) in columns.projectColumns where column < headings.count {
      guard let cell = columns.cell(column, in: cells, shift: shift) else { continue }
      let header = projects[projects.count - 1].header
      if let existing = header.firstIndex(where: { $0.field == field }) {
        guard header[existing].value?.isBlank ?? true, !cell.isBlank else { continue }
        projects[projects.count - 1].header[existing] = HeaderEntry(
          label: headings[column], field: field, value: cell, rowIndex: rowIndex)
      } else {
        projects[projects.count - 1].header.append(HeaderEntry(label: headings[column], field: field, value: cell, rowIndex: rowIndex))
      }
    }
  }

  /// A 二级 label split over two rows (`社会公众或服务` in a row with no indicator, `对象满意度指标` in the next, as
  /// Word exports a label cell that spans two rows) is read as one label, in both rows and the rows inheriting it.
  mutating func joinSplitLabels(profile: Profile, aliases: [String: String]) {
    var lastOfColumn: [Int: Int] = [:]
    for index in indicators.indices {
      let row = indicators[index]
      defer { lastOfColumn[row.valueColumn] = index }
      guard let previousIndex = lastOfColumn[row.valueColumn] else { continue }
      let previous = indicators[previousIndex]
      guard previous.rowIndex == row.rowIndex - 1, previous.level2.canonical == nil, row.level2.canonical == nil,
        previous.name?.isBlank ?? true, previous.value?.isBlank ?? true,
        let head = previous.level2Cell, !head.isBlank, let tail = row.level2Cell, !tail.isBlank
      else { continue }
      let joined = TextClean.squeezed(head.text + tail.text)
      guard let canonical = profile.level2(for: joined, under: row.level1.canonical, aliases: aliases) else { continue }
      indicators[previousIndex].level2 = CategoryLabel(text: joined, canonical: canonical, cell: head, inherited: false)
      for later in index..<indicators.count where indicators[later].level2.cell?.cellIndex == tail.cellIndex {
        let label = indicators[later].level2
        indicators[later].level2 = CategoryLabel(text: joined, canonical: canonical, cell: tail, inherited: label.inherited)
      }
    }
  }

  private func inherit(_ label: CategoryLabel?, own: CellText?) -> CategoryLabel? {
    guard let label else { return nil }
    let ownFilled = own.map { !$0.isBlank } ?? false
    return CategoryLabel(text: label.text, canonical: label.canonical, cell: label.cell, inherited: !ownFilled)
  }
}

/// One row of a form node, read once: its cells' texts, whether it opens the review block, and the indicator columns
/// it heads, if it is a heading row. `detectProfile` and `readTables` both walk the rows; each cell is decoded and
/// squeezed, and each row tried as a heading row, once.
struct RowScan {
  let cells: [CellText]
  let isReview: Bool
  let columns: IndicatorColumns?

  init(node: FormNode, row: SyntaxRow) {
    let first = row.cells.lowerBound
    cells = node.cells(of: row).enumerated().map { offset, cell in
      CellText(cellIndex: first + offset, content: node.content(ofCell: cell))
    }
    let titles = cells.map { TextClean.squeezed($0.text) }
    isReview = titles.contains { TextClean.hasReviewSuffix($0) }
    columns = IndicatorColumns(titles: titles)
  }
}

/// Where the indicator table's columns are, found by their headings (`IndicatorHeadings`), not by position.
struct IndicatorColumns {
  /// One reading of a row: the columns of one value and the name and 二级 it belongs to.
  struct Group {
    let level2: Int?
    let name: Int
    let value: Int
    let unit: Int?
    let comparator: Int?
    let isAnnual: Bool
    /// Whether the column is one recipient's share of the table's total (one value column per village).
    let isShare: Bool
  }

  /// The UTF-8 of the words a level-1 heading is or starts with (`IndicatorHeadings.table`): a heading row holds one.
  static let level1Words: [[UInt8]] = IndicatorHeadings.table.filter { $0.role == .level1 }
    .flatMap { $0.exact + $0.prefixes }.map { Array($0.utf8) }

  let count: Int
  let level1: Int
  let standard: Int?
  let weight: Int?
  let groups: [Group]
  /// Columns holding a project's fields (项目名称, 资金总额, 年度目标 …) in a table of several projects, the name
  /// first; empty when the table has no 项目名称 column.
  let projectColumns: [(column: Int, field: HeaderField)]

  init?(titles: [String]) {
    // Every row is tried as a heading row (twice per form): rule out the rows without a 一级 heading by a byte search
    // before normalizing every cell's label, which was a third of a whole check's instructions.
    guard titles.contains(where: { title in
      TextClean.withBytes(title) { bytes in IndicatorColumns.level1Words.contains { TextClean.firstIndex(of: $0, in: bytes) != nil } }
    }) else { return nil }
    let roles = titles.map { IndicatorHeadings.role(of: $0) }
    let fields: [(column: Int, field: HeaderField)] = titles.indices.compactMap { column in
      guard roles[column] == nil, !titles[column].isEmpty, case .field(let field)? = TemplateCatalog.role(ofLabel: titles[column])
      else { return nil }
      return (column, field)
    }
    let projectColumns = fields.contains { $0.field == .projectName }
      ? fields.filter { $0.field == .projectName } + fields.filter { $0.field != .projectName } : []
    func columns(_ role: IndicatorColumnRole) -> [Int] { roles.indices.filter { roles[$0] == role } }
    let names = columns(.name)
    guard let level1 = columns(.level1).first, !columns(.level2).isEmpty, let firstName = names.first else { return nil }
    var values = columns(.value)
    // No value heading: the unnamed columns after the name are values (one per village or recipient).
    if values.isEmpty {
      values = roles.indices.filter { column in
        column > firstName && roles[column] == nil && !titles[column].isEmpty && !projectColumns.contains { $0.column == column }
      }
    }
    guard !values.isEmpty else { return nil }
    let level2s = columns(.level2)
    let units = columns(.unit)
    let comparators = columns(.comparator)
    func nearest(_ candidates: [Int], to column: Int) -> Int? {
      candidates.min { abs($0 - column) < abs($1 - column) }
    }
    let nameOf = values.map { value in names.last { $0 < value } ?? firstName }
    // Which value columns the year rules read: those a heading marks as annual; else all but those marked as
    // multi-year; else, where the 三级 | 指标值 block repeats (88号 and its city copies: 中期, then 年度), the last
    // block; else all.
    let marked = values.map { IndicatorHeadings.isAnnual(titles[$0]) }
    let multiYear = values.map { IndicatorHeadings.isMultiYear(titles[$0]) }
    // One value column per recipient (one 三级 name, no period marked): each is a share of the table's total.
    let areShares = values.count > 1 && Set(nameOf).count == 1 && !marked.contains(true) && !multiYear.contains(true)
    let annual: [Bool]
    if marked.contains(true) {
      annual = marked
    } else if multiYear.contains(true) {
      annual = multiYear.map { !$0 }
    } else if Set(nameOf).count > 1, let lastName = nameOf.last {
      annual = nameOf.map { $0 == lastName }
    } else {
      annual = values.map { _ in true }
    }
    groups = values.indices.map { index in
      let value = values[index]
      return Group(
        level2: level2s.last { $0 < value } ?? level2s.first, name: nameOf[index], value: value,
        unit: nearest(units, to: value), comparator: nearest(comparators, to: value), isAnnual: annual[index],
        isShare: areShares)
    }
    count = titles.count
    self.level1 = level1
    standard = columns(.standard).first
    weight = columns(.weight).first
    self.projectColumns = projectColumns
  }

  /// The shift that maps a data row's cells to columns: 0 for a row as wide as the headings; -1 for a row whose
  /// leading merged column was dropped (the 一级 is not the first column); nil otherwise.
  func shift(forWidth width: Int) -> Int? {
    if width == count { return 0 }
    if width == count - 1 && level1 > 0 { return -1 }
    return nil
  }

  /// The cell of a column in a row, after the shift.
  func cell(_ column: Int?, in cells: [CellText], shift: Int) -> CellText? {
    guard let column else { return nil }
    let index = column + shift
    return cells.indices.contains(index) ? cells[index] : nil
  }
}
