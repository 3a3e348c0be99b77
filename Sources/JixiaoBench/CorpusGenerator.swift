import FormSyntax
import Foundation

/// A small deterministic random source (xorshift64*), so every corpus and every edit sequence replays from its seed.
struct BenchRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed == 0 ? 0x2545_F491_4F6C_DD1D : seed }

  mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 0x2545_F491_4F6C_DD1D
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }
}

/// Generates notation text of a given size from the seed's five forms, working on bytes so that 100 MB takes
/// about a second.
///
/// Every form gets a running annex number (5-1, 5-2 …) and a unique project name numbered like it, a year, a county
/// and a department, digit runs replaced at random by
/// other numbers of the same length (so budgets and cost rows disagree now and then), and, for `errorRate` of
/// the forms, one of the mistakes the linter looks for.
struct CorpusGenerator {
  /// The seed's forms, each as its lines without line breaks.
  private let templates: [[[UInt8]]]
  private var random: BenchRandom
  private var annexNumber = 0
  var errorRate = 0.2

  private static let counties = ["临武县", "桂阳县", "宜章县", "永兴县", "嘉禾县", "汝城县", "桂东县", "安仁县", "资兴市", "北湖区", "苏仙区"]
    .map { Array($0.utf8) }
  private static let departments = ["司法局", "教育局", "民政局", "林业局", "水利局", "交通运输局", "自然资源局", "市场监督管理局"]
    .map { Array($0.utf8) }
  private static let seedCounty = Array("临武县".utf8)
  private static let seedDepartment = Array("司法局".utf8)
  private static let annexWord = Array("附件".utf8)
  private static let projectLabel = Array("\t项目支出名称".utf8)
  private static let enumerationMark = Array("、".utf8)

  /// A generator over the forms of `seedBytes` (the seed corpus).
  init(seedBytes: [UInt8], seed: UInt64) {
    let tree = SyntaxTree(parsing: seedBytes)
    templates = tree.nodes.filter(\.isForm).map { node in
      node.lines.map { Array(node.bytes[$0.start..<$0.contentEnd]) }
    }
    precondition(!templates.isEmpty, "the seed file holds no form")
    random = BenchRandom(seed: seed)
  }

  /// Whole forms until the text holds at least `byteCount` bytes.
  mutating func generate(byteCount: Int) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(byteCount + 16_384)
    while output.count < byteCount { appendForm(to: &output) }
    return output
  }

  private mutating func appendForm(to output: inout [UInt8]) {
    annexNumber += 1
    let template = templates[random.below(templates.count)]
    let year = 2016 + random.below(12)
    let county = Self.counties[random.below(Self.counties.count)]
    let department = Self.departments[random.below(Self.departments.count)]
    var lines: [[UInt8]] = []
    lines.reserveCapacity(template.count + 2)
    var previous: [UInt8] = []
    for line in template {
      defer { previous = line }
      if line.starts(with: Self.annexWord) {
        // A county filing numbers its annexes in sequence, one per project (JX601 checks it).
        lines.append(Array("附件5-\(annexNumber)".utf8))
      } else if previous.elementsEqual(Self.projectLabel), let mark = line.firstIndex(of: Self.enumerationMark[0]),
        line[mark...].starts(with: Self.enumerationMark)
      {
        // Project names are unique in a real filing and numbered like their annex (JX601, JX602).
        let rest = rewrite(Array(line[(mark + Self.enumerationMark.count)...]), year: year, county: county, department: department)
        lines.append(Array("\t\(annexNumber)、".utf8) + rest + Array("（第\(annexNumber)批）".utf8))
      } else {
        lines.append(rewrite(line, year: year, county: county, department: department))
      }
    }
    if random.chance(errorRate) { injectMistake(into: &lines, year: year) }
    for line in lines {
      output.append(contentsOf: line)
      output.append(0x0A)
    }
  }

  /// Copies `line` with the seed's county, department and years replaced and other numbers varied.
  private mutating func rewrite(_ line: [UInt8], year: Int, county: [UInt8], department: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(line.count + 8)
    var index = 0
    while index < line.count {
      let byte = line[index]
      if byte >= 0x30 && byte <= 0x39 {
        var end = index
        while end < line.count && line[end] >= 0x30 && line[end] <= 0x39 { end += 1 }
        let run = line[index..<end]
        if run.elementsEqual("2021".utf8) {
          result.append(contentsOf: String(year).utf8)
        } else if run.elementsEqual("2020".utf8) {
          result.append(contentsOf: String(year - 1).utf8)
        } else if random.chance(0.5) {
          for position in 0..<run.count {
            let low = position == 0 && run.count > 1 ? 1 : 0
            result.append(UInt8(0x30 + low + random.below(10 - low)))
          }
        } else {
          result.append(contentsOf: run)
        }
        index = end
      } else if byte == Self.seedCounty[0] && line[index...].starts(with: Self.seedCounty) {
        result.append(contentsOf: county)
        index += Self.seedCounty.count
      } else if byte == Self.seedDepartment[0] && line[index...].starts(with: Self.seedDepartment) {
        result.append(contentsOf: department)
        index += Self.seedDepartment.count
      } else {
        result.append(byte)
        index += 1
      }
    }
    return result
  }

  /// One mistake of the kinds filers make: Word leftovers, lost TABs, stray years, values without units.
  private mutating func injectMistake(into lines: inout [[UInt8]], year: Int) {
    let cellLines = lines.indices.filter { lines[$0].count > 1 && lines[$0][0] == 0x09 }
    guard !cellLines.isEmpty else { return }
    let target = cellLines[random.below(cellLines.count)]
    switch random.below(7) {
    case 0: lines[target].append(contentsOf: "\u{3000}".utf8)
    case 1: lines.insert(Array("\t（分级填报）".utf8), at: target + 1)
    case 2: lines[target].append(contentsOf: "（\(year - 1)年）".utf8)
    case 3: lines[target].removeFirst()
    case 4: lines.insert([], at: target + 1)
    case 5:
      // A percent value above 100.
      if let percent = cellLines.first(where: { lines[$0].last == UInt8(ascii: "%") }) {
        lines[percent] = Array("\t\(101 + random.below(400))%".utf8)
      }
    default:
      // A value that lost its unit.
      if let percent = cellLines.first(where: { lines[$0].last == UInt8(ascii: "%") }) {
        lines[percent].removeLast()
      }
    }
  }
}

extension CorpusGenerator {
  /// The seed file: `$JIXIAO_SEED_FILE`, else `Examples/linwu-sifaju-2021.txt` of the repository this source
  /// file belongs to, else of the current directory.
  static func seedFileBytes() throws -> (path: String, bytes: [UInt8]) {
    var candidates: [String] = []
    if let explicit = ProcessInfo.processInfo.environment["JIXIAO_SEED_FILE"] { candidates.append(explicit) }
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      candidates.append(folder.appendingPathComponent("Examples/linwu-sifaju-2021.txt").path)
      folder.deleteLastPathComponent()
    }
    candidates.append(FileManager.default.currentDirectoryPath + "/Examples/linwu-sifaju-2021.txt")
    for path in candidates {
      if let data = FileManager.default.contents(atPath: path) { return (path, [UInt8](data)) }
    }
    throw BenchError("seed file not found (tried \(candidates.joined(separator: ", "))); set JIXIAO_SEED_FILE")
  }
}

/// A failure the command line reports and exits 2 on.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
