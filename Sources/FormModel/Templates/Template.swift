/// A template family of 绩效目标表: its title words, header fields (canonical field → labels), and the
/// indicator-table columns it has. Data, listed in `TemplateCatalog`; rules read fields by their canonical
/// meaning and never name a label.
public struct Template: Sendable {
  /// Identifier, as written in configuration (`"template"` in `.jixiao.json`).
  public let id: TemplateID
  /// The family's name (Chinese).
  public let name: String
  /// The family's name (English).
  public let englishName: String
  /// Where the family comes from (a ministry document, a province's practice).
  public let origin: String
  /// Words in a title that point to this family (`批复表`, `区域绩效目标表`).
  public let titleWords: [String]
  /// Header fields, each with the labels this family writes it with (the first is the family's own spelling).
  public let fields: [FieldLabels]
  /// Labels of blocks and column headings that hold no value of their own (`资金情况`, `资金来源`).
  public let blockLabels: [String]
  /// Other labels the family has that no rule reads (`项目负责人`, `项目属性`).
  public let otherLabels: [String]
  /// Indicator-table columns beyond 一级/二级/三级/指标值 that the family has.
  public let extraColumns: [IndicatorColumnRole]
  /// The indicator profile its forms usually follow (detection still reads each form's 一级 labels).
  public let usualProfile: ProfileID
  /// Labels that point to this family more than to others (`单位代码` in one-system exports).
  public var markers: [String] = []
  /// The family's own names of profile categories, canonical label → the profile's canonical name: the older
  /// provincial form lists `服务对象满意度指标` under 效益指标 where hunan-2021 says 社会公众或服务对象满意度.
  public var categoryAliases: [String: String] = [:]

  /// The fields JX101 requires in this family.
  public var requiredFields: [HeaderField] { fields.filter(\.isRequired).map(\.field) }

  /// The fields JX101 reports when present but empty, though they may be absent.
  public var nonEmptyFields: [HeaderField] { fields.filter { $0.mustNotBeEmpty && !$0.isRequired }.map(\.field) }

  /// The fields that meet a requirement in this family: the field, its general stand-ins, the family's own.
  public func standIns(for field: HeaderField) -> [HeaderField] {
    field.satisfiedBy + (fields.first { $0.field == field }?.orElse ?? [])
  }

  /// The family's own spelling of a field (its first label), or the field's canonical label.
  public func label(for field: HeaderField) -> String {
    fields.first { $0.field == field }?.labels.first ?? field.rawValue
  }

  /// Every label the family writes, normalised (see `TemplateCatalog.normalizedLabel`).
  var normalizedLabels: Set<String> {
    Set((fields.flatMap(\.labels) + blockLabels + otherLabels).map { TemplateCatalog.normalizedLabel($0).label })
  }
}

/// A header field and how one family labels it.
public struct FieldLabels: Sendable {
  /// The canonical field.
  public let field: HeaderField
  /// Labels as the family writes them (before normalisation: spaces, `：`, `（万元）`, 及代码 are ignored).
  public let labels: [String]
  /// Whether JX101 reports the field when it is absent or empty.
  public let isRequired: Bool
  /// Other fields that meet the requirement in this family (the one-system form's only goal is 实施期绩效目标).
  public let orElse: [HeaderField]
  /// Whether JX101 reports the field when its label is there and its value empty, though it may be absent
  /// (该项目支出上级资金: 0 when there are none, never blank).
  public let mustNotBeEmpty: Bool

  init(
    _ field: HeaderField, _ labels: [String], required: Bool = false, orElse: [HeaderField] = [], mustNotBeEmpty: Bool = false
  ) {
    self.field = field
    self.labels = labels
    isRequired = required
    self.orElse = orElse
    self.mustNotBeEmpty = mustNotBeEmpty
  }
}

/// The identifier of a template family.
public enum TemplateID: String, Sendable, CaseIterable, Codable {
  /// F1: the Hunan county 项目支出绩效目标表 (the seed's).
  case hunanCounty = "hunan-county"
  /// F2: the MOF 财预〔2015〕88号 申报表, 中期 and 年度 side by side.
  case mof2015Application = "mof-2015-application"
  /// F3: department / 专项 申报表 derived from F2, one annual table.
  case departmentSpecial = "department-special"
  /// F4: older provincial 财政支出项目绩效目标申报表.
  case provincialOlder = "provincial-older"
  /// F5: 扶贫 / 衔接资金 绩效目标申报表.
  case povertyAlleviation = "poverty-alleviation"
  /// F6: transfer-payment 区域绩效目标表.
  case transferRegion = "transfer-region"
  /// F7: provincial fund allocated to several recipients.
  case provincialFund = "provincial-fund"
  /// F8: city 批复表 with 中期 and 年度 blocks.
  case cityApproval = "city-approval"
  /// F9: budget-system export with 目标值 / 计量单位 / 分值 columns.
  case budgetSystem = "budget-system"
  /// F10: post-财预〔2021〕101号 one-system form, 成本指标 first.
  case oneSystem2021 = "one-system-2021"
}

/// What a column of an indicator table holds, found by its heading.
public enum IndicatorColumnRole: String, Sendable, CaseIterable {
  /// The leading merged 绩效指标 column (skipped).
  case mergedLabel = "merged-label"
  /// 一级指标.
  case level1 = "level-1"
  /// 二级指标.
  case level2 = "level-2"
  /// 三级指标 / 指标名称 / 指标内容: the indicator's name.
  case name = "name"
  /// 指标值 / 目标值 / 年度指标值 …: a target value.
  case value = "value"
  /// 绩效标准 / 评分标准 …: the standard.
  case standard = "standard"
  /// 计量单位 / 单位 / 度量单位: the value's unit.
  case unit = "unit"
  /// 计算符号 / 指标方向 / 指标值类型: the value's comparator.
  case comparator = "comparator"
  /// 权重 / 分值: the weight (JX111).
  case weight = "weight"
  /// 指标性质 (正向/反向): not a value.
  case nature = "nature"
  /// 备注 / 指标解释 / 指标值说明: notes.
  case note = "note"
}
