import Foundation
import OfficeFormats
import Testing

@Suite struct AnnotateTests {
  @Test func everyFindingBecomesACommentByJixiaoAndTheTextIsUnchanged() throws {
    let scratch = try OfficeScratch()
    let input = try scratch.write("form.docx", SmallForm.docx)
    let output = scratch.url.appendingPathComponent("reviewed.docx").path
    let run = OfficeRun(["annotate", input, "-o", output, "--lang", "en"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    let findings = OfficeRun(["check", "--format", "json", input]).diagnostics
    let archive = try ZipArchive(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: output))))
    let comments = String(decoding: try #require(try archive.read("word/comments.xml")), as: UTF8.self)
    #expect(comments.components(separatedBy: "<w:comment ").count - 1 == findings.count)
    #expect(comments.contains("w:author=\"Jixiao\""))
    #expect(comments.contains("(JX301 budget-mismatch)"))
    let document = String(decoding: try #require(try archive.read("word/document.xml")), as: UTF8.self)
    #expect(document.components(separatedBy: "<w:commentRangeStart ").count - 1 == findings.count)
    #expect(try OfficeFixture.notation(Array(try Data(contentsOf: URL(fileURLWithPath: output)))) == (try OfficeFixture.notation(SmallForm.docx)))
    let types = String(decoding: try #require(try archive.read("[Content_Types].xml")), as: UTF8.self)
    #expect(types.contains("/word/comments.xml"))
    #expect(run.stderr.contains("comment(s)"))
  }

  @Test func selectAndSeverityFilterTheComments() throws {
    let scratch = try OfficeScratch()
    let input = try scratch.write("form.docx", SmallForm.docx)
    let output = scratch.url.appendingPathComponent("errors.docx").path
    #expect(OfficeRun(["annotate", input, "-o", output, "--severity", "error", "--select", "JX3"]).exitCode == 0)
    let archive = try ZipArchive(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: output))))
    let comments = String(decoding: try #require(try archive.read("word/comments.xml")), as: UTF8.self)
    #expect(comments.components(separatedBy: "<w:comment ").count - 1 == 1)
    #expect(comments.contains("JX301"))
  }

  @Test func suggestWritesTheSafeFixAsATrackedDeletionKeepingTheRunProperties() throws {
    typealias F = OfficeFixture
    let body = F.tbl(F.tr(F.tc(F.p("项目支出名称")), F.tc("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>普法经费　</w:t></w:r></w:p>")))
    let scratch = try OfficeScratch()
    let input = try scratch.write("bold.docx", F.docx(body: body))
    let output = scratch.url.appendingPathComponent("suggested.docx").path
    #expect(OfficeRun(["annotate", input, "-o", output, "--suggest"]).exitCode == 0)
    let archive = try ZipArchive(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: output))))
    let document = String(decoding: try #require(try archive.read("word/document.xml")), as: UTF8.self)
    #expect(document.contains("<w:del w:id=\""))
    #expect(document.contains("w:author=\"Jixiao\""))
    #expect(document.contains("<w:r><w:rPr><w:b/></w:rPr><w:delText xml:space=\"preserve\">　</w:delText></w:r></w:del>"), "\(document)")
    // Rejecting the change (reading the document as is) keeps the text; accepting drops the U+3000.
    #expect(try F.notation(Array(try Data(contentsOf: URL(fileURLWithPath: output)))) == "\t项目支出名称\n\t普法经费\n\n")
  }

  @Test func neverWritesOverTheInputUnlessInPlace() throws {
    let scratch = try OfficeScratch()
    let input = try scratch.write("form.docx", SmallForm.docx)
    let refused = OfficeRun(["annotate", input, "-o", input])
    #expect(refused.exitCode == 2)
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == Data(SmallForm.docx))
    #expect(OfficeRun(["annotate", input]).exitCode == 2)
    #expect(OfficeRun(["annotate", input, "--in-place"]).exitCode == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) != Data(SmallForm.docx))
    #expect(try scratch.files() == ["form.docx"], "no temporary file left behind")
  }
}
