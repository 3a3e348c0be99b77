import FormTestSupport
import Testing

@testable import FormModel

/// `TemplateCatalog.detect` counts a form's keys by position and searches its title's bytes: it picks what the
/// `String` reading it replaces picked (kept here as the reference).
@Suite struct TemplateDetectionTests {
  static func referenceDetect(labels: [String], title: String?) -> TemplateID {
    let keys = Set(labels.map { TemplateCatalog.normalizedLabel($0).label }.filter { !$0.isEmpty })
    let squeezedTitle = title.map { Array(TextClean.squeezed($0).replacingFullWidthParentheses().utf8) } ?? []
    var scores = [Int](repeating: 0, count: TemplateCatalog.all.count)
    for key in keys {
      for clue in TemplateCatalog.detectionClues.keys[key] ?? [] { scores[clue.family] += clue.count }
    }
    var best = TemplateCatalog.all[0]
    var bestScore = (-1, 0)
    for (family, template) in TemplateCatalog.all.enumerated() {
      let score = scores[family]
        + 3 * TemplateCatalog.detectionClues.titleWords[family].filter { TextClean.firstIndex(of: $0, in: squeezedTitle) != nil }.count
      let candidate = (score, -TemplateCatalog.requiredFieldCounts[family])
      if candidate > bestScore {
        best = template
        bestScore = candidate
      }
    }
    return best.id
  }

  /// Every family's labels and markers, spelled as written and with the marks `normalizedLabel` removes.
  static let labels: [String] = {
    let written = TemplateCatalog.all.flatMap { template in template.fields.flatMap(\.labels) + template.markers + template.blockLabels }
    return Array(Set(written)).sorted() + written.prefix(40).flatMap { ["★\($0)", "其中：\($0)", " \($0)（万元）", "\($0)：", "\($0)及代码"] }
      + ["", " ", "示例项目", "854", "（绩效目标）"]
  }()

  static let titles: [String?] = [nil, "", "2021年项目支出绩效目标表"] + TemplateCatalog.all.flatMap { template in
    template.titleWords.flatMap { [$0, "2021年\($0)", "（\($0)）", " \($0) (2022)"] }
  }

  @Test func eachFamilyIsDetectedFromItsOwnLabelsAsBefore() {
    for template in TemplateCatalog.all {
      let labels = template.fields.compactMap(\.labels.first) + template.markers
      let title = template.titleWords.first
      #expect(TemplateCatalog.detect(labels: labels, title: title).id == Self.referenceDetect(labels: labels, title: title))
    }
  }

  @Test func randomFormsPickWhatTheStringReadingPicked() {
    var generator = SeededGenerator(seed: 0xDE7EC7)
    for _ in 0..<1500 {
      let count = Int(generator.next() % 12)
      let labels = (0..<count).map { _ in Self.labels[Int(generator.next() % UInt64(Self.labels.count))] }
      let title = Self.titles[Int(generator.next() % UInt64(Self.titles.count))]
      #expect(TemplateCatalog.detect(labels: labels, title: title).id == Self.referenceDetect(labels: labels, title: title),
        "\(labels) \(title ?? "nil")")
    }
  }

  @Test func asciiParenthesesAreTheStringReplacement() {
    for text in ["", "（", "）", "(（a）)", "年度（2021）目标", "\u{FF08}\u{0301}", "ＡＢ（）"] {
      #expect(TemplateCatalog.asciiParentheses(Array(text.utf8)) == Array(text.replacingFullWidthParentheses().utf8))
    }
  }

  /// `computeRole` skips the dictionary for a key longer than every known one whose scalars stand alone: sound only
  /// while every known key stands alone (so is NFC and equals a `String` only of its own bytes).
  @Test func knownLabelKeysStandAlone() {
    #expect(TemplateCatalog.roles.keys.allSatisfy(TextClean.scalarsStandAlone))
    #expect(TemplateCatalog.longestRoleKey == TemplateCatalog.roles.keys.map(\.utf8.count).max())
    let long = String(repeating: "示例", count: TemplateCatalog.longestRoleKey)
    #expect(TemplateCatalog.role(ofLabel: long) == nil)
    #expect(TemplateCatalog.role(ofLabel: "其中：" + long) == .field(.fundingPart))
    for key in TemplateCatalog.roles.keys { #expect(TemplateCatalog.role(ofLabel: key) == TemplateCatalog.roles[key]) }
  }
}
