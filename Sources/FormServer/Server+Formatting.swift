import FormLint
import LSP

extension Server {
  /// The rules whose safe fixes formatting applies: trailing and misplaced whitespace.
  static let formattingCodes: Set<String> = ["JX502", "JX503"]

  /// Whitespace normalisation: the safe JX502/JX503 fixes, and only edits that change nothing but whitespace.
  func formatting(_ params: DocumentFormattingParams) throws -> [LSPTextEdit] {
    let document = try document(params.textDocument.uri)
    return SafeFixes.edits(
      for: document, unit: session.unit, include: { Server.formattingCodes.contains($0.code) },
      keep: SafeFixes.isWhitespaceOnly)
  }
}
