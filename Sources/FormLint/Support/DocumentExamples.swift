/// Builders of multi-form documents for the document rules' examples.
enum DocumentExamples {
  /// Clean forms one after another, each with its annex line (nil for none), project name and title.
  static func forms(_ forms: [(annex: String?, projectName: String)], title: String = "2021年项目支出绩效目标表") -> String {
    forms.map { form in
      StructureExamples.form(
        annex: form.annex, title: title, header: StructureExamples.header(setting: "项目支出名称", to: form.projectName))
    }.joined()
  }
}
