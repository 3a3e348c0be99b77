import FormLint
import Foundation
import LSP

/// The configuration of each document: the nearest `.jixiao.json` (searched upward from the document, not above
/// its workspace folder) merged with the editor's settings (`initializationOptions`, `didChangeConfiguration`).
///
/// Editor settings win for single keys (ruff's default, `editorFirst`); `rules` are merged key by key and `ignores`
/// are concatenated, so "ignore this rule for this form" in the file still works under editor settings.
struct ConfigurationStore {
  /// A document's configuration and where it came from.
  struct Resolved {
    /// The configuration for the document.
    var configuration: LintConfiguration
    /// The message language.
    var language: Language
    /// The `.jixiao.json` that applies, if any.
    var filePath: String?
  }

  /// Keys the server reads from editor settings that `.jixiao.json` does not know.
  static let serverOnlyKeys: Set<String> = ["debounce", "docsURL"]

  private(set) var folders: [String] = []
  private var editorSettings: [String: Any] = [:]
  private var fallbackLanguage = Language.zh
  /// Parsed files by the folder they govern, so the upward search and parsing happen once per folder.
  private var filesByFolder: [String: String?] = [:]
  private var parsed: [String: ConfigurationFile?] = [:]
  private var warnings: [String] = []
  /// Modification stamp of each configuration file when it was parsed (nil: it did not exist), to notice edits
  /// made while the editor sends no file events (Neovim 0.7 has no `didChangeWatchedFiles`).
  private var stamps: [String: String?] = [:]

  /// The debounce the editor settings ask for, in milliseconds.
  var debounceMilliseconds: Int? { (editorSettings["debounce"] as? NSNumber)?.intValue }

  /// The address of the rule pages the editor settings name (`docsURL`), for diagnostics' `codeDescription`.
  var documentationURL: String? { (editorSettings["docsURL"] as? String).flatMap { $0.isEmpty ? nil : $0 } }

  /// Starts over with new folders and settings.
  mutating func reset(folders: [String], editorSettings settings: JSONValue?, fallbackLanguage: Language) {
    self.folders = folders
    self.fallbackLanguage = fallbackLanguage
    setEditorSettings(settings)
  }

  /// Replaces the workspace folders (configuration files are searched up to them).
  mutating func setFolders(_ folders: [String]) {
    self.folders = folders
    invalidate()
  }

  /// Replaces the editor settings (a `jixiao` section is unwrapped) and forgets every parsed file.
  mutating func setEditorSettings(_ settings: JSONValue?) {
    var object = settings
    if let section = settings?["jixiao"], section.objectValue != nil { object = section }
    editorSettings = [:]
    if let object, object.objectValue != nil, let data = try? JSONEncoder().encode(object),
      let dictionary = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    {
      editorSettings = dictionary
    }
    invalidate()
  }

  /// Forgets parsed files, so they are read again (after a file event).
  mutating func invalidate() {
    filesByFolder = [:]
    parsed = [:]
    stamps = [:]
  }

  /// Whether a configuration file read so far changed, appeared or disappeared on disk since: one `stat` per
  /// file and per folder searched, so it is cheap enough for every open and save.
  func changedOnDisk() -> Bool {
    if stamps.contains(where: { path, stamp in ConfigurationStore.stamp(of: path) != stamp }) { return true }
    return filesByFolder.contains { folder, found in
      found == nil && FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(ConfigurationFile.fileName))
    }
  }

  static func stamp(of path: String) -> String? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(date)-\((attributes[.size] as? Int) ?? 0)"
  }

  /// Warnings collected while parsing (unknown keys, invalid files), to be logged by the caller.
  mutating func takeWarnings() -> [String] {
    defer { warnings = [] }
    return warnings
  }

  /// The configuration for a document (by file path; nil for documents that are not files).
  mutating func resolve(documentPath: String?) -> Resolved {
    let filePath = documentPath.flatMap { configurationFilePath(forDocument: $0) }
    let key = filePath ?? ""
    let file: ConfigurationFile?
    if let cached = parsed[key] {
      file = cached
    } else {
      file = load(filePath)
      parsed[key] = file
    }
    guard let file else {
      return Resolved(configuration: LintConfiguration(language: fallbackLanguage), language: fallbackLanguage, filePath: filePath)
    }
    var configuration = documentPath.map { file.configuration(forPath: $0) } ?? file.base
    let language = file.language ?? fallbackLanguage
    configuration.language = language
    return Resolved(configuration: configuration, language: language, filePath: filePath)
  }

  /// The `.jixiao.json` nearest to a document, searching up to its workspace folder (or the root outside any).
  mutating func configurationFilePath(forDocument path: String) -> String? {
    let folder = (path as NSString).deletingLastPathComponent
    return search(from: folder, stopAt: workspaceFolder(containing: path))
  }

  /// The workspace folder holding a path, the deepest one when folders nest.
  func workspaceFolder(containing path: String) -> String? {
    folders.filter { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }.max { $0.count < $1.count }
  }

  private mutating func search(from folder: String, stopAt root: String?) -> String? {
    FormFiles.nearestConfiguration(from: folder, stopAt: root, cache: &filesByFolder)
  }

  /// What a search of a workspace folder skips: the `exclude` of its configuration (defaults included).
  mutating func exclude(forFolder folder: String) -> [String] {
    let filePath = search(from: folder, stopAt: workspaceFolder(containing: folder))
    let key = filePath ?? ""
    if parsed[key] == nil { parsed[key] = load(filePath) }
    return (parsed[key] ?? nil)?.exclude ?? FormFiles.defaultExclude
  }

  /// Parses the file merged with the editor settings; on an error, the editor settings alone, then nothing.
  private mutating func load(_ filePath: String?) -> ConfigurationFile? {
    var object: [String: Any] = [:]
    if let filePath { stamps[filePath] = ConfigurationStore.stamp(of: filePath) }
    if let filePath {
      if let data = FileManager.default.contents(atPath: filePath),
        let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      {
        object = root
      } else {
        warnings.append("\(filePath): not a JSON object; ignored")
      }
    }
    let settings = editorSettings.filter { !ConfigurationStore.serverOnlyKeys.contains($0.key) }
    let merged = ConfigurationStore.merge(file: object, editor: settings)
    // Relative globs in `ignores` are matched from the file's folder (or the first workspace folder).
    let path = filePath ?? ((folders.first ?? FileManager.default.currentDirectoryPath) as NSString)
      .appendingPathComponent(ConfigurationFile.fileName)
    if let file = parse(merged, path: path) { return file }
    if filePath != nil, let file = parse(settings, path: path) { return file }
    return nil
  }

  private mutating func parse(_ object: [String: Any], path: String) -> ConfigurationFile? {
    guard !object.isEmpty, let data = try? JSONSerialization.data(withJSONObject: object) else { return nil }
    var collected: [String] = []
    defer { warnings += collected }
    do {
      return try ConfigurationFile.parse(data: [UInt8](data), path: path, warn: { collected.append($0.en) })
    } catch {
      collected.append("Configuration error: \(error)")
      return nil
    }
  }

  /// Editor settings over the file's: single keys replaced, `rules` merged, `ignores` concatenated.
  static func merge(file: [String: Any], editor: [String: Any]) -> [String: Any] {
    var merged = file
    for (key, value) in editor {
      switch key {
      case "rules":
        var rules = merged["rules"] as? [String: Any] ?? [:]
        for (code, setting) in value as? [String: Any] ?? [:] { rules[code] = setting }
        merged["rules"] = rules
      case "ignores":
        merged["ignores"] = (merged["ignores"] as? [Any] ?? []) + (value as? [Any] ?? [])
      default:
        merged[key] = value
      }
    }
    return merged
  }
}
