import FormLint
import FormSyntax
import LSP

extension Server {
  func didOpen(_ params: DidOpenTextDocumentParams) {
    let item = params.textDocument
    // `languageId` is ignored on purpose: some clients send an empty one.
    let resolved = configurations.resolve(documentPath: Session.path(of: item.uri))
    logConfigurationWarnings()
    documents[item.uri] = Document(
      uri: item.uri, version: item.version, text: item.text, resolved: resolved, revision: nextRevision())
    diagnosticsChanged(item.uri)
  }

  func didChange(_ params: DidChangeTextDocumentParams) {
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
    documents[uri] = nil
    scheduledPublish[uri] = nil
    if !session.usesPullDiagnostics { sendNotification(PublishDiagnosticsParams(uri: uri, diagnostics: [])) }
  }

  func didSave(_ params: DidSaveTextDocumentParams) {
    // The open buffer is the truth, not the file: saving changes nothing unless it is a configuration file.
    if params.textDocument.uri.hasSuffix("/" + ConfigurationFile.fileName) { reloadConfiguration() }
  }

  /// The open document named by a request, or an error the client can understand.
  func document(_ uri: DocumentURI) throws -> Document {
    guard let document = documents[uri] else { throw ResponseError.invalidParams("Document is not open: \(uri)") }
    return document
  }

  func logConfigurationWarnings() {
    for warning in configurations.takeWarnings() { log(.warning, warning) }
  }
}
