import FormModel
import FormSyntax
import Testing

/// `IndicatorRow` keeps its cells in one shared storage object: copies must still behave as values.
@Suite struct IndicatorRowTests {
  static let text = """
    2021年项目支出绩效目标表

    \t项目名称
    \t示例项目

    \t一级指标
    \t二级指标
    \t三级指标
    \t指标值
    \t计量单位

    \t产出指标
    \t数量指标
    \t培训人数
    \t100
    \t人

    \t
    \t
    \t培训场次
    \t4
    \t次

    """

  static func rows() throws -> [IndicatorRow] {
    let nodes = SyntaxTree(parsing: text).nodes.filter(\.isForm)
    try #require(nodes.count == 1)
    return Form(node: nodes[0]).indicators
  }

  @Test func rowsReadTheirCellsAndInheritLabels() throws {
    let rows = try Self.rows()
    try #require(rows.count == 2)
    #expect(rows.map { $0.name?.trimmed } == ["培训人数", "培训场次"])
    #expect(rows.map { $0.unit?.trimmed } == ["人", "次"])
    #expect(rows.map(\.unitText) == ["人", "次"])
    #expect(rows.map(\.level2.text) == ["数量指标", "数量指标"])
    #expect(rows.map(\.level2.inherited) == [false, true])
    #expect(rows[1].level1Cell?.isBlank == true)
  }

  @Test func settingACellOfACopyLeavesTheOriginalAlone() throws {
    let rows = try Self.rows()
    try #require(rows.count == 2)
    let original = rows[0]
    var copy = original
    #expect(copy == original)
    copy.unit = rows[1].unit
    #expect(copy.unit?.trimmed == "次")
    #expect(original.unit?.trimmed == "人")
    #expect(rows[0].unit?.trimmed == "人")
    #expect(copy != original)
    copy.unit = original.unit
    #expect(copy == original)
    copy.comparator = original.name
    #expect(original.comparator == nil && copy.comparator?.trimmed == "培训人数")
    var weighed = original
    weighed.weight = original.value
    #expect(original.weight == nil && weighed.weight?.trimmed == "100" && weighed != original)
  }

  @Test func equalityComparesTheInlineParts() throws {
    let rows = try Self.rows()
    try #require(rows.count == 2)
    var moved = rows[0]
    moved.project = 1
    #expect(moved != rows[0])
    moved.project = rows[0].project
    #expect(moved == rows[0])
    moved.isAnnual.toggle()
    #expect(moved != rows[0])
    #expect(rows[0] != rows[1])
  }
}
