import Foundation
import OfficeFormats
import Testing

@Suite struct ZipContainerTests {
  @Test func entriesRoundTripThroughTheWriterAndReader() throws {
    var writer = ZipWriter()
    writer.add("a.txt", Array("hello".utf8))
    writer.add("b/c.xml", Array(String(repeating: "<x/>", count: 1000).utf8))
    let archive = try ZipArchive(bytes: writer.finish())
    #expect(archive.entries.map(\.name) == ["a.txt", "b/c.xml"])
    #expect(try archive.read("a.txt") == Array("hello".utf8))
    #expect(try archive.read("b/c.xml")?.count == 4000)
    #expect(try archive.read("missing") == nil)
  }

  @Test func aZipBombStopsAtTheRatioLimitWhileInflating() throws {
    var writer = ZipWriter()
    writer.add("word/document.xml", [UInt8](repeating: 0x41, count: 8 << 20))
    let archive = try ZipArchive(bytes: writer.finish())
    #expect(throws: OfficeError.limitExceeded(reason: "entry word/document.xml inflates to more than 200 times its compressed size of \(archive.entries[0].compressedSize) bytes: a zip bomb?")) {
      try archive.read("word/document.xml")
    }
  }

  @Test func entryAndTotalLimitsAreEnforced() throws {
    var writer = ZipWriter()
    writer.add("one", [UInt8](repeating: 1, count: 3000))
    writer.add("two", [UInt8](repeating: 2, count: 3000))
    var limits = ZipLimits()
    limits.maximumEntrySize = 2000
    #expect(throws: OfficeError.self) { try ZipArchive(bytes: writer.finish(), limits: limits).read("one") }
    limits.maximumEntrySize = 4000
    limits.maximumTotalSize = 5000
    let archive = try ZipArchive(bytes: writer.finish(), limits: limits)
    _ = try archive.read("one")
    #expect(throws: OfficeError.limitExceeded(reason: "the archive inflates to more than 5000 bytes in all: a zip bomb?")) { try archive.read("two") }
  }

  @Test func truncatedAndCorruptArchivesAreClearErrors() throws {
    var writer = ZipWriter()
    writer.add("word/document.xml", Array(String(repeating: "<w:p/>", count: 500).utf8))
    let bytes = writer.finish()
    #expect(throws: OfficeError.corruptZip(reason: "no end of central directory (truncated?)")) {
      try ZipArchive(bytes: Array(bytes[..<(bytes.count / 2)]))
    }
    var flipped = bytes
    flipped[30 + "word/document.xml".utf8.count + 3] ^= 0xFF  // inside the deflated data
    #expect(throws: OfficeError.self) { _ = try ZipArchive(bytes: flipped).read("word/document.xml") }
    #expect(throws: OfficeError.notOffice(reason: "not a zip archive, so not a .docx/.xlsx file")) { try ZipArchive(bytes: Array("hello, not a zip at all".utf8)) }
  }

  @Test func encryptedEntriesAndCompoundFilesAreRecognized() throws {
    var writer = ZipWriter()
    writer.add("word/document.xml", Array("<x/>".utf8))
    var bytes = writer.finish()
    bytes[6] |= 1  // local header flag
    let central = bytes.count - 22 - 46 - "word/document.xml".utf8.count
    bytes[central + 8] |= 1
    #expect(throws: OfficeError.encrypted) { try ZipArchive(bytes: bytes) }
    let compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
    #expect(throws: OfficeError.legacyBinary(format: "Word 97–2003 (.doc)", modern: ".docx")) { try OfficeFile.read(compound, path: "old.doc") }
    #expect(throws: OfficeError.legacyBinary(format: "Excel 97–2003 (.xls)", modern: ".xlsx")) { try OfficeFile.read(compound, path: "old.xls") }
    let encrypted = compound + Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(throws: OfficeError.encrypted) { try OfficeFile.read(encrypted, path: "locked.docx") }
  }
}

@Suite struct XMLReaderTests {
  func events(_ xml: String) throws(OfficeError) -> Int {
    var reader = XMLReader(bytes: Array(xml.utf8), part: "test.xml")
    var count = 0
    while let event = try reader.next() {
      if case .text(let range, false) = event { _ = try XMLReader.decode(reader.bytes[range], part: "test.xml") }
      count += 1
    }
    return count
  }

  @Test func aDoctypeAndEntityDeclarationsAreRefused() {
    let billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><a>&lol2;</a>"
    #expect(throws: OfficeError.self) { try events(billionLaughs) }
    let external = "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>"
    #expect(throws: OfficeError.self) { try events(external) }
  }

  @Test func undefinedEntitiesAreRefusedAndPredefinedOnesDecoded() throws {
    #expect(throws: OfficeError.self) { try XMLReader.decode(Array("a&foo;b".utf8)[...], part: "x") }
    #expect(try XMLReader.decode(Array("&lt;&gt;&amp;&apos;&quot;&#20013;&#x6587;\r\n".utf8)[...], part: "x") == "<>&'\"中文\n")
  }

  @Test func nestingDeeperThanTheLimitIsRefusedWithoutRecursion() throws {
    let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
    #expect(throws: OfficeError.self) { try events(deep) }
    let fine = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
    #expect(try events(fine) == 200)
  }

  @Test func malformedPartsAreErrorsNotCrashes() {
    for xml in ["<a>", "<a></b>", "<a b=c/>", "<a b=\"x\"", "text", "<a>&</a>", "<p:a/>", "<a><!-- x</a>"] {
      #expect(throws: OfficeError.self, "\(xml)") { try events(xml) }
    }
  }

  @Test func namespacesResolveWhateverThePrefix() throws {
    var reader = XMLReader(bytes: Array("<x:document xmlns:x=\"urn:a\"><body xmlns=\"urn:b\"/></x:document>".utf8), part: "t")
    guard case .start(let name, _, _, _) = try reader.next() else { Issue.record("no start"); return }
    #expect(name == XMLReader.Name(namespace: "urn:a", local: "document"))
    guard case .start(let inner, _, true, _) = try reader.next() else { Issue.record("no inner"); return }
    #expect(inner.namespace == "urn:b")
  }
}
