import FormLint
import FormModel
import FormSyntax

/// The form model as data: JSON (every field with its source line) or CSV, one row per indicator or one row
/// per form (with its findings counted).
///
/// CSV is what a reviewer opens in Excel or WPS on Chinese Windows: UTF-8 **with a BOM** (without it Excel
/// reads the file as GBK and shows mojibake), CRLF line ends, Chinese column headers unless English ones are
/// asked for.
enum ModelExport {
  static func json(_ files: [CheckedFile]) -> String {
    JSON.object([
      ("version", .int(1)),
      ("files", .array(files.map { file in
        .object([
          ("path", .string(file.path)),
          ("forms", .array(forms(file).map { formJSON($0, tree: file.tree) })),
        ])
      })),
    ]).pretty + "\n"
  }

  /// The byte order mark that tells spreadsheet programs the CSV is UTF-8.
  static let byteOrderMark = "\u{FEFF}"

  /// Column headers of the one-row-per-indicator CSV: (English, Chinese).
  static let indicatorColumns: [(en: String, zh: String)] = [
    ("file", "文件"), ("annex", "附件"), ("project", "项目名称"), ("department", "预算部门"), ("budget_wan_yuan", "年度本级预算金额（万元）"),
    ("level1", "一级指标"), ("level2", "二级指标"), ("level3", "三级指标"), ("value", "指标值"), ("standard", "绩效标准"), ("line", "行"),
  ]

  /// Column headers of the one-row-per-form CSV: (English, Chinese).
  static let formColumns: [(en: String, zh: String)] = [
    ("file", "文件"), ("line", "行"), ("annex", "附件"), ("department", "预算部门"), ("project", "项目名称"),
    ("budget_wan_yuan", "年度本级预算金额（万元）"), ("itemised_cost_wan_yuan", "成本指标合计（万元）"), ("indicators", "指标数"),
    ("errors", "错误"), ("warnings", "警告"), ("information", "信息"), ("hints", "提示"), ("status", "审核结论"), ("rules", "问题规则"),
  ]

  /// One row per indicator.
  static func csv(_ files: [CheckedFile], header: Language, byteOrderMark: Bool = true) -> String {
    var rows = [indicatorColumns.map { LocalizedText(zh: $0.zh, en: $0.en).text(header) }]
    for file in files {
      let tree = file.tree
      for (form, base) in forms(file) {
        let budget = budgetInWan(form)
        for row in form.indicators {
          rows.append([
            file.path, form.annex?.number ?? "", form.projectName ?? "", form.entry(meeting: .department)?.value?.trimmed ?? "", budget,
            row.level1.text, row.level2.text, row.name?.trimmed ?? "", row.value?.trimmed ?? "", row.standard?.trimmed ?? "",
            String(line(ofRow: row.rowIndex, form: form, base: base, tree: tree)),
          ])
        }
      }
    }
    return csvText(rows, byteOrderMark: byteOrderMark)
  }

  /// One row per form: its facts, its findings by severity, whether it can pass, the rules it breaks.
  static func formsCSV(_ model: ReportModel, header: Language, byteOrderMark: Bool = true) -> String {
    let text = ReportText(language: header)
    var rows = [formColumns.map { LocalizedText(zh: $0.zh, en: $0.en).text(header) }]
    for form in model.forms {
      rows.append(
        [
          form.path, String(form.line), form.annex ?? "", form.department ?? "", form.project ?? "",
          form.budget.map(WanYuan.text) ?? "", WanYuan.text(form.itemisedCost), String(form.indicatorCount),
        ] + Severity.allCases.map { String(form.count($0)) } + [
          form.passes ? text.passing : text.sendBack, form.codes.joined(separator: " "),
        ])
    }
    return csvText(rows, byteOrderMark: byteOrderMark)
  }

  private static func csvText(_ rows: [[String]], byteOrderMark: Bool) -> String {
    (byteOrderMark ? ModelExport.byteOrderMark : "") + rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  /// The file's forms (as the linter read them, a table of several projects as a form per project) with their
  /// node's offset.
  private static func forms(_ file: CheckedFile) -> [(Form, Int)] {
    file.formNodeIndices.flatMap { index in
      file.form(atNode: index).projectForms.map { ($0, file.tree.nodeStarts[index]) }
    }
  }

  private static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  /// The form's budget as the money rules and the report read it (`CostAnalysis`: the family's budget field, a
  /// leading amount before a bracketed breakdown), in 万元; empty when it is not an amount.
  private static func budgetInWan(_ form: Form) -> String {
    CostAnalysis(form: form).budget.map { WanYuan.text($0.value) } ?? ""
  }

  private static func line(ofRow rowIndex: Int, form: Form, base: Int, tree: SyntaxTree) -> Int {
    let row = form.node.rows[rowIndex]
    return tree.position(of: base + form.node.lines[row.lines.lowerBound].start, in: .scalar).line + 1
  }

  private static func cellJSON(_ cell: CellText?, base: Int, tree: SyntaxTree) -> JSON {
    guard let cell else { return .null }
    let start = tree.position(of: base + cell.range.lowerBound, in: .scalar)
    return .object([("text", .string(cell.trimmed)), ("line", .int(start.line + 1)), ("column", .int(start.column + 1))])
  }

  private static func formJSON(_ entry: (Form, Int), tree: SyntaxTree) -> JSON {
    let (form, base) = entry
    let header: [JSON] = form.header.map { item in
      .object([
        ("label", .string(TextClean.squeezed(item.label.text))), ("field", item.field.map { .string($0.rawValue) } ?? .null),
        ("value", cellJSON(item.value, base: base, tree: tree)), ("labelLine", .int(tree.position(of: base + item.label.range.lowerBound, in: .scalar).line + 1)),
      ])
    }
    let indicators: [JSON] = form.indicators.map { row in
      .object([
        ("level1", .string(row.level1.text)), ("level1Canonical", row.level1.canonical.map { .string($0) } ?? .null),
        ("level1Inherited", .bool(row.level1.inherited)),
        ("level2", .string(row.level2.text)), ("level2Canonical", row.level2.canonical.map { .string($0) } ?? .null),
        ("level2Inherited", .bool(row.level2.inherited)),
        ("name", cellJSON(row.name, base: base, tree: tree)), ("value", cellJSON(row.value, base: base, tree: tree)),
        ("standard", cellJSON(row.standard, base: base, tree: tree)),
        ("line", .int(line(ofRow: row.rowIndex, form: form, base: base, tree: tree))),
      ])
    }
    let anchorLine = tree.position(of: base + form.anchorRange.lowerBound, in: .scalar).line + 1
    var budget: JSON = .null
    if let cell = form.budgetValue, let amount = CostAnalysis(form: form).budget {
      budget = .object([
        ("text", .string(cell.trimmed)), ("wanYuan", .string(budgetInWan(form))), ("yuan", .string("\(amount.value)")),
        ("line", .int(tree.position(of: base + cell.range.lowerBound, in: .scalar).line + 1)),
      ])
    }
    return .object([
      ("annex", form.annex.map { .string($0.number) } ?? .null),
      ("title", form.title.map { .string($0.text) } ?? .null),
      ("line", .int(anchorLine)),
      ("year", form.year.map { .int($0) } ?? .null),
      ("unit", .string(form.unit.rawValue)),
      ("profile", .string(form.profile.id.rawValue)),
      ("projectName", form.projectName.map { .string($0) } ?? .null),
      ("budget", budget),
      ("header", .array(header)),
      ("indicators", .array(indicators)),
      ("reviewRows", .int(form.reviewRows.count)),
      ("signature", form.signature.map { signature in
        .object([
          ("line", .int(tree.position(of: base + signature.range.lowerBound, in: .scalar).line + 1)),
          ("fields", .array(signature.fields.map { .object([("label", .string($0.label)), ("value", .string($0.value))]) })),
        ])
      } ?? .null),
    ])
  }
}
