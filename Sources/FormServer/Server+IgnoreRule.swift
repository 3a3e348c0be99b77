import FormLint
import FormSyntax
import Foundation
import LSP

extension Server {
  /// A workspace edit adding `{"form": annex, "rules": [code]}` to `ignores` of the `.jixiao.json` that governs the
  /// document, or creating one at the workspace folder's root (next to the document outside any folder).
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
    root["ignores"] = Server.addingIgnore(to: root["ignores"] as? [[String: Any]] ?? [], code: code, annex: annex)
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

  /// `ignores` with `code` added to the entry for the form (one without a path), or a new entry.
  static func addingIgnore(to ignores: [[String: Any]], code: String, annex: String) -> [[String: Any]] {
    var ignores = ignores
    if let index = ignores.firstIndex(where: { $0["form"] as? String == annex && $0["path"] == nil }) {
      var rules = ignores[index]["rules"] as? [String] ?? []
      if !rules.contains(code) { rules.append(code) }
      ignores[index]["rules"] = rules
    } else {
      ignores.append(["form": annex, "rules": [code]])
    }
    return ignores
  }
}
