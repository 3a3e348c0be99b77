/// The template families (research on real forms of many provinces), as data. Adding a family is adding an
/// entry here and examples to its tests, not code in rules.
public enum TemplateCatalog {
  // Labels shared by several families.
  static let projectNames = ["项目名称", "项目 名称", "专项(项目)名称", "专项名称", "资金名称", "转移支付(项目)名称", "申报项目名称"]
  static let departments = [
    "主管部门", "主管部门及代码", "主管部门及编码", "主管部门名称", "主管部门(单位)名称", "主管预算部门", "预算部门", "预算单位",
    "中央主管部门", "省级主管部门", "市级主管部门", "区级主管部门", "区县主管部门", "县级主管部门", "编报单位", "单位名称",
  ]
  static let units = ["实施单位", "项目实施单位", "项目单位"]
  static let budgets = [
    "年度资金总额", "年度预算资金总额", "当年资金总额", "年度资金申请总额", "项目预算金额", "年度金额", "本年度申请市财政预算资金",
    "年度预算金额", "本年度预算金额", "预算数", "年度本级预算金额",
  ]
  static let totals = ["资金总额", "项目资金总额"]
  static let multiYear = ["中期资金总额", "中期预算资金总额", "中期市财政预算", "中期预算"]
  static let parts = [
    "财政拨款", "当年财政拨款", "财政资金", "财政拨款数", "其他资金", "当年其他资金", "上年结转资金", "上年结转", "中央补助", "中央财政资金",
    "地方资金", "省级资金", "省级", "市县级", "市县级资金", "自筹资金", "自有资金", "事业收入", "经营性收入", "一般公共预算拨款",
  ]
  static let periods = ["项目支出实施期", "实施期", "项目实施期", "项目期", "项目期限", "项目起止时间", "项目计划实施时间", "项目实施时间"]
  static let periodGoals = ["实施期绩效目标", "中期目标", "中期滚动目标", "长期目标", "项目总目标", "中长期目标", "实施期目标"]
  static let annualGoals = ["本年度绩效目标", "年度目标", "年度绩效目标", "年度总体目标", "本年度目标"]
  static let overallGoals = ["总体目标", "绩效目标", "总体绩效目标", "项目绩效目标"]
  static let years = ["年度", "预算年度", "填报年度"]
  /// Block labels and column headings of the header (no value of their own).
  public static let blocks = [
    "资金情况", "项目资金", "项目资金申请", "资金总额及构成", "项目预算资金", "投入目标", "资金来源", "年初安排金额", "项目基本信息",
  ]
  /// Known labels no rule reads.
  public static let others = [
    "项目负责人", "项目负责人及电话", "项目负责人及联系电话", "联系电话", "项目属性", "项目类别", "项目分类", "归口科室", "单位代码",
    "主管部门编码", "省级财政部门", "市级财政部门", "区级财政部门", "区县财政部门", "单位职能概述", "项目概况", "立项依据",
    "项目设立必要性", "保证项目实施的制度、措施", "项目实施计划", "填报单位", "编报时间", "部门负责人",
  ]

  // Field entries several families share. A family's own label comes first: it names the field in messages.
  static func projectName(_ own: String...) -> FieldLabels {
    FieldLabels(.projectName, own + projectNames, required: true)
  }
  static func department(_ own: String...) -> FieldLabels {
    FieldLabels(.department, own + departments, required: true)
  }
  /// The annual budget; most families also read a generic 资金总额 there.
  static func budget(_ own: String, orTotal: Bool = true) -> FieldLabels {
    FieldLabels(.budget, [own] + budgets + (orTotal ? totals : []), required: true)
  }
  static func period(_ own: String..., required: Bool = false) -> FieldLabels {
    FieldLabels(.implementationPeriod, own + periods, required: required)
  }
  static func periodGoal(_ own: String..., required: Bool = false) -> FieldLabels {
    FieldLabels(.periodGoal, own + periodGoals, required: required)
  }
  static let implementingUnit = FieldLabels(.implementingUnit, units)
  static let multiYearBudget = FieldLabels(.multiYearBudget, multiYear)
  static let fundingPart = FieldLabels(.fundingPart, parts)
  static let annualGoal = FieldLabels(.annualGoal, annualGoals, required: true)
  static let overallGoal = FieldLabels(.overallGoal, overallGoals)
  static let year = FieldLabels(.year, years)

  /// Every family, in detection priority order (the first wins a tie).
  public static let all: [Template] = [
    Template(
      id: .hunanCounty, name: "湖南县级项目支出绩效目标表", englishName: "Hunan county project-expenditure target table",
      origin: "湖南县级（财预〔2015〕88号时期），示例申报的模板", titleWords: ["项目支出绩效目标表"],
      fields: [
        projectName("项目支出名称"), department("预算部门"), budget("年度本级预算金额", orTotal: false),
        FieldLabels(.superiorFunds, ["该项目支出上级资金", "上级资金"], mustNotBeEmpty: true), period(required: true),
        periodGoal(required: true), annualGoal,
      ], blockLabels: [], otherLabels: [], extraColumns: [.mergedLabel, .standard], usualProfile: .hunan2021),
    Template(
      id: .mof2015Application, name: "项目支出绩效目标申报表（财预〔2015〕88号）",
      englishName: "MOF project target application form (财预〔2015〕88号)", origin: "财预〔2015〕88号附件",
      titleWords: ["项目支出绩效目标申报表"],
      fields: [
        projectName(), department("主管部门及代码"), implementingUnit, budget("年度资金总额", orTotal: false),
        multiYearBudget, fundingPart, period("项目期"), periodGoal("中期目标", required: true), annualGoal, overallGoal,
      ], blockLabels: blocks, otherLabels: others, extraColumns: [.mergedLabel], usualProfile: .mof2015,
      markers: ["中期资金总额", "项目期"]),
    Template(
      id: .departmentSpecial, name: "部门专项（绩效目标）申报表", englishName: "Department / special-fund application form",
      origin: "由88号申报表派生的部门、专项申报表（湖北、山西等）", titleWords: ["专项(绩效目标)申报表", "部门预算", "预算部门(单位)"],
      fields: [
        projectName(), department("主管部门及编码"), implementingUnit, budget("当年资金总额"), multiYearBudget, fundingPart,
        period("项目起止时间", required: true), periodGoal("中期目标", required: true), annualGoal, overallGoal,
      ], blockLabels: blocks, otherLabels: others, extraColumns: [.note], usualProfile: .hunan2021,
      markers: ["当年资金总额", "项目起止时间", "年度资金申请总额", "年度预算资金总额"]),
    Template(
      id: .provincialOlder, name: "财政支出项目绩效目标申报表（省级旧式）",
      englishName: "Older provincial expenditure target application form", origin: "各省2016–2021年旧式申报表",
      titleWords: ["财政支出项目绩效目标申报表"],
      fields: [
        projectName(), department(), implementingUnit, budget("资金总额"), fundingPart,
        period("项目起止时间", required: true), periodGoal("长期目标", required: true), annualGoal, overallGoal,
      ], blockLabels: blocks, otherLabels: others, extraColumns: [.note, .weight], usualProfile: .hunan2021,
      markers: ["项目资金申请", "主管部门编码", "长期目标"], categoryAliases: ["服务对象满意度": "社会公众或服务对象满意度"]),
    Template(
      id: .povertyAlleviation, name: "扶贫／衔接资金绩效目标申报表", englishName: "Poverty-alleviation fund application form",
      origin: "扶贫、衔接推进乡村振兴资金的分行业参考模板", titleWords: ["绩效目标申报表(", "衔接", "扶贫"],
      fields: [projectName(), department(), implementingUnit, budget("年度资金总额"), fundingPart, annualGoal, overallGoal],
      blockLabels: blocks, otherLabels: others, extraColumns: [.mergedLabel], usualProfile: .mof2015,
      markers: ["项目负责人及电话", "项目负责人及联系电话"]),
    Template(
      id: .transferRegion, name: "转移支付区域绩效目标表", englishName: "Transfer-payment regional target table",
      origin: "财预〔2015〕163号", titleWords: ["区域绩效目标表", "区域绩效目标申报表"],
      fields: [projectName("资金名称"), department("中央主管部门"), budget("年度金额"), fundingPart, annualGoal, overallGoal],
      blockLabels: blocks, otherLabels: others, extraColumns: [.unit], usualProfile: .hunan2021,
      markers: ["省级财政部门", "区县财政部门", "区县主管部门", "中央补助", "市级财政部门", "区级财政部门", "专项(项目)名称"]),
    Template(
      id: .provincialFund, name: "省级专项资金绩效目标表（分配到多个单位）",
      englishName: "Provincial fund target table, one value column per recipient", origin: "省级专项资金下达文件附件",
      titleWords: ["专项资金绩效目标表"],
      fields: [
        projectName(), department("主管部门(单位)名称"), budget("资金总额"), fundingPart,
        FieldLabels(.annualGoal, ["总体目标"] + annualGoals, required: true), overallGoal,
      ], blockLabels: blocks, otherLabels: others, extraColumns: [.mergedLabel, .note, .value], usualProfile: .hunan2021
    ),
    Template(
      id: .cityApproval, name: "市级项目支出绩效目标批复表", englishName: "City project target approval form",
      origin: "市级财政的批复表（中期与年度两栏）", titleWords: ["批复表"],
      fields: [
        projectName(), department("预算单位"), budget("本年度申请市财政预算资金", orTotal: false), multiYearBudget,
        periodGoal("中期滚动目标", required: true), annualGoal, overallGoal,
      ], blockLabels: blocks, otherLabels: others, extraColumns: [.mergedLabel, .value], usualProfile: .hunan2021,
      markers: ["中期市财政预算", "本年度申请市财政预算资金", "中期滚动目标"]),
    Template(
      id: .budgetSystem, name: "预算管理系统导出的项目绩效目标表", englishName: "Budget-system export",
      origin: "预算管理系统导出（目标值、计量单位、分值列）", titleWords: ["项目绩效目标表"],
      fields: [
        projectName(), department(), implementingUnit, budget("资金总额"), fundingPart, annualGoal, overallGoal,
        year,
      ], blockLabels: blocks, otherLabels: others,
      extraColumns: [.mergedLabel, .nature, .comparator, .unit, .weight, .note], usualProfile: .hunan2021,
      markers: ["投入目标", "年初安排金额", "归口科室"]),
    Template(
      id: .oneSystem2021, name: "预算管理一体化系统项目支出绩效目标表（财预〔2021〕101号后）",
      englishName: "One-system project target table (after 财预〔2021〕101号)", origin: "财预〔2021〕101号；预算管理一体化系统",
      titleWords: [],
      fields: [
        projectName("项目名称"), FieldLabels(.department, ["单位名称"] + departments + units, required: true),
        budget("资金总额"), period(), periodGoal(),
        FieldLabels(.annualGoal, ["实施期绩效目标"] + annualGoals, required: true, orElse: [.periodGoal]), overallGoal, year,
      ], blockLabels: blocks, otherLabels: others, extraColumns: [.unit, .comparator, .standard],
      usualProfile: .mof2021,
      markers: ["单位代码", "单位名称", "资金总额"]),
  ]

  /// The family with an identifier.
  public static func named(_ id: TemplateID) -> Template { all.first { $0.id == id }! }

  /// What a header label is, by the labels of every family.
  public enum LabelRole: Sendable, Equatable {
    /// A canonical field.
    case field(HeaderField)
    /// A block or column heading that holds no value itself.
    case block
    /// A known label that no rule reads.
    case other
  }

  /// Normalised label → role, from every family's data. A label that one family uses for a field and
  /// another for a block is a field.
  static let roles: [String: LabelRole] = {
    var result: [String: LabelRole] = [:]
    for template in all {
      for label in template.blockLabels { result[normalizedLabel(label).label] = result[normalizedLabel(label).label] ?? .block }
      for label in template.otherLabels { result[normalizedLabel(label).label] = result[normalizedLabel(label).label] ?? .other }
    }
    // Fields override blocks; among fields the most specific meaning wins (budget over total, part over none).
    let precedence: [HeaderField] = [
      .projectName, .superiorFunds, .budget, .multiYearBudget, .fundingPart, .fundsTotal, .implementationPeriod,
      .annualGoal, .periodGoal, .overallGoal, .department, .implementingUnit, .year,
    ]
    var fieldOf: [String: HeaderField] = [:]
    for template in all {
      for entry in template.fields {
        for label in entry.labels {
          let key = normalizedLabel(label).label
          if let existing = fieldOf[key],
            precedence.firstIndex(of: existing)! <= precedence.firstIndex(of: entry.field)!
          {
            continue
          }
          fieldOf[key] = entry.field
        }
      }
    }
    // Generic totals read as totals unless a family has them as its annual budget label only.
    for label in totals { fieldOf[normalizedLabel(label).label] = .fundsTotal }
    // In families whose goal is written as 总体目标 alone, it is the annual goal; everywhere else the only goal.
    for label in overallGoals { fieldOf[normalizedLabel(label).label] = .overallGoal }
    for label in periodGoals { fieldOf[normalizedLabel(label).label] = .periodGoal }
    for label in annualGoals { fieldOf[normalizedLabel(label).label] = .annualGoal }
    for (key, field) in fieldOf { result[key] = .field(field) }
    return result
  }()

  /// The role of a header label, if it is known; `其中：` in front makes an unknown label a funding part.
  public static func role(ofLabel label: String) -> LabelRole? {
    // Every header cell of every form is asked about, and forms repeat their labels: remembered by bytes.
    roleMemo.value(for: label) { computeRole(ofLabel: label) }
  }

  private static let roleMemo = ByteMemo<LabelRole?>()

  private static func computeRole(ofLabel label: String) -> LabelRole? {
    let (key, isSubItem) = normalizedLabel(label)
    // A key longer than every known one is none of them where its scalars stand alone: it is then NFC, as every
    // known key is (`TemplateDetectionTests`), and equal NFC strings have equal bytes. Spares the `String` hash of
    // a long value text (goal texts are too long to be remembered, so they are asked about in every form).
    let unknown = key.utf8.count > longestRoleKey && TextClean.scalarsStandAlone(key)
    if !unknown, let role = roles[key] { return role }
    return isSubItem && !key.isEmpty ? .field(.fundingPart) : nil
  }

  /// The UTF-8 length of the longest key of `roles`.
  static let longestRoleKey = roles.keys.map(\.utf8.count).max() ?? 0

  /// A label with whitespace, a leading `★`/`其中：`, a trailing `：`, parenthesised notes (`（万元）`,
  /// `(2019年--2021年)`) and 及代码/及编码 removed. `isSubItem` tells whether it started with 其中.
  public static func normalizedLabel(_ label: String) -> (label: String, isSubItem: Bool) {
    // On UTF-8 bytes: this runs for every header cell and heading of every form (it was 17 % of a check's
    // instructions on scalars). Every mark removed is a whole scalar, so what is kept stays valid UTF-8.
    TextClean.squeezedBytes(label).withUnsafeBufferPointer { normalizedLabel(squeezed: $0) }
  }

  private static func normalizedLabel(squeezed bytes: UnsafeBufferPointer<UInt8>) -> (label: String, isSubItem: Bool) {
    /// The length of the mark at `index` if it is one of `marks` (UTF-8 sequences), else 0.
    func mark(_ marks: [[UInt8]], at index: Int) -> Int {
      for mark in marks where index + mark.count <= bytes.count {
        var matched = true
        for offset in mark.indices where bytes[index + offset] != mark[offset] {
          matched = false
          break
        }
        if matched { return mark.count }
      }
      return 0
    }
    var index = 0
    while case let length = mark(LabelMarks.stars, at: index), length > 0 { index += length }
    var isSubItem = false
    if case let length = mark([LabelMarks.subItem], at: index), length > 0 {
      isSubItem = true
      index += length
      while case let length = mark(LabelMarks.subItemSeparators, at: index), length > 0 { index += length }
    }
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count - index)
    var depth = 0
    while index < bytes.count {
      let byte = bytes[index]
      let width = TextClean.scalarWidth(lead: byte)
      // Only these lead bytes start a parenthesis: ( ) [ ] and （ ） 【 】 (EF BC 88/89, E3 80 90/91).
      let mayBeParenthesis = byte == 0x28 || byte == 0x29 || byte == 0x5B || byte == 0x5D || byte == 0xEF || byte == 0xE3
      if mayBeParenthesis && mark(LabelMarks.opening, at: index) > 0 {
        depth += 1
      } else if mayBeParenthesis && mark(LabelMarks.closing, at: index) > 0 {
        depth = max(depth - 1, 0)
      } else if depth == 0 {
        // Byte by byte: `append(contentsOf:)` of a buffer per scalar was a tenth of this function.
        for offset in index..<(index + width) { kept.append(bytes[offset]) }
      }
      index += width
    }
    while let last = LabelMarks.trailing.first(where: { kept.count >= $0.count && kept.suffix($0.count).elementsEqual($0) }) {
      kept.removeLast(last.count)
    }
    // `hasSuffix` and `count` on `String` go by characters and canonical equivalence: the bytes decide where the
    // scalar before 代码/编码 and the one before 及 stand alone (`TextClean.standsAlone`; U+2F836 is equivalent to
    // 及 and does not); elsewhere the `String` operations do.
    for suffix in LabelMarks.codeSuffixes where kept.count > 6 && kept.suffix(6).elementsEqual(suffix.suffix(6)) {
      // 代码/编码 ends the label: is it 及代码/及编码 after something (true), something else (false), or undecided?
      let decided: Bool? = kept.withUnsafeBufferPointer { bytes in
        func lead(before end: Int) -> Int? {
          guard end > 0 else { return nil }
          var index = end - 1
          while index > 0 && bytes[index] & 0xC0 == 0x80 { index -= 1 }
          return index
        }
        guard let before = lead(before: bytes.count - 6), TextClean.standsAlone(bytes, at: before) else { return nil }
        guard UnsafeBufferPointer(rebasing: bytes[before..<(bytes.count - 6)]).elementsEqual(suffix.prefix(3)) else { return false }
        guard let first = lead(before: before) else { return false }  // the label is 及代码 itself: kept
        return TextClean.standsAlone(bytes, at: first) ? true : nil
      }
      guard let decided else { return (removingCodeSuffixes(String(decoding: kept, as: UTF8.self)), isSubItem) }
      if decided { kept.removeLast(suffix.count) }
    }
    return (String(decoding: kept, as: UTF8.self), isSubItem)
  }

  /// 及代码 / 及编码 removed from the end of a label, by characters.
  private static func removingCodeSuffixes(_ label: String) -> String {
    var text = label
    for suffix in ["及代码", "及编码"] where text.hasSuffix(suffix) && text.count > suffix.count {
      text = String(text.dropLast(suffix.count))
    }
    return text
  }

  /// The marks `normalizedLabel` removes, as UTF-8.
  private enum LabelMarks {
    static let stars = ["★", "☆", "*", "＊"].map { Array($0.utf8) }
    static let subItem = Array("其中".utf8)
    static let subItemSeparators = [":", "：", ",", "，"].map { Array($0.utf8) }
    static let opening = ["(", "（", "[", "【"].map { Array($0.utf8) }
    static let closing = [")", "）", "]", "】"].map { Array($0.utf8) }
    static let trailing = [":", "：", "∶"].map { Array($0.utf8) }
    static let codeSuffixes = ["及代码", "及编码"].map { Array($0.utf8) }
  }

  /// What `detect` scores, normalised once: for each label key, how many of each family's clues (the first label of a
  /// field, a marker) it is, by family index in `all`; and each family's title words with ASCII parentheses, as UTF-8.
  static let detectionClues: (keys: [String: [(family: Int, count: Int)]], titleWords: [[[UInt8]]]) = {
    var keys: [String: [(family: Int, count: Int)]] = [:]
    for (family, template) in all.enumerated() {
      let clues = template.fields.compactMap { $0.labels.first.map { normalizedLabel($0).label } }
        + template.markers.map { normalizedLabel($0).label }
      for key in clues {
        if let last = keys[key]?.last, last.family == family {
          keys[key]![keys[key]!.count - 1].count += 1
        } else {
          keys[key, default: []].append((family, 1))
        }
      }
    }
    return (keys, all.map { $0.titleWords.map { Array($0.replacingFullWidthParentheses().utf8) } })
  }()

  /// How many fields each family requires (`detect`'s tie-break), by family index in `all`.
  static let requiredFieldCounts = all.map { $0.requiredFields.count }

  /// The clue lists of `detectionClues.keys` by position, and each key's position: `detect` counts a form's keys
  /// by position (an `Int` set) instead of hashing the keys as `String`s.
  static let detectionKeyPositions: (positions: [String: Int], clues: [[(family: Int, count: Int)]]) = {
    let entries = Array(detectionClues.keys)
    return (Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) }), entries.map(\.value))
  }()

  /// The position in `detectionKeyPositions` of `normalizedLabel(_:).label` of a label `detect` is given (nil for
  /// an empty key or one no family names), remembered by bytes.
  private static let detectionKeyMemo = ByteMemo<Int?>()

  /// The family that fits a form best: its title words (3 each), its own spelling of a field (the first label,
  /// 1 each) and its markers (1 each); a tie goes to the family that requires fewer fields, so that a form with
  /// nothing distinctive is not asked for fields its family may not have.
  public static func detect(labels: [String], title: String?) -> Template {
    // Each distinct key counts once: keys equal as `String`s have one position (a key no family names scores 0).
    var positions: [Int] = []
    for label in labels {
      let position = detectionKeyMemo.value(for: label) { () -> Int? in
        let key = normalizedLabel(label).label
        return key.isEmpty ? nil : detectionKeyPositions.positions[key]
      }
      if let position, !positions.contains(position) { positions.append(position) }
    }
    var scores = [Int](repeating: 0, count: all.count)
    for position in positions {
      for clue in detectionKeyPositions.clues[position] { scores[clue.family] += clue.count }
    }
    let squeezedTitle = title.map { asciiParentheses(TextClean.squeezedBytes($0)) } ?? []
    var best = 0
    var bestScore = (-1, 0)
    for family in all.indices {
      // A byte search: on valid UTF-8 a match starts on a scalar boundary, and title words are whole CJK words.
      var score = scores[family]
      for word in detectionClues.titleWords[family] where TextClean.firstIndex(of: word, in: squeezedTitle) != nil { score += 3 }
      let candidate = (score, -requiredFieldCounts[family])
      if candidate > bestScore {
        best = family
        bestScore = candidate
      }
    }
    return all[best]
  }

  /// UTF-8 with full-width parentheses as ASCII ones: the bytes of `String.replacingFullWidthParentheses()`.
  static func asciiParentheses(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(0xEF) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBC
        && (bytes[index + 2] == 0x88 || bytes[index + 2] == 0x89)
      {
        result.append(bytes[index + 2] == 0x88 ? 0x28 : 0x29)
        index += 3
      } else {
        result.append(bytes[index])
        index += 1
      }
    }
    return result
  }
}

extension String {
  /// Full-width parentheses as ASCII ones, so `（绩效目标）` and `(绩效目标)` compare equal.
  func replacingFullWidthParentheses() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 }))
  }
}
