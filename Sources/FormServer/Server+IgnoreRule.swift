import FormLint
import FormSyntax
import Foundation
import LSP

extension Server {
  /// A workspace edit adding `{"path": file, "form": annex, "rules": [code]}` to `ignores` of the `.jixiao.json`
  /// that governs the document, or creating one at the workspace folder's root (next to the document outside any
  /// folder). The path is the document's, relative to that file's folder: the rule stays on in the same annex
  /// of every other file.
  func ignoreEdit(_ document: Document, code: String, annex: String) throws -> JSONValue {
    guard let documentPath = document.path else { throw ResponseError.requestFailed("The document is not a file") }
    let existing = configurations.configurationFilePath(forDocument: documentPath)
    let folder = configurations.workspaceFolder(containing: documentPath) ?? (documentPath as NSString).deletingLastPathComponent
    let path = existing ?? (folder as NSString).appendingPathComponent(ConfigurationFile.fileName)
    let uri = Session.uri(ofPath: path)
    var root: [String: Any] = [:]
    var oldBytes: [UInt8] = []
    if existing != nil, let data = FileManager.default.contents(atPath: path) {
      oldBytes = [UInt8](data)
      guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw ResponseError.requestFailed("\(path) is not a JSON object; fix it before adding ignores")
      }
      root = object
    }
    let scope = Server.relativePath(of: documentPath, from: (path as NSString).deletingLastPathComponent)
    root["ignores"] = Server.addingIgnore(to: root["ignores"] as? [[String: Any]] ?? [], code: code, annex: annex, path: scope)
    let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let newText = String(decoding: try JSONSerialization.data(withJSONObject: root, options: options), as: UTF8.self) + "\n"
    let end = LineIndex(oldBytes).position(of: oldBytes.count, in: session.unit)
    let range = LSPRange(start: Position(line: 0, character: 0), end: Position(line: end.line, character: end.column))
    let textEdit = try JSONValue(encoding: LSPTextEdit(range: range, newText: newText))
    if existing == nil && session.supportsCreateFile {
      return [
        "documentChanges": [
          ["kind": "create", "uri": .string(uri), "options": ["ignoreIfExists": true]],
          ["textDocument": ["uri": .string(uri), "version": .null], "edits": [textEdit]],
        ]
      ]
    }
    // Without resource operations most clients still create the file from a plain edit of a new URI.
    return ["changes": [uri: [textEdit]]]
  }

  /// `ignores` with `code` added to the entry for this file's form, or a new entry.
  static func addingIgnore(to ignores: [[String: Any]], code: String, annex: String, path: String) -> [[String: Any]] {
    var ignores = ignores
    if let index = ignores.firstIndex(where: { $0["form"] as? String == annex && $0["path"] as? String == path }) {
      var rules = ignores[index]["rules"] as? [String] ?? []
      if !rules.contains(code) { rules.append(code) }
      ignores[index]["rules"] = rules
    } else {
      ignores.append(["path": path, "form": annex, "rules": [code]])
    }
    return ignores
  }

  /// `path` relative to `folder` (both absolute), as `ignores.path` matches it; `path` itself when it is not below.
  static func relativePath(of path: String, from folder: String) -> String {
    let base = (folder as NSString).standardizingPath
    let file = (path as NSString).standardizingPath
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
  }
}
