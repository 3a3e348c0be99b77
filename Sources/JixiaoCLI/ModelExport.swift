import FormLint
import FormModel
import FormSyntax

/// The form model as data: JSON (every field with its source line) or CSV (one row per indicator).
enum ModelExport {
  static func json(_ files: [(SourceFile, SyntaxTree)], options: ModelOptions) -> String {
    JSON.object([
      ("version", .int(1)),
      ("files", .array(files.map { source, tree in
        .object([("path", .string(source.path)), ("forms", .array(forms(tree, options: options).map { formJSON($0, tree: tree) }))])
      })),
    ]).pretty + "\n"
  }

  static let csvColumns = ["file", "annex", "project", "department", "budget_wan_yuan", "level1", "level2", "level3", "value", "standard", "line"]

  static func csv(_ files: [(SourceFile, SyntaxTree)], options: ModelOptions) -> String {
    var rows = [csvColumns]
    for (source, tree) in files {
      for (form, base) in forms(tree, options: options) {
        let budget = budgetInWan(form)
        for row in form.indicators {
          rows.append([
            source.path, form.annex?.number ?? "", form.projectName ?? "", form.value(.department)?.trimmed ?? "", budget,
            row.level1.text, row.level2.text, row.name?.trimmed ?? "", row.value?.trimmed ?? "", row.standard?.trimmed ?? "",
            String(line(ofRow: row.rowIndex, form: form, base: base, tree: tree)),
          ])
        }
      }
    }
    return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  private static func forms(_ tree: SyntaxTree, options: ModelOptions) -> [(Form, Int)] {
    tree.nodes.indices.filter { Linter.isCheckable(tree.nodes[$0]) }.map {
      (Form(node: tree.nodes[$0], options: options), tree.nodeStarts[$0])
    }
  }

  private static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  private static func budgetInWan(_ form: Form) -> String {
    guard let cell = form.value(.budget), let amount = AmountScanner.parseCellAmount(cell.text, tableUnit: form.unit.moneyUnit) else {
      return ""
    }
    let text = amount.formatted(in: .wanYuan)
    return text.hasSuffix("万元") ? String(text.dropLast(2)) : text
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
    if let cell = form.value(.budget), let amount = AmountScanner.parseCellAmount(cell.text, tableUnit: form.unit.moneyUnit) {
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
