import FormLint
import FormSyntax
import LSP

// FormLint, FormSyntax and LSP each define a `Diagnostic` or a `TextEdit`; these names keep the files readable.

/// A finding of the linter (UTF-8 byte ranges).
typealias Finding = FormLint.Diagnostic
/// A diagnostic as sent to the client (line/character positions).
typealias LSPDiagnostic = LSP.Diagnostic
/// An edit of the syntax tree (UTF-8 byte ranges).
typealias SourceEdit = FormSyntax.TextEdit
/// An edit as sent to the client.
typealias LSPTextEdit = LSP.TextEdit
