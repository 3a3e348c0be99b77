import FormModel

extension IndicatorRow {
  /// The 三级 cell when it names an indicator: filled and not a not-applicable mark (JX103, JX104).
  var indicatorName: CellText? {
    guard let name, !name.isBlank, !IndicatorRow.isNotApplicable(name.text) else { return nil }
    return name
  }

  /// The row's category as written (its 二级, else its 一级), for messages.
  var categoryText: String { level2.text.isEmpty ? level1.text : level2.text }
}
