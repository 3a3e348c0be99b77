import FormServer

/// `jixiao lsp`: the language server over stdio.
enum ServerCommand {
  static let command = Jixiao.Command(
    name: "lsp", summary: "Run the language server (LSP 3.17, JSON-RPC over stdin/stdout).", usage: "jixiao lsp",
    options: [OptionSpec("--stdio", help: "Accepted for editors that pass it; stdio is the only transport.")],
    run: { _, _ in FormServerMain.runOverStandardIO(version: JixiaoVersion.current) })
}
