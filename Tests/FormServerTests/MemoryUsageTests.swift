import FormLint
import Foundation
import LSP
import Testing

@testable import FormServer

/// `jixiao/memoryUsage` reports what each open document's tree and caches hold, counted from the structures.
@Suite struct MemoryUsageTests {
  private func usage(_ client: TestClient) throws -> MemoryUsage {
    try client.request(MemoryUsageRequest.method).get().decode(MemoryUsage.self)
  }

  @Test func countsWhatTheDocumentHolds() throws {
    let client = TestClient()
    try client.initialize()
    #expect(try usage(client).documents.isEmpty)
    let published = try client.open(Seed.uri, Seed.text)
    let report = try usage(client)
    let document = try #require(report.documents.first)
    #expect(report.documents.count == 1)
    #expect(document.uri == Seed.uri)
    #expect(document.textBytes == Seed.text.utf8.count)
    #expect(document.formNodes >= 5, "the seed holds five forms")
    // Every node's bytes are held once, plus the line records: more than the text, well under ten times it.
    #expect(document.treeBytes > document.textBytes && document.treeBytes < 10 * document.textBytes)
    #expect(document.findings.count == published.count)
    #expect(document.findings.bytes > published.count * MemoryLayout<FormLint.Diagnostic>.stride)
    #expect(document.conversions.convertedFindings == published.count)
    // The serialized diagnostics are about what the publish carried (which adds the envelope and commas).
    let conversions = document.conversions
    #expect(conversions.serializedBytes > published.count * 100)
    #expect(conversions.serializedBytes <= conversions.serializedCapacity)
    // Sized by what they hold: each form's buffer is its bytes (plus the allocator's rounding), not a doubling one.
    #expect(conversions.serializedCapacity <= conversions.serializedBytes + 32 * document.formNodes)
    // Absolute findings are made for code actions and hovers only.
    #expect(document.absoluteFindings.count == 0)
    #if os(Linux)
      let resident = try #require(report.residentBytes)
      #expect(resident > 1 << 20 && resident <= (report.peakResidentBytes ?? 0))
    #endif
  }

  @Test func aClosedDocumentIsNoLongerCounted() throws {
    let client = TestClient()
    try client.initialize()
    _ = try client.open(Seed.uri, Seed.text)
    try client.notify(DidCloseTextDocumentParams(textDocument: TextDocumentIdentifier(uri: Seed.uri)))
    #expect(try usage(client).documents.isEmpty)
  }
}
