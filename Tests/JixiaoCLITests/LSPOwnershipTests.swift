import Foundation
import Testing

/// ARCHITECTURE.md: JSON-RPC and LSP message types belong to Sources/LSP (#16 item 14): the server writes no
/// envelope by hand and names no method string LSP does not declare.
@Suite struct LSPOwnershipTests {
  private func serverSources() throws -> [(path: String, text: String)] {
    try RepositoryHygieneTests.swiftFiles(under: "Sources/FormServer").map {
      (RepositoryHygieneTests.relative($0), try String(contentsOf: $0, encoding: .utf8))
    }
  }

  @Test func theServerWritesNoJSONRPCEnvelope() throws {
    let sources = try serverSources()
    #expect(sources.count > 10)
    let offending = sources.filter { $0.text.contains("\"jsonrpc\"") }.map(\.path)
    #expect(offending.isEmpty, "\(offending)")
  }

  @Test func codeActionResolveIsDeclaredInLSP() throws {
    let declaration = try String(
      contentsOf: RepositoryHygieneTests.root.appendingPathComponent("Sources/LSP/Messages/CodeActionResolve.swift"),
      encoding: .utf8)
    #expect(declaration.contains("static let method = \"codeAction/resolve\""))
    let dispatch = try serverSources().first { $0.path.hasSuffix("Server+Dispatch.swift") }
    #expect(dispatch?.text.contains("case CodeActionResolveRequest.method") == true)
  }
}
