import FormSyntax

/// A cell's text with its place in the form node (offsets relative to the node).
public struct CellText: Sendable, Equatable {
  /// Index of the cell in the node's `cells`.
  public let cellIndex: Int
  /// Byte range of the cell's text (after the TAB, through the last line's text).
  public let range: Range<Int>
  /// The text, continuation lines joined by their line breaks as written, decoded from the layout's escapes.
  public let text: String
  /// Where each byte of `text` sits in the node (the identity in the notation).
  public let map: CellTextMap

  init(cellIndex: Int, content: CellContent) {
    self.cellIndex = cellIndex
    range = content.range
    text = content.text
    map = content.map
  }

  /// The node-relative range of a range of `text`'s UTF-8 offsets.
  public func nodeRange(_ inner: Range<Int>) -> Range<Int> { map.nodeRange(inner) }

  /// The UTF-8 offset in `text` of a node-relative offset.
  public func textOffset(ofNodeOffset offset: Int) -> Int { map.textOffset(ofNodeOffset: offset) }

  /// The text without surrounding whitespace.
  public var trimmed: String { TextClean.trimmed(text) }
  /// Whether the cell holds only whitespace.
  public var isBlank: Bool { TextClean.isBlank(text) }
  /// Byte range of the trimmed text (relative to the node).
  public var trimmedRange: Range<Int> { nodeRange(TextClean.trimmedRange(text)) }
}

/// A header label and its value cell.
public struct HeaderEntry: Sendable, Equatable {
  /// The label cell.
  public let label: CellText
  /// The known field the label names, if any.
  public let field: HeaderField?
  /// The value cell, absent when the row ends after the label.
  public let value: CellText?
  /// Index of the row in the node's `rows`.
  public let rowIndex: Int
}

/// An indicator category cell (一级 or 二级), resolved across merged cells.
public struct CategoryLabel: Sendable, Equatable {
  /// The label as written (in this row or the row it was inherited from).
  public let text: String
  /// The canonical category in the form's profile, when known.
  public let canonical: String?
  /// The cell that holds the text (in this row or above).
  public let cell: CellText?
  /// Whether the label was inherited from a row above (this row's cell is empty).
  public let inherited: Bool
}

/// One row of the indicator table.
///
/// The cells and labels sit in one shared, immutable-once-built storage object: copying a row (every rule iterates
/// `form.indicators`, filters rows and keeps them) retains one reference instead of the twenty-odd strings and
/// arrays its cells hold. Setting a cell property copies the storage first when it is shared (copy on write).
public struct IndicatorRow: Sendable, Equatable {
  /// The reference-counted parts of a row.
  final class Storage: @unchecked Sendable {
    // Mutated only through `IndicatorRow.uniqueStorage()`, i.e. while no other row (or thread) holds it.
    let rowIndex: Int
    let level1: CategoryLabel
    var level2: CategoryLabel
    let name: CellText?
    let value: CellText?
    let standard: CellText?
    let level1Cell: CellText?
    let level2Cell: CellText?
    var unit: CellText?
    var comparator: CellText?
    var weight: CellText?

    init(
      rowIndex: Int, level1: CategoryLabel, level2: CategoryLabel, name: CellText?, value: CellText?,
      standard: CellText?, level1Cell: CellText?, level2Cell: CellText?, unit: CellText?, comparator: CellText?,
      weight: CellText?
    ) {
      self.rowIndex = rowIndex
      self.level1 = level1
      self.level2 = level2
      self.name = name
      self.value = value
      self.standard = standard
      self.level1Cell = level1Cell
      self.level2Cell = level2Cell
      self.unit = unit
      self.comparator = comparator
      self.weight = weight
    }

    func copy() -> Storage {
      Storage(
        rowIndex: rowIndex, level1: level1, level2: level2, name: name, value: value, standard: standard,
        level1Cell: level1Cell, level2Cell: level2Cell, unit: unit, comparator: comparator, weight: weight)
    }

    func sameCells(as other: Storage) -> Bool {
      self === other
        || (rowIndex == other.rowIndex && level1 == other.level1 && level2 == other.level2 && name == other.name
          && value == other.value && standard == other.standard && level1Cell == other.level1Cell
          && level2Cell == other.level2Cell && unit == other.unit && comparator == other.comparator
          && weight == other.weight)
    }
  }

  private var storage: Storage

  init(
    rowIndex: Int, level1: CategoryLabel, level2: CategoryLabel, name: CellText?, value: CellText?, standard: CellText?,
    level1Cell: CellText?, level2Cell: CellText?, unit: CellText? = nil, comparator: CellText? = nil, weight: CellText? = nil
  ) {
    storage = Storage(
      rowIndex: rowIndex, level1: level1, level2: level2, name: name, value: value, standard: standard,
      level1Cell: level1Cell, level2Cell: level2Cell, unit: unit, comparator: comparator, weight: weight)
  }

  /// The storage, copied first when another row shares it.
  private mutating func uniqueStorage() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  public static func == (lhs: IndicatorRow, rhs: IndicatorRow) -> Bool {
    lhs.valueColumn == rhs.valueColumn && lhs.isAnnual == rhs.isAnnual && lhs.isShare == rhs.isShare
      && lhs.project == rhs.project && lhs.role == rhs.role && lhs.storage.sameCells(as: rhs.storage)
  }

  /// Index of the row in the node's `rows`.
  public var rowIndex: Int { storage.rowIndex }
  /// 一级 (level 1) category, merged cells resolved.
  public var level1: CategoryLabel { storage.level1 }
  /// 二级 (level 2) category, merged cells resolved while the 一级 is unchanged.
  public internal(set) var level2: CategoryLabel {
    get { storage.level2 }
    set { uniqueStorage().level2 = newValue }
  }
  /// 三级: the indicator's name.
  public var name: CellText? { storage.name }
  /// 指标值（及单位）: the target value.
  public var value: CellText? { storage.value }
  /// 绩效标准: the standard.
  public var standard: CellText? { storage.standard }
  /// This row's own 一级 and 二级 cells (empty where merged).
  public var level1Cell: CellText? { storage.level1Cell }
  /// This row's own 二级 cell.
  public var level2Cell: CellText? { storage.level2Cell }
  /// The value's unit from a 计量单位 / 单位 column, if the table has one.
  public var unit: CellText? {
    get { storage.unit }
    set { uniqueStorage().unit = newValue }
  }
  /// The value's comparator from a 计算符号 / 指标方向 column, if the table has one.
  public var comparator: CellText? {
    get { storage.comparator }
    set { uniqueStorage().comparator = newValue }
  }
  /// The row's weight from a 权重 / 分值 column, if the table has one.
  public var weight: CellText? {
    get { storage.weight }
    set { uniqueStorage().weight = newValue }
  }
  /// Which value column of the table this reading is of (0 for the first; tables with 中期 and 年度 columns, or
  /// one column per village, give one `IndicatorRow` per value column).
  public var valueColumn: Int = 0
  /// Whether the year rules apply to this value: its column is the annual one, or none is marked annual.
  public var isAnnual: Bool = true
  /// Whether the value is one recipient's share of the total (a table with one value column per village): the
  /// row's shares add up to what it costs.
  public var isShare: Bool = false
  /// Which project of the table the row belongs to (`Form.projects`; 0 where the table holds one).
  public var project: Int = 0
  /// The row's category role (`CategoryRole.role(of:)` of its final labels), decided once when the form is built:
  /// every value and money rule asks it of every row.
  public internal(set) var role: CategoryRole? = nil

  /// The value's unit as written in its own column, trimmed, or nil.
  public var unitText: String? { unit.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 } }

  /// Whether every filled cell of the row is a not-applicable mark (`/`).
  public var isNotApplicableRow: Bool {
    guard name != nil || value != nil || standard != nil else { return false }
    return [name, value, standard].allSatisfy { cell in cell.map { IndicatorRow.isNotApplicable($0.text) } ?? true }
  }

  /// Words naming an outcome to be avoided: for such an indicator (`安全责任事故`, `群众投诉`) a value of `无` is its
  /// target, none, and not a “not applicable”.
  public static let avoidedOutcomes = ["事故", "投诉", "违规", "违纪", "违法", "差错", "纠纷", "隐患", "污染", "失误", "负面", "舆情", "上访"]

  /// Whether the value is `无` for an indicator that names an outcome to be avoided.
  public var targetsNone: Bool {
    guard let value, TextClean.trimmedEquals(value.text, IndicatorRow.noneMark), let name = name?.text else { return false }
    return IndicatorRow.avoidedOutcomes.contains { TextClean.contains(name, $0) }
  }

  /// `/`, `／`, `无`, `—`, `——`, `-`, `－` (surrounding whitespace ignored).
  public static func isNotApplicable(_ text: String) -> Bool {
    // On the trimmed bytes: none of the marks has a canonical decomposition or combines with what follows, so byte
    // equality is `String` equality here, without an array of Strings and an NFC check per call (every rule asks
    // of every row; this was 4 % of a check).
    let range = TextClean.trimmedRange(text)
    guard range.count > 0 && range.count <= 6 else { return false }
    return TextClean.withBytes(text) { bytes in
      let trimmed = UnsafeBufferPointer(rebasing: bytes[range])
      return notApplicableMarks.contains { $0.elementsEqual(trimmed) }
    }
  }

  private static let notApplicableMarks: [[UInt8]] = ["/", "／", "无", "—", "——", "-", "－"].map { Array($0.utf8) }
  static let noneMark = Array("无".utf8)
}

/// One project of an indicator table that holds several.
public struct Project: Sendable, Equatable {
  /// Index of its first row in the node's `rows`.
  public let rowIndex: Int
  /// Where findings about it start: its name cell in its first row (node-relative).
  public let anchor: Range<Int>
  /// Its fields, each the table's heading cell over the project's cell (merged-down cells read from its first
  /// row that fills them).
  public internal(set) var header: [HeaderEntry]
}

/// A field of the signature line (`填表人：…`).
public struct SignatureField: Sendable, Equatable {
  /// The label, without its colon.
  public let label: String
  /// The value, trimmed; empty when left blank.
  public let value: String
}

/// A header field written on a free line as `label：value` (`预算单位：示例市水务局`, cover lines).
public struct LineField: Sendable, Equatable {
  /// The field.
  public let field: HeaderField
  /// The label as written.
  public let label: String
  /// The value, trimmed.
  public let value: String
  /// Index of the line in the node's `lines`.
  public let lineIndex: Int
}

/// Where a form's year was found.
public enum YearSource: String, Sendable {
  /// In the title (`2021年项目支出绩效目标表`).
  case title
  /// On a line just under the title (`（2022年度）`).
  case lineUnderTitle
  /// In a 年度 / 预算年度 field.
  case field
  /// From configuration (`year`).
  case configuration
}

/// The signature line under a form.
public struct SignatureLine: Sendable, Equatable {
  /// Index of the line in the node's `lines`.
  public let lineIndex: Int
  /// Byte range of the line's text (relative to the node).
  public let range: Range<Int>
  /// The fields in order.
  public let fields: [SignatureField]
}

/// One 绩效目标表, typed. Offsets are relative to its form node.
public struct Form: Sendable {
  /// The syntax the form was built from.
  public let node: FormNode
  /// The annex number (`5-1` from `附件5-1`) and its line.
  public let annex: (number: String, lineIndex: Int)?
  /// The title line, if any.
  public let title: (text: String, lineIndex: Int)?
  /// The year the form is for (title, line under it, 年度 field, configuration: first found), if known.
  public let year: Int?
  /// Where `year` came from.
  public let yearSource: YearSource?
  /// The template family the form follows (detected, or pinned by configuration).
  public let template: Template
  /// Header fields written on free lines (`预算单位：…`).
  public let lineFields: [LineField]
  /// The table unit (`单位：万元`); 万元 when the form has no unit line.
  public let unit: TableUnit
  /// Whether the unit was stated in a unit line.
  public let unitStated: Bool
  /// The profile the form is checked against.
  public let profile: Profile
  /// Whether the profile was detected from the form (rather than pinned by configuration).
  public let profileDetected: Bool
  /// Header label/value pairs in order (for a table of several projects, with the project's own fields).
  public internal(set) var header: [HeaderEntry]
  /// The indicator table's column-title row, if found.
  public let indicatorHeaderRow: Int?
  /// Indicator rows in order (for one project of several, its rows only).
  public internal(set) var indicators: [IndicatorRow]
  /// Rows of the review block (财政局审核意见 …).
  public let reviewRows: [Int]
  /// Rows whose cells could not be matched to the table's columns.
  public let malformedRows: [Int]
  /// The signature line, if any.
  public let signature: SignatureLine?
  /// The projects of an indicator table that holds several (budget-system exports: 项目名称, 金额, 目标 as columns
  /// repeated or merged down the rows); empty for a table of one form.
  public internal(set) var projects: [Project] = []
  /// Which of `projects` this form is, in `projectForms`.
  public internal(set) var projectIndex: Int?

  /// The forms the rules check: this one, or one per project where the table holds several, each with its own
  /// fields and rows and located at its first row (RULES.md "Templates").
  public var projectForms: [Form] {
    guard projects.count > 1 else { return [self] }
    let shared = header.filter { entry in !projects[0].header.contains { $0.label.cellIndex == entry.label.cellIndex } }
    return projects.indices.map { index in
      var form = self
      form.header = shared + projects[index].header
      form.indicators = indicators.filter { $0.project == index }
      form.projectIndex = index
      return form
    }
  }

  /// Which of `projectForms` a node-relative offset belongs to: the last project whose first row starts at or
  /// before it, else the first (the shared header above the projects belongs to the first, as findings about it
  /// are reported there). 0 for a table of one form.
  public func projectFormIndex(containing offset: Int) -> Int {
    guard projects.count > 1 else { return 0 }
    var found = 0
    for (index, project) in projects.enumerated() where project.rowIndex < node.rows.count {
      let row = node.rows[project.rowIndex]
      guard row.lines.lowerBound < node.lines.count, node.lines[row.lines.lowerBound].start <= offset else { break }
      found = index
    }
    return found
  }

  /// The first header entry for a field.
  public func entry(_ field: HeaderField) -> HeaderEntry? { header.first { $0.field == field } }

  /// Whether the tables read as a form's: a known header field (in a table or on a free line), an indicator
  /// table's heading row, or an indicator row. A table before any title or annex (a form pasted without its title)
  /// is checked only then: a README's index of files, or any other table, is not a form.
  public var holdsFormContent: Bool {
    header.contains { $0.field != nil } || !lineFields.isEmpty || indicatorHeaderRow != nil || !indicators.isEmpty
  }

  /// The first header entry for a field or the fields that stand in for it (`HeaderField.satisfiedBy`):
  /// 年度资金总额 for the budget, 资金总额 where no annual budget is stated, 总体目标 as the only goal.
  public func entry(meeting field: HeaderField) -> HeaderEntry? {
    let candidates = template.standIns(for: field)
    for candidate in candidates {
      if let found = entry(candidate), !(found.value?.isBlank ?? true) { return found }
    }
    for candidate in candidates { if let found = entry(candidate) { return found } }
    return nil
  }

  /// Whether a field (or a stand-in) is filled in the header or on a free line.
  public func hasValue(meeting field: HeaderField) -> Bool {
    let candidates = template.standIns(for: field)
    if lineFields.contains(where: { candidates.contains($0.field) && !$0.value.isEmpty }) { return true }
    guard let found = entry(meeting: field) else { return false }
    if !(found.value?.isBlank ?? true) { return true }
    // A total written as a column heading (`资金来源 | 资金总额` over the 其中 rows: no value cell of its own) is
    // stated by its parts.
    guard found.value == nil, let start = header.firstIndex(of: found) else { return false }
    return header[(start + 1)...].prefix { $0.field == .fundingPart }.contains { !($0.value?.isBlank ?? true) }
  }


  /// Whether a field (or a stand-in) has a label in the header or on a free line, filled or not.
  public func hasLabel(meeting field: HeaderField) -> Bool {
    let candidates = template.standIns(for: field)
    return entry(meeting: field) != nil || lineFields.contains { candidates.contains($0.field) }
  }

  /// The budget's value cell: the family's budget field (年度本级预算金额, 年度资金总额 …), else 资金总额.
  public var budgetValue: CellText? { entry(meeting: .budget)?.value }

  /// The value cell of a field.
  public func value(_ field: HeaderField) -> CellText? { entry(field)?.value }

  /// Where the implementation period is written: the 实施期 field's value, else a period goal's heading that states
  /// its years (`中期滚动目标(2019年--2021年)`, the city 批复表), with the label to name it by.
  public var period: (cell: CellText, label: String)? {
    if let cell = value(.implementationPeriod) { return (cell, template.label(for: .implementationPeriod)) }
    guard let heading = entry(.periodGoal)?.label, heading.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
    else { return nil }
    return (heading, TemplateCatalog.normalizedLabel(heading.text).label)
  }

  /// The line where findings about the whole form start: the annex line, else the title, else the first line
  /// (a project of several starts at its first row: see `anchorRange`).
  public var anchorLineIndex: Int { annex?.lineIndex ?? title?.lineIndex ?? 0 }

  /// Byte range (relative) of the anchor line's text.
  public var anchorRange: Range<Int> {
    if let projectIndex { return projects[projectIndex].anchor }
    guard !node.lines.isEmpty else { return 0..<0 }
    let line = node.lines[anchorLineIndex]
    return line.contentStart..<line.contentEnd
  }

  /// The project name, trimmed, if filled.
  public var projectName: String? { value(.projectName).map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 } }
}

/// The money unit of a table, from its unit line.
public enum TableUnit: String, Sendable, Codable {
  /// 元.
  case yuan = "元"
  /// 万元 (the default).
  case wanYuan = "万元"
}
