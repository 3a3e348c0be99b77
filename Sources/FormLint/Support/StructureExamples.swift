import Foundation

/// Builders of whole forms for the structure, hygiene and document rules' examples.
///
/// Kept apart from `Examples.form` (which the value and money rules shape around their rows) so that these
/// examples can drop a header field, rewrite any indicator row or change the annex and title line without
/// growing that builder's parameter list. `↓` markers may sit anywhere in the strings.
enum StructureExamples {
  /// One indicator row: 一级 / 二级 / 三级 / 指标值 / 绩效标准 (an empty 一级 or 二级 inherits from above).
  struct Row {
    var level1, level2, name, value, standard: String
  }

  /// The clean hunan-2021 indicator rows every example starts from.
  static let rows: [Row] = [
    Row(level1: "产出指标", level2: "数量指标", name: "开展普法宣传场次", value: "≥10场次", standard: "全年开展10场次以上"),
    Row(level1: "", level2: "质量指标", name: "宣传覆盖率", value: "≥95%", standard: "覆盖全县各乡镇"),
    Row(level1: "", level2: "时效指标", name: "完成时间", value: "2021年12月底前", standard: "按期完成"),
    Row(level1: "", level2: "成本指标", name: "培训经费", value: "≤20万元", standard: "培训经费20万元"),
    Row(level1: "效益指标", level2: "社会效益指标", name: "群众法治意识提升", value: "≥90%", standard: "问卷调查知晓率达90%以上"),
    Row(level1: "", level2: "经济效益指标", name: "调解减少群众经济损失", value: "≥30件", standard: "全年调解经济纠纷30件以上"),
    Row(level1: "", level2: "生态效益指标", name: "无纸化宣传比例", value: "≥60%", standard: "宣传资料电子化60%以上"),
    Row(level1: "", level2: "可持续影响指标", name: "普法长效机制", value: "建立", standard: "形成年度普法责任清单"),
    Row(level1: "", level2: "社会公众或服务对象满意度指标", name: "服务对象满意度", value: "≥95%", standard: "问卷调查满意度95%以上"),
  ]

  /// The clean header, as rows of label/value pairs.
  static let header: [[(label: String, value: String)]] = [
    [("项目支出名称", "1、普法经费"), ("预算部门", "临武县司法局")],
    [("年度本级预算金额", "20万"), ("该项目支出上级资金", "0")],
    [("项目支出实施期", "2021.1-2021.12")],
    [("实施期绩效目标", "全面完成普法依法治理工作。")],
    [("本年度绩效目标", "完成2021年度普法宣传工作计划。")],
  ]

  /// The filled signature line.
  static let signature = "填表人：张三          联系电话：0735-1234567          填报日期：2021年1月5日           单位负责人签字：李四"

  /// The default rows with the row of one 二级 label replaced (its 一级 kept).
  static func rows(replacing level2: String, name: String, value: String, standard: String) -> [Row] {
    rows.map { row in
      guard row.level2 == level2 else { return row }
      return Row(level1: row.level1, level2: row.level2, name: name, value: value, standard: standard)
    }
  }

  /// The default rows with labels rewritten: each key (a 一级 or 二级 label as in `rows`) becomes its value.
  static func rows(relabelling labels: [String: String], in base: [Row] = rows) -> [Row] {
    base.map { row in
      var copy = row
      copy.level1 = labels[row.level1] ?? row.level1
      copy.level2 = labels[row.level2] ?? row.level2
      return copy
    }
  }

  /// The default rows laid out as mof-2015 has them: satisfaction as a 一级 of its own.
  static let mof2015Rows = rows.map { row in
    guard row.level2 == "社会公众或服务对象满意度指标" else { return row }
    return Row(level1: "满意度指标", level2: "服务对象满意度指标", name: row.name, value: row.value, standard: row.standard)
  }

  /// The default header with one field's value replaced, or the field removed when `value` is nil.
  static func header(setting label: String, to value: String?) -> [[(label: String, value: String)]] {
    header.compactMap { row in
      let pairs = row.compactMap { pair -> (label: String, value: String)? in
        guard pair.label == label else { return pair }
        return value.map { (label, $0) }
      }
      return pairs.isEmpty ? nil : pairs
    }
  }

  /// A complete form in the seed's layout (six columns: a merged first column, then the five).
  static func form(
    annex: String? = "附件5-1", title: String = "2021年项目支出绩效目标表",
    header: [[(label: String, value: String)]] = header, rows: [Row] = rows, signature: String = signature
  ) -> String {
    var lines: [String] = []
    if let annex { lines.append(annex) }
    lines.append(title)
    lines.append("填报单位：（盖章）                                       单位：万元")
    for row in header {
      for pair in row { lines += ["\t\(pair.label)", "\t\(pair.value)"] }
      lines.append("")
    }
    lines += ["\t本年度", "绩效指标", "\t一级指标", "\t二级指标", "\t三级指标", "\t指标值及单位", "\t绩效标准", ""]
    for row in rows {
      lines += ["\t", "\t\(row.level1)", "\t\(row.level2)", "\t\(row.name)", "\t\(row.value)", "\t\(row.standard)", ""]
    }
    lines += ["\t财政局审核意见", "\t业务股室意见", "\t预算股意见", "\t绩效管理股意见", ""]
    lines += ["\t", "\t日期", "\t日期", "\t日期", "", ""]
    lines += [signature, "", ""]
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// The string with the first occurrence of `target` replaced; traps when it is absent, so that an example
  /// cannot silently stop showing what it was written for.
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let found = range(of: target) else { preconditionFailure("example text lacks \(target.debugDescription)") }
    return replacingCharacters(in: found, with: replacement)
  }
}
