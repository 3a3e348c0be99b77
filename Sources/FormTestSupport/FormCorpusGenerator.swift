import FormSyntax

/// Generates notation text of any size from the seed's five forms, deterministically from a seed.
///
/// Each generated form is one of the seed forms with a running annex number, another year, other counties and
/// departments, other numbers, and now and then an error a linter should find (a stray year, a trailing U+3000,
/// a missing or untabbed cell line, a leftover `（分级填报）`, an extra blank line inside a row).
/// For benchmarks and large randomized tests; the text is valid UTF-8 with LF line ends.
public struct FormCorpusGenerator: Sendable {
  /// The seed forms, each ending with its line break.
  public let templates: [String]
  /// How often (0…1) a generated form receives one error.
  public var errorRate: Double
  private var random: SeededGenerator
  private var annexNumber = 0

  /// A generator over the seed corpus.
  public init(seed: UInt64, errorRate: Double = 0.15) {
    self.init(seed: seed, templates: Self.seedForms(), errorRate: errorRate)
  }

  /// A generator over other templates (each a whole form ending with a line break).
  public init(seed: UInt64, templates: [String], errorRate: Double = 0.15) {
    precondition(!templates.isEmpty, "FormCorpusGenerator needs at least one template")
    self.templates = templates
    self.errorRate = errorRate
    random = SeededGenerator(seed: seed)
  }

  /// The seed corpus split into its form nodes.
  public static func seedForms() -> [String] {
    let tree = SyntaxTree(parsing: Fixtures.seedBytes)
    return tree.nodes.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  /// Whole forms, appended until the text holds at least `byteCount` UTF-8 bytes.
  public mutating func generate(byteCount: Int) -> String {
    var text = ""
    var utf8Count = 0
    while utf8Count < byteCount {
      let form = nextForm()
      utf8Count += form.utf8.count
      text += form
    }
    return text
  }

  /// `generate(byteCount:)` as bytes.
  public mutating func generateBytes(byteCount: Int) -> [UInt8] { Array(generate(byteCount: byteCount).utf8) }

  /// The next form.
  public mutating func nextForm() -> String {
    annexNumber += 1
    let template = templates[Int.random(in: 0..<templates.count, using: &random)]
    let year = Int.random(in: 2019...2026, using: &random)
    let county = Self.counties.randomElement(using: &random)!
    let department = Self.departments.randomElement(using: &random)!
    var lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    lines = lines.map { line in
      if line.hasPrefix("附件") { return "附件5-\(annexNumber)" }
      return varyNumbers(in: line, year: year).replacing("临武县", with: county).replacing("司法局", with: department)
    }
    if Double.random(in: 0..<1, using: &random) < errorRate { insertError(into: &lines, year: year) }
    return lines.joined(separator: "\n") + "\n"
  }

  static let counties = ["临武县", "嘉禾县", "汝城县", "桂东县", "宜章县", "安仁县", "永兴县", "资兴市", "北湖区", "苏仙区"]
  static let departments = ["司法局", "财政局", "教育局", "卫生健康局", "农业农村局", "水利局", "文化旅游广电体育局"]

  /// Replaces the year 2021 by `year` and, at random, other digit runs by numbers of the same length.
  private mutating func varyNumbers(in line: String, year: Int) -> String {
    var result = ""
    var digits = ""
    func flush(_ generator: inout SeededGenerator) {
      guard !digits.isEmpty else { return }
      if digits == "2021" {
        result += String(year)
      } else if Bool.random(using: &generator) {
        result += Self.randomNumber(length: digits.count, using: &generator)
      } else {
        result += digits
      }
      digits = ""
    }
    for character in line {
      if character.isASCII && character.isNumber {
        digits.append(character)
      } else {
        flush(&random)
        result.append(character)
      }
    }
    flush(&random)
    return result
  }

  private static func randomNumber(length: Int, using generator: inout SeededGenerator) -> String {
    var number = String(Int.random(in: (length == 1 ? 0 : 1)...9, using: &generator))
    while number.count < length { number += String(Int.random(in: 0...9, using: &generator)) }
    return number
  }

  private mutating func insertError(into lines: inout [String], year: Int) {
    let cellLines = lines.indices.filter { lines[$0].hasPrefix("\t") && lines[$0].count > 1 }
    guard let target = cellLines.randomElement(using: &random) else { return }
    switch Int.random(in: 0..<6, using: &random) {
    case 0: lines[target] += "\u{3000}"
    case 1: lines.remove(at: target)
    case 2: lines[target].removeFirst()
    case 3: lines.insert("\t（分级填报）", at: target + 1)
    case 4: lines.insert("", at: target + 1)
    default: lines[target] += "（\(year - 1)年）"
    }
  }
}
