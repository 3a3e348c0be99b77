import FormLint
import Foundation
import LSP

/// Entry point of the language server process.
public enum FormServerMain {
  /// Serves LSP over stdin/stdout until `exit` or end of input; returns the process exit code (0 after `shutdown`).
  ///
  /// `JIXIAO_LSP_DEBOUNCE_MS` sets the debounce before the client can (tests set it to 0); `JIXIAO_LSP_TIMING=1` logs
  /// the cost of each publish.
  public static func runOverStandardIO(version: String) -> Int32 {
    var options = ServerOptions(version: version)
    if let text = ProcessInfo.processInfo.environment["JIXIAO_LSP_DEBOUNCE_MS"], let value = Int(text) {
      options.debounceMilliseconds = value
    }
    options.logsTiming = ProcessInfo.processInfo.environment["JIXIAO_LSP_TIMING"] == "1"
    // Claiming stdout first: anything printed by accident then goes to stderr, not into the protocol stream.
    let server = Server(connection: StdioTransport.claimingStandardOutput(), options: options)
    server.start()
    return server.waitForExit()
  }
}
