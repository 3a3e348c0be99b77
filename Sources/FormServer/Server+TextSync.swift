import FormLint
import FormSyntax
import LSP

extension Server {
  func didOpen(_ params: DidOpenTextDocumentParams) {
    let item = params.textDocument
    // A configuration file is opened so that its saves reach the server (clients send didSave only for
    // documents they manage); it is no form and gets no diagnostics.
    if Server.isConfigurationFile(item.uri) { return }
    if configurations.changedOnDisk() { reloadConfiguration() }
    // `languageId` is ignored on purpose: some clients send an empty one.
    let resolved = configurations.resolve(documentPath: Session.path(of: item.uri))
    logConfigurationWarnings()
    documents[item.uri] = Document(
      uri: item.uri, version: item.version, text: item.text, resolved: resolved, revision: nextRevision())
    diagnosticsChanged(item.uri)
  }

  func didChange(_ params: DidChangeTextDocumentParams) {
    if Server.isConfigurationFile(params.textDocument.uri) { return }
    guard let document = documents[params.textDocument.uri] else {
      log(.warning, "didChange for a document that is not open: \(params.textDocument.uri)")
      return
    }
    for change in params.contentChanges {
      // Each change's range refers to the text left by the previous one; out-of-range positions clamp.
      if let range = change.range {
        let bytes = document.mapping(session.unit).byteRange(range)
        document.apply(SourceEdit(range: bytes, replacement: change.text), revision: nextRevision())
      } else {
        document.replaceAll(with: change.text, revision: nextRevision())
      }
    }
    document.version = params.textDocument.version
    diagnosticsChanged(document.uri)
  }

  func didClose(_ params: DidCloseTextDocumentParams) {
    let uri = params.textDocument.uri
    if Server.isConfigurationFile(uri) { return }
    documents[uri] = nil
    scheduledPublish[uri] = nil
    if !session.usesPullDiagnostics { sendNotification(PublishDiagnosticsParams(uri: uri, diagnostics: [])) }
  }

  func didSave(_ params: DidSaveTextDocumentParams) {
    // The open buffer is the truth, not the file: saving changes nothing unless it is a configuration file, or a
    // configuration file changed on disk meanwhile (edited in another program, or in an editor that sends no
    // file events).
    if Server.isConfigurationFile(params.textDocument.uri) || configurations.changedOnDisk() { reloadConfiguration() }
  }

  /// Whether a URI names a `.jixiao.json`.
  static func isConfigurationFile(_ uri: DocumentURI) -> Bool { uri.hasSuffix("/" + ConfigurationFile.fileName) }

  /// The open document named by a request, or an error the client can understand.
  func document(_ uri: DocumentURI) throws -> Document {
    guard let document = documents[uri] else { throw ResponseError.invalidParams("Document is not open: \(uri)") }
    return document
  }

  func logConfigurationWarnings() {
    for warning in configurations.takeWarnings() { log(.warning, warning) }
  }
}
