import FormLint

/// Entry point of the language server process.
public enum FormServerMain {
  /// Serves LSP over stdin/stdout until `exit` or end of input; returns the process exit code.
  public static func runOverStandardIO(version: String) -> Int32 {
    // Replaced by the server implementation.
    return 1
  }
}
