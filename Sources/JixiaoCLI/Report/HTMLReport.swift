import FormLint
import FormModel
import Foundation

/// HTML escaping for text and attribute values.
enum HTML {
  static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
    var output = ""
    output.reserveCapacity(text.utf8.count + 16)
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.append(character)
      }
    }
    return output
  }
}

/// The reviewer's report: one self-contained HTML page (CSS, script and SVG inline; no address outside the
/// page), which opens from disk and prints on A4. Sections: overview, charts, the table of forms (sortable and
/// filterable by the inline script), each form's findings with the cell quoted and a draft review opinion, and
/// the rules' explanations.
struct HTMLReport {
  let model: ReportModel
  let language: Language
  /// The paths named on the command line, shown in the header.
  let inputs: [String]
  /// The per-form CSV offered for download (UTF-8; the script adds the BOM).
  let csv: String

  private var text: ReportText { ReportText(language: language) }

  func render() -> String {
    var html = ""
    html.reserveCapacity(4096 + model.forms.count * 4096)
    html += "<!DOCTYPE html>\n<html lang=\"\(text.htmlLanguage)\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<title>\(HTML.escape(text.title))</title>\n<style>\n\(ReportAssets.css)</style>\n</head>\n<body>\n"
    header(into: &html)
    overview(into: &html)
    charts(into: &html)
    formsTable(into: &html)
    details(into: &html)
    rules(into: &html)
    // A textarea's text is not markup, and its value is the CSV as written.
    html += "<textarea id=\"csv-forms\" hidden>\(HTML.escape(csv))</textarea>\n"
    html += "<script>\n\(ReportAssets.script)</script>\n</body>\n</html>\n"
    return html
  }

  private func header(into html: inout String) {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
    html += "<header><h1>\(HTML.escape(text.title))</h1>"
    html += "<p class=\"meta\">\(HTML.escape(text.generated(formatter.string(from: model.generated) + " UTC", version: JixiaoVersion.current)))"
    html += " · <span class=\"inputs\">\(HTML.escape(inputs.joined(separator: " ")))</span></p></header>\n"
  }

  private func overview(into html: inout String) {
    html += "<section id=\"overview\"><h2>\(text.overview)</h2><dl class=\"stats\">\n"
    func stat(_ id: String, _ label: String, _ value: String, _ style: String = "") {
      html += "<div class=\"stat \(style)\"><dt>\(HTML.escape(label))</dt><dd id=\"stat-\(id)\">\(HTML.escape(value))</dd></div>\n"
    }
    stat("files", text.files, "\(model.files.count)")
    stat("forms", text.forms, "\(model.forms.count)")
    stat("departments", text.departments, "\(model.departments.compactMap { $0 }.count)")
    stat("budget", text.totalBudget, WanYuan.text(model.totalBudget))
    stat("cost", text.totalCost, WanYuan.text(model.totalItemisedCost))
    for severity in Severity.allCases {
      stat(severity.rawValue, text.severity(severity), "\(model.count(severity))", "sev-\(severity.rawValue)")
    }
    stat("pass", text.passing, "\(model.passingForms)", "pass")
    stat("send-back", text.sendBack, "\(model.forms.count - model.passingForms)", "back")
    html += "</dl></section>\n"
  }

  private func charts(into html: inout String) {
    html += "<section id=\"charts\"><h2>\(text.charts)</h2>\n"
    let perRule = model.findingsPerRule
    figure("chart-rules", text.findingsPerRule, into: &html) {
      guard !perRule.isEmpty else { return "<p class=\"empty\">\(text.noFindings)</p>" }
      return SVGChart(
        bars: perRule.map { .init(category: "\($0.code) \($0.name)", segments: [.init(value: Double($0.count), style: "bar-rule", label: "\($0.count)")], total: "\($0.count)") },
        caption: text.findingsPerRule
      ).render()
    }
    let departments = model.departments
    let byDepartment = Dictionary(grouping: model.forms, by: \.department)
    figure("chart-status", text.formsPerDepartment, into: &html) {
      let bars = departments.map { department -> SVGChart.Bar in
        let forms = byDepartment[department] ?? []
        let passing = forms.filter(\.passes).count
        return .init(
          category: department ?? text.noDepartment,
          segments: [
            .init(value: Double(passing), style: "bar-pass", label: "\(passing)"),
            .init(value: Double(forms.count - passing), style: "bar-back", label: "\(forms.count - passing)"),
          ], total: "\(passing) / \(forms.count - passing)")
      }
      return "<p class=\"legend\"><span class=\"key bar-pass\"></span>\(text.passing) <span class=\"key bar-back\"></span>\(text.sendBack)</p>"
        + SVGChart(bars: bars, caption: text.formsPerDepartment).render()
    }
    figure("chart-budget", text.budgetPerDepartment, into: &html) {
      let bars = departments.map { department -> SVGChart.Bar in
        let total = (byDepartment[department] ?? []).compactMap(\.budget).reduce(ExactDecimal(0), +)
        return .init(
          category: department ?? text.noDepartment,
          segments: [.init(value: WanYuan.number(total), style: "bar-budget", label: WanYuan.text(total))], total: WanYuan.text(total))
      }
      return SVGChart(bars: bars, caption: text.budgetPerDepartment).render()
    }
    // The numbers of the department charts as a table, for reading and printing.
    html += "<table class=\"numbers\" id=\"department-numbers\"><thead><tr><th>\(text.department)</th><th>\(text.forms)</th>"
    html += "<th>\(text.passing)</th><th>\(text.sendBack)</th><th>\(text.budget)</th><th>\(text.cost)</th></tr></thead><tbody>\n"
    for department in departments {
      let forms = byDepartment[department] ?? []
      let passing = forms.filter(\.passes).count
      html += "<tr><td>\(HTML.escape(department ?? text.noDepartment))</td><td>\(forms.count)</td><td>\(passing)</td>"
      html += "<td>\(forms.count - passing)</td><td>\(WanYuan.text(forms.compactMap(\.budget).reduce(0, +)))</td>"
      html += "<td>\(WanYuan.text(forms.map(\.itemisedCost).reduce(0, +)))</td></tr>\n"
    }
    html += "</tbody></table></section>\n"
  }

  private func figure(_ id: String, _ caption: String, into html: inout String, _ body: () -> String) {
    html += "<figure id=\"\(id)\"><figcaption>\(HTML.escape(caption))</figcaption>\(body())</figure>\n"
  }

  private func formsTable(into html: inout String) {
    html += "<section id=\"table\"><h2>\(text.table)</h2>\n<div class=\"filters\">"
    html += "<label>\(text.department) <select id=\"filter-department\"><option value=\"\">\(text.all)</option>"
    for department in model.departments {
      let value = department ?? ""
      html += "<option value=\"\(HTML.escape(value))\">\(HTML.escape(department ?? text.noDepartment))</option>"
    }
    html += "</select></label> <label>\(text.rule) <select id=\"filter-rule\"><option value=\"\">\(text.all)</option>"
    for rule in model.findingsPerRule.sorted(by: { $0.code < $1.code }) {
      html += "<option value=\"\(rule.code)\">\(rule.code) \(HTML.escape(rule.name)) (\(rule.count))</option>"
    }
    html += "</select></label> <label>\(text.severityLabel) <select id=\"filter-severity\"><option value=\"\">\(text.all)</option>"
    for severity in Severity.allCases { html += "<option value=\"\(severity.rawValue)\">\(text.severityOne(severity))</option>" }
    html += "</select></label> <label>\(text.status) <select id=\"filter-status\"><option value=\"\">\(text.all)</option>"
    html += "<option value=\"pass\">\(text.passing)</option><option value=\"back\">\(text.sendBack)</option></select></label> "
    html += "<label>\(text.search) <input id=\"filter-text\" type=\"search\"></label> "
    html += "<span class=\"shown\">\(text.showing) <output id=\"shown-count\">\(model.forms.count)</output> / \(model.forms.count)</span> "
    html += "<button type=\"button\" id=\"download-csv\">\(text.downloadForms)</button></div>\n"
    html += "<table id=\"forms\"><thead><tr>"
    let columns: [(String, String)] = [
      (text.department, "text"), (text.project, "text"), (text.annex, "annex"), (text.budget, "number"), (text.cost, "number"),
      (text.errorsWarnings, "number"), (text.status, "text"),
    ]
    for (index, column) in columns.enumerated() {
      html += "<th data-type=\"\(column.1)\" data-column=\"\(index)\" aria-sort=\"none\"><button type=\"button\">\(column.0)</button></th>"
    }
    html += "</tr></thead><tbody>\n"
    for form in model.forms {
      let severities = Severity.allCases.filter { form.count($0) > 0 }.map(\.rawValue).joined(separator: " ")
      html += "<tr id=\"row-\(form.index)\" data-department=\"\(HTML.escape(form.department ?? ""))\" data-rules=\"\(form.codes.joined(separator: " "))\""
      html += " data-severities=\"\(severities)\" data-status=\"\(form.passes ? "pass" : "back")\">"
      html += "<td>\(HTML.escape(form.department ?? text.noDepartment))</td>"
      html += "<td><a href=\"#form-\(form.index)\">\(HTML.escape(form.project ?? form.title ?? text.noProject))</a></td>"
      html += "<td>\(HTML.escape(form.annex ?? ""))</td>"
      html += "<td data-sort=\"\(form.budget.map { "\(WanYuan.number($0))" } ?? "")\">\(form.budget.map(WanYuan.text) ?? "")</td>"
      html += "<td data-sort=\"\(WanYuan.number(form.itemisedCost))\">\(WanYuan.text(form.itemisedCost))</td>"
      let errors = form.count(.error)
      let warnings = form.count(.warning)
      html += "<td data-sort=\"\(errors * 100_000 + warnings)\">\(errors) / \(warnings)</td>"
      html += "<td class=\"\(form.passes ? "pass" : "back")\">\(form.passes ? text.passing : text.sendBack)</td></tr>\n"
    }
    html += "</tbody></table></section>\n"
  }

  private func details(into html: inout String) {
    html += "<section id=\"details\"><h2>\(text.perForm)</h2>\n"
    if model.forms.isEmpty { html += "<p class=\"empty\">\(text.noForms)</p>\n" }
    for form in model.forms {
      html += "<article class=\"form\" id=\"form-\(form.index)\" data-status=\"\(form.passes ? "pass" : "back")\">"
      html += "<h3>\(form.annex.map { "<span class=\"annex\">\(HTML.escape($0))</span> " } ?? "")"
      html += "\(HTML.escape(form.project ?? form.title ?? text.noProject)) <span class=\"badge \(form.passes ? "pass" : "back")\">"
      html += "\(form.passes ? text.passing : text.sendBack)</span></h3>"
      html += "<p class=\"facts\">\(HTML.escape(form.department ?? text.noDepartment)) · <code>\(HTML.escape(form.path)):\(form.line)</code>"
      html += " · \(text.budget) \(form.budget.map(WanYuan.text) ?? "—") · \(text.cost) \(WanYuan.text(form.itemisedCost))"
      html += " · \(form.indicatorCount) \(text.indicators) · <a href=\"#row-\(form.index)\">\(text.backToTable)</a></p>\n"
      findings(form.findings, path: form.path, into: &html)
      html += "<div class=\"opinion\"><h4>\(text.opinion)</h4><textarea readonly rows=\"\(min(form.count(.error), 12) + 2)\">"
      html += HTML.escape(text.opinion(for: form)) + "</textarea><button type=\"button\" class=\"copy\">\(text.copy)</button></div></article>\n"
    }
    let loose = model.files.filter { $0.formCount == 0 }
    if !loose.isEmpty {
      html += "<article class=\"form\" id=\"no-forms\"><h3>\(text.filesWithoutForms)</h3><ul>"
      for file in loose { html += "<li><code>\(HTML.escape(file.path))</code></li>" }
      html += "</ul>"
      for file in loose where !file.looseFindings.isEmpty { findings(file.looseFindings, path: file.path, into: &html) }
      html += "</article>\n"
    }
    html += "</section>\n"
  }

  private func findings(_ findings: [ReportModel.Finding], path: String, into html: inout String) {
    guard !findings.isEmpty else {
      html += "<p class=\"empty\">\(text.noFindings)</p>\n"
      return
    }
    // Compact markup: a folder of a thousand forms has some ten thousand findings. The severity is the item's
    // class (e/w/i/h), the rule's code links to its explanation (the script opens it under the finding), the
    // quoted cell is a <q> with the problem in <mark>.
    html += "<ol class=\"findings\">\n"
    for finding in findings {
      let diagnostic = finding.diagnostic
      html += "<li class=\(HTMLReport.severityClass(diagnostic.severity))><b>\(text.severityOne(diagnostic.severity))</b> "
      html += "<a href=#\(diagnostic.code)>\(diagnostic.code) \(HTML.escape(diagnostic.name))</a> \(HTML.escape(diagnostic.message.text(language)))"
      if let place = finding.place {
        html += " <i class=o>\(HTML.escape(place.describe(chinese: language == .zh)))</i>"
      } else {
        html += " <i>\(finding.line):\(finding.column)</i>"
      }
      if let quote = finding.quote {
        html += "<q>\(HTML.escape(quote.before))<mark>\(quote.marked.isEmpty ? "⁁" : HTML.escape(quote.marked))</mark>\(HTML.escape(quote.after))</q>"
      }
      html += "</li>\n"
    }
    html += "</ol>\n"
  }

  /// The one-letter class of a finding's severity.
  static func severityClass(_ severity: Severity) -> String { String(severity.rawValue.prefix(1)) }

  private func rules(into html: inout String) {
    html += "<section id=\"rules\" data-why=\"\(text.why)\"><h2>\(text.rulesSection)</h2><dl>\n"
    for rule in model.rulesFound {
      html += "<dt id=\"\(rule.code)\">\(rule.code) \(HTML.escape(rule.name)) · \(HTML.escape(rule.summary.text(language)))</dt>"
      html += "<dd>\(HTML.escape(rule.rationale.text(language)))</dd>\n"
    }
    html += "</dl></section>\n"
  }
}
