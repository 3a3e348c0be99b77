import FormLint
import Foundation

/// Finds the configuration for each checked file: `--config FILE`, else the nearest `.jixiao.json` walking up
/// from the file's folder (like ruff), else the defaults; command-line options override either.
///
/// Safe to call from several threads (the checking engine's workers): the caches are behind a lock.
final class ConfigurationResolver: @unchecked Sendable {
  private let lock = NSRecursiveLock()
  private let explicitPath: String?
  private let overrides: CommandLineOverrides
  private let console: Console
  private var loaded: [String: ConfigurationFile] = [:]
  private var searched: [String: String?] = [:]

  init(explicitPath: String?, overrides: CommandLineOverrides, console: Console) throws {
    self.explicitPath = explicitPath
    self.overrides = overrides
    self.console = console
    if let explicitPath { _ = try load(explicitPath) }
  }

  /// The configuration for a file (a path relative to the current folder, or `-`).
  func configuration(for path: String) throws -> LintConfiguration {
    var configuration = LintConfiguration()
    if let file = try configurationFile(for: path) {
      configuration = file.configuration(forPath: path)
    }
    overrides.apply(to: &configuration)
    return configuration
  }

  /// The file-size limit of a file's configuration (`maxFileSize`), if one sets it.
  func maximumFileSize(for path: String) throws -> Int? {
    try configurationFile(for: path)?.maximumFileSize
  }

  /// The message language for a file's configuration, if one sets it.
  func language(for path: String?) -> Language? {
    guard let path, let file = try? configurationFile(for: path) else { return nil }
    return file.language
  }

  /// What a search of `folder` skips: its configuration's `exclude` (which includes the defaults), or the defaults.
  func exclude(forFolder folder: String) -> [String] {
    if let explicitPath { return (try? load(explicitPath))?.exclude ?? FormFiles.defaultExclude }
    guard let found = FormFiles.nearestConfiguration(from: (absolute(folder) as NSString).standardizingPath, cache: &searched),
      let file = try? load(found)
    else { return FormFiles.defaultExclude }
    return file.exclude
  }

  private func configurationFile(for path: String) throws -> ConfigurationFile? {
    lock.lock()
    defer { lock.unlock() }
    if let explicitPath { return try load(explicitPath) }
    let start = path == "-" ? FileManager.default.currentDirectoryPath : (absolute(path) as NSString).deletingLastPathComponent
    guard let found = FormFiles.nearestConfiguration(from: start, cache: &searched) else { return nil }
    return try load(found)
  }

  private func load(_ path: String) throws -> ConfigurationFile {
    if let file = loaded[path] { return file }
    let file = try ConfigurationFile.load(path: path, warn: {
      let language = self.overrides.language ?? .zh
      self.console.error(CLIMessages.warning($0.text(language), language))
    })
    loaded[path] = file
    return file
  }

  private func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
  }
}
