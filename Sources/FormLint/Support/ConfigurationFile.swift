import FormSyntax
import FormModel
import Foundation

/// A `.jixiao.json` file, parsed and validated.
///
/// Keys: `profile`, `template` (a family of `TemplateCatalog`, instead of detecting it per form), `year`, `unit`, `language`, `rules` (code → severity or "off"), `select`, `ignore`,
/// `ignores` (per-path and per-form: `{"path": "2021/*.txt", "form": "5-3", "rules": ["JX204"]}`),
/// `thresholds` (`satisfactionFloor`, which turns JX208 on), `maxFileSize`, `exclude` (folders and files that folder
/// searches skip, in addition to `FormFiles.defaultExclude`).
public struct ConfigurationFile: Sendable {
  /// The file name searched for.
  public static let fileName = ".jixiao.json"

  /// Where it was read from.
  public let path: String
  /// The folder relative paths in `ignores` are matched from.
  public let folder: String
  /// The configuration before per-path ignores.
  public let base: LintConfiguration
  /// The language set, if any.
  public let language: Language?
  /// Largest file checked, in bytes.
  public let maximumFileSize: Int?
  /// What folder searches skip: `FormFiles.defaultExclude` and the file's `exclude` patterns.
  public var exclude: [String] = FormFiles.defaultExclude
  /// Per-path (and per-form) ignores.
  public let ignores: [(path: String?, form: String?, rules: Set<String>)]

  /// Parses a configuration file. Unknown keys are reported through `warn`; errors throw with the file,
  /// line and key named.
  public static func load(path: String, warn: (LocalizedText) -> Void) throws -> ConfigurationFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigurationError(path: path, line: nil, key: nil, message: LocalizedText(zh: "无法读取该文件", en: "cannot read the file"))
    }
    return try parse(data: [UInt8](data), path: path, warn: warn)
  }

  /// Parses configuration text.
  public static func parse(data: [UInt8], path: String, warn: (LocalizedText) -> Void) throws -> ConfigurationFile {
    try withoutActuallyEscaping(warn) { warn in try parseObject(data: data, path: path, warn: warn) }
  }

  private static func parseObject(data: [UInt8], path: String, warn: @escaping (LocalizedText) -> Void) throws -> ConfigurationFile {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(data), options: [])
    } catch {
      let offset = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "syntax error"
      throw ConfigurationError(
        path: path, line: offset.map { line(ofOffset: $0, in: data) }, key: nil,
        message: LocalizedText(zh: "不是有效的 JSON（\(detail)）", en: "not valid JSON (\(detail))"))
    }
    guard let root = object as? [String: Any] else {
      throw ConfigurationError(path: path, line: 1, key: nil, message: LocalizedText(zh: "最外层必须是一个 JSON 对象", en: "the top level must be a JSON object"))
    }
    var reader = ConfigurationReader(path: path, data: data, warn: warn)
    return try reader.read(root)
  }

  /// The configuration for a checked file (path as given on the command line).
  public func configuration(forPath filePath: String) -> LintConfiguration {
    var configuration = base
    let relative = ConfigurationFile.relativePath(filePath, to: folder)
    for ignore in ignores where ignore.path.map({ Glob.matches($0, relative) || Glob.matches($0, filePath) }) ?? true {
      let key = ignore.form ?? "*"
      configuration.formIgnores[key, default: []].formUnion(ignore.rules)
    }
    return configuration
  }

  static func relativePath(_ path: String, to folder: String) -> String {
    let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    let standardized = (absolute as NSString).standardizingPath
    let base = (folder as NSString).standardizingPath
    if standardized.hasPrefix(base + "/") { return String(standardized.dropFirst(base.count + 1)) }
    return path
  }

  static func line(ofOffset offset: Int, in data: [UInt8]) -> Int {
    1 + data.prefix(min(offset, data.count)).filter { $0 == 0x0A }.count
  }
}

/// A configuration file error: which file, line and key, and what is wrong.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
  /// The file.
  public let path: String
  /// 1-based line, when known.
  public let line: Int?
  /// The key at fault, when known.
  public let key: String?
  /// What is wrong, in both languages.
  public let message: LocalizedText

  /// `path:line: key "k": what is wrong`, in `language` (the key's name and JSON's own parser message stay as they are).
  public func text(_ language: Language) -> String {
    var text = path
    if let line { text += ":\(line)" }
    text += LocalizedText(zh: "：", en: ": ").text(language)
    if let key { text += LocalizedText(zh: "键 \"\(key)\"：", en: "key \"\(key)\": ").text(language) }
    return text + message.text(language)
  }

  public var description: String { text(.en) }
}

/// Reads the keys of a parsed configuration object.
private struct ConfigurationReader {
  let path: String
  let data: [UInt8]
  let warn: (LocalizedText) -> Void

  static let knownKeys: Set<String> = [
    "$schema", "profile", "template", "year", "unit", "language", "rules", "select", "ignore", "ignores", "thresholds", "maxFileSize",
    "exclude", "layout",
  ]

  /// Line of the first occurrence of `"key"` in the file, to point at it.
  func line(of key: String) -> Int? {
    let needle = Array("\"\(key)\"".utf8)
    guard needle.count <= data.count else { return nil }
    for start in 0...(data.count - needle.count) where data[start..<(start + needle.count)].elementsEqual(needle) {
      return ConfigurationFile.line(ofOffset: start, in: data)
    }
    return nil
  }

  func error(_ key: String, _ message: LocalizedText) -> ConfigurationError {
    ConfigurationError(path: path, line: line(of: key.split(separator: ".").last.map(String.init) ?? key), key: key, message: message)
  }

  mutating func read(_ root: [String: Any]) throws -> ConfigurationFile {
    for key in root.keys.sorted() where !ConfigurationReader.knownKeys.contains(key) {
      let place = path + (line(of: key).map { ":\($0)" } ?? "")
      warn(LocalizedText(zh: "\(place)：未知的键 \"\(key)\"，已忽略", en: "\(place): unknown key \"\(key)\" ignored"))
    }
    var configuration = LintConfiguration()
    if let value = root["profile"] {
      guard let name = value as? String, let profile = ProfileID(rawValue: name) else {
        throw error("profile", LocalizedText(zh: "应为以下之一：\(ProfileID.allCases.map(\.rawValue).joined(separator: "、"))", en: "must be one of \(ProfileID.allCases.map(\.rawValue).joined(separator: ", "))"))
      }
      configuration.model.profile = profile
    }
    if let value = root["template"] {
      guard let name = value as? String, let template = TemplateID(rawValue: name) else {
        throw error("template", LocalizedText(
            zh: "应为以下之一：\(TemplateID.allCases.map(\.rawValue).joined(separator: "、"))（见 `jixiao templates`）",
            en: "must be one of \(TemplateID.allCases.map(\.rawValue).joined(separator: ", ")) (see `jixiao templates`)"))
      }
      configuration.model.template = template
    }
    if let value = root["layout"] {
      guard let name = value as? String, name == "auto" || Layout(rawValue: name) != nil else {
        throw error("layout", LocalizedText(
            zh: "应为以下之一：auto、\(Layout.allCases.map(\.rawValue).joined(separator: "、"))",
            en: "must be one of auto, \(Layout.allCases.map(\.rawValue).joined(separator: ", "))"))
      }
      configuration.layout = Layout(rawValue: name)
    }
    if let value = root["year"] {
      guard let year = value as? Int, !(value is Bool), (1900...2100).contains(year) else {
        throw error("year", LocalizedText(zh: "应为年份，如 2021", en: "must be a year such as 2021"))
      }
      configuration.model.year = year
    }
    if let value = root["unit"] {
      guard let name = value as? String, let unit = TableUnit(rawValue: name) else { throw error("unit", LocalizedText(zh: "应为 \"万元\" 或 \"元\"", en: "must be \"万元\" or \"元\"")) }
      configuration.model.unit = unit
    }
    var language: Language?
    if let value = root["language"] {
      guard let name = value as? String, let parsed = Language(rawValue: name) else { throw error("language", LocalizedText(zh: "应为 \"zh\" 或 \"en\"", en: "must be \"zh\" or \"en\"")) }
      language = parsed
      configuration.language = parsed
    }
    if let value = root["rules"] {
      guard let rules = value as? [String: Any] else { throw error("rules", LocalizedText(zh: "应为对象：规则代码 → 级别或 \"off\"", en: "must be an object of rule code → severity or \"off\"")) }
      for (code, setting) in rules.sorted(by: { $0.key < $1.key }) {
        guard let rule = RuleRegistry.rule(named: code) else { throw error("rules.\(code)", LocalizedText(zh: "没有这个代码或名称的规则", en: "no rule has this code or name")) }
        guard let text = setting as? String else { throw error("rules.\(code)", LocalizedText(zh: "应为级别或 \"off\"", en: "must be a severity or \"off\"")) }
        if text == "off" {
          configuration.severities[rule.description.code] = .some(nil)
        } else if let severity = Severity(rawValue: text) {
          configuration.severities[rule.description.code] = severity
        } else {
          throw error("rules.\(code)", LocalizedText(zh: "应为 error、warning、information、hint 或 off", en: "must be error, warning, information, hint or off"))
        }
      }
    }
    configuration.select = try codes(root["select"], key: "select")
    configuration.ignore = try codes(root["ignore"], key: "ignore")
    var ignores: [(path: String?, form: String?, rules: Set<String>)] = []
    if let value = root["ignores"] {
      guard let entries = value as? [[String: Any]] else { throw error("ignores", LocalizedText(zh: "应为对象数组", en: "must be an array of objects")) }
      for entry in entries {
        let path = entry["path"] as? String
        let form = entry["form"] as? String
        if entry["path"] != nil && path == nil { throw error("ignores.path", LocalizedText(zh: "应为字符串（通配模式）", en: "must be a string (a glob)")) }
        if entry["form"] != nil && form == nil { throw error("ignores.form", LocalizedText(zh: "应为字符串（附件编号，如 5-3）", en: "must be a string (an annex number such as 5-3)")) }
        let rules = try codes(entry["rules"], key: "ignores.rules")
        guard !rules.isEmpty else { throw error("ignores.rules", LocalizedText(zh: "至少要列出一个规则代码", en: "must list at least one rule code")) }
        let resolved = rules.compactMap { RuleRegistry.rule(named: $0)?.description.code }
        ignores.append((path, form, Set(resolved)))
      }
    }
    if let value = root["thresholds"] {
      guard let thresholds = value as? [String: Any] else { throw error("thresholds", LocalizedText(zh: "应为对象", en: "must be an object")) }
      for (key, setting) in thresholds {
        switch key {
        case "satisfactionFloor":
          guard let number = setting as? Double, !(setting is Bool), (0...100).contains(number) else {
            throw error("thresholds.satisfactionFloor", LocalizedText(zh: "应为 0 到 100 之间的百分数", en: "must be a percentage between 0 and 100"))
          }
          configuration.settings.satisfactionFloor = number
          // Setting the floor turns JX208 on, unless `rules` says otherwise.
          if configuration.severities.index(forKey: SatisfactionBelowFloorRule.description.code) == nil {
            configuration.severities[SatisfactionBelowFloorRule.description.code] = .some(SatisfactionBelowFloorRule.description.severity)
          }
        case "boilerplateRepeat":
          // Documented once, read by no rule: an error rather than a setting that silently does nothing.
          throw error("thresholds.boilerplateRepeat", LocalizedText(zh: "没有规则使用这个阈值，请删除", en: "no rule reads this threshold; remove it"))
        default:
          let place = path + (line(of: key).map { ":\($0)" } ?? "")
          warn(LocalizedText(zh: "\(place)：未知的键 \"thresholds.\(key)\"，已忽略", en: "\(place): unknown key \"thresholds.\(key)\" ignored"))
        }
      }
    }
    var maximumFileSize: Int?
    if let value = root["maxFileSize"] {
      guard let size = value as? Int, !(value is Bool), size > 0 else { throw error("maxFileSize", LocalizedText(zh: "应为正整数（字节数）", en: "must be a positive number of bytes")) }
      maximumFileSize = size
    }
    var exclude = FormFiles.defaultExclude
    if let value = root["exclude"] {
      guard let patterns = value as? [String], !patterns.contains(where: \.isEmpty) else {
        throw error("exclude", LocalizedText(zh: "应为文件夹名或通配模式的数组，如 [\"__Snapshots__\", \"drafts/**\"]", en: "must be an array of folder names or globs, such as [\"__Snapshots__\", \"drafts/**\"]"))
      }
      exclude += patterns
    }
    let folder = ((path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path))
      as NSString).deletingLastPathComponent
    var file = ConfigurationFile(
      path: path, folder: folder, base: configuration, language: language, maximumFileSize: maximumFileSize, ignores: ignores)
    file.exclude = exclude
    return file
  }

  func codes(_ value: Any?, key: String) throws -> [String] {
    guard let value else { return [] }
    guard let list = value as? [String] else { throw error(key, LocalizedText(zh: "应为规则代码数组", en: "must be an array of rule codes")) }
    for code in list where code != "ALL" && !RuleRegistry.all.contains(where: {
      $0.description.code.hasPrefix(code.uppercased()) || $0.description.name == code
    }) {
      throw error(key, LocalizedText(zh: "没有规则匹配 \"\(code)\"", en: "no rule matches \"\(code)\""))
    }
    return list
  }
}

/// Shell-style globs for `ignores.path`: `*` within a path segment, `**` across segments, `?` one character.
///
/// Matched by simulating the pattern as a set of positions advanced over the path once (Thompson's construction):
/// O(pattern × path) time and O(pattern) space whatever the pattern, where trying each way a star could match
/// took exponential time (`**a` ten times then `**b`, against 40 characters, ran for 49 s).
public enum Glob {
  /// Whether `path` matches `pattern`.
  public static func matches(_ pattern: String, _ path: String) -> Bool {
    let pattern = Array(pattern.unicodeScalars)
    var current = closure(of: [0], in: pattern)
    for scalar in path.unicodeScalars {
      var next = Set<Int>()
      for position in current where position < pattern.count {
        switch pattern[position] {
        case "*":
          let doubleStar = position + 1 < pattern.count && pattern[position + 1] == "*"
          // A star consumes the character and stays; a single one never consumes a separator.
          if doubleStar || scalar != "/" { next.insert(position) }
        case "?":
          if scalar != "/" { next.insert(position + 1) }
        case let literal:
          if literal == scalar { next.insert(position + 1) }
        }
      }
      guard !next.isEmpty else { return false }
      current = closure(of: next, in: pattern)
    }
    return current.contains(pattern.count)
  }

  /// The positions reachable without consuming a character: past a star (it may match nothing); `**/` may
  /// also match nothing, slash included. A `**` is kept at its first star, the second being part of it.
  private static func closure(of positions: Set<Int>, in pattern: [Unicode.Scalar]) -> Set<Int> {
    var result = positions
    var work = Array(positions)
    while let position = work.popLast() {
      guard position < pattern.count, pattern[position] == "*" else { continue }
      let doubleStar = position + 1 < pattern.count && pattern[position + 1] == "*"
      let next = doubleStar ? (position + 2 < pattern.count && pattern[position + 2] == "/" ? position + 3 : position + 2) : position + 1
      if result.insert(next).inserted { work.append(next) }
    }
    return result
  }
}
