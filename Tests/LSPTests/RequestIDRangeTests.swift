import Testing

@testable import LSP

/// Regression (found by Scripts/robustness/hostile_stdio.py, "huge and invalid ids"): the id
/// -9223372036854775809 overflows Int, was read as a double, rounded to exactly Int.min and accepted, so the server
/// answered id -9223372036854775808 — an id the client never sent. Integral doubles are ids only below 2^53.
@Suite struct RequestIDRangeTests {
  @Test func idsThatOnlyRoundToAnIntAreInvalidRequests() {
    for id in ["-9223372036854775809", "9223372036854775809", "-1e19", "9.2233720368547758e18", "9007199254740992.0"] {
      guard case .failure(let error) = Message.decode(Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"a"}"#.utf8)) else {
        Issue.record("id \(id) was accepted")
        continue
      }
      #expect(error.error.code == .invalidRequest, "\(id)")
      #expect(error.response?.id == nil)
    }
  }

  @Test func exactIntegersStillWork() throws {
    #expect(RequestID(.double(2.0)) == .int(2))
    #expect(RequestID(.double(-9007199254740991.0)) == .int(-9007199254740991))
    #expect(RequestID(.int(Int.min)) == .int(Int.min))
    let decoded = try Message.decode(Array(#"{"jsonrpc":"2.0","id":-9223372036854775808,"method":"a"}"#.utf8)).get()
    #expect(decoded == .request(RequestMessage(id: .int(Int.min), method: "a")))
  }
}
