import Foundation
import OfficeFormats
import Testing

@testable import JixiaoCLI

/// Runs the CLI in-process.
struct OfficeRun {
  let exitCode: Int32
  let stdout: String
  let stderr: String

  init(_ arguments: [String]) {
    var out = ""
    var err = ""
    let console = Console(out: { out += $0 }, err: { err += $0 }, input: { [] })
    exitCode = Jixiao.main(arguments, console: console)
    stdout = out
    stderr = err
  }

  var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]) ?? [:] }
  var diagnostics: [[String: Any]] {
    ((json["files"] as? [[String: Any]]) ?? []).flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
  }
}

/// A scratch folder for office files.
final class OfficeScratch {
  let url: URL
  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-office-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = url.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
}

/// A small form as a .docx: a budget of 14万 against cost items of 20万 (JX301) with a trailing U+3000 (JX502).
enum SmallForm {
  typealias F = OfficeFixture
  static var body: String {
    F.p("附件5-1") + F.p("2021年项目支出绩效目标表") + F.p("填报单位：（盖章）司法局　　单位：万元")
      + F.tbl(
        F.tr(F.tc(F.p("项目支出名称")), F.tc(F.p("普法经费")), F.tc(F.p("预算部门")), F.tc(F.p("司法局"))),
        F.tr(F.tc(F.p("年度本级预算金额")), F.tc(F.p("14万", "　")), F.tc(F.p("该项目支出上级资金")), F.tc(F.p("0"))),
        F.tr(F.tc(F.p("项目支出实施期")), F.tc(F.p("2021.1-2021.12"))),
        F.tr(F.tc(F.p("实施期绩效目标")), F.tc(F.p("完成2021年普法工作"))),
        F.tr(F.tc(F.p("本年度绩效目标")), F.tc(F.p("完成普法工作"))),
        F.tr(
          F.tc(F.p("本年度"), F.p("绩效指标"), properties: "<w:vMerge w:val=\"restart\"/>"), F.tc(F.p("一级指标")), F.tc(F.p("二级指标")),
          F.tc(F.p("三级指标")), F.tc(F.p("指标值及单位")), F.tc(F.p("绩效标准"))),
        F.tr(
          F.tc(properties: "<w:vMerge/>"), F.tc(F.p("产出指标"), properties: "<w:vMerge w:val=\"restart\"/>"), F.tc(F.p("成本指标")),
          F.tc(F.p("普法经费")), F.tc(F.p("20万元")), F.tc(F.p("普法经费15万元、法治创建经费5万元"))))
      + F.p("填表人：张三  联系电话：123  填报日期：2021.1.1  单位负责人签字：李四")
  }
  static var docx: [UInt8] { F.docx(body: body) }
}

@Suite struct OfficeCheckTests {
  @Test func findingsInADocxNameTableRowColumnAndQuoteTheCellInEveryFormat() throws {
    let scratch = try OfficeScratch()
    let path = try scratch.write("form.docx", SmallForm.docx)
    let text = OfficeRun(["check", "--lang", "en", path])
    #expect(text.exitCode == 1)
    #expect(text.stdout.contains("form.docx: table 1, row 2, column 2: error[JX301]"), "\(text.stdout)")
    #expect(OfficeRun(["check", path]).stdout.contains("form.docx: 表1 第2行 第2列: "))
    #expect(text.stdout.contains("  | 14万　\n"))

    let json = OfficeRun(["check", "--format", "json", path])
    let budget = try #require(json.diagnostics.first { $0["code"] as? String == "JX301" })
    let location = try #require(budget["location"] as? [String: Any])
    #expect(location["table"] as? Int == 1)
    #expect(location["row"] as? Int == 2)
    #expect(location["column"] as? Int == 2)
    #expect(location["text"] as? String == "14万　")

    let sarif = OfficeRun(["check", "--format", "sarif", path])
    let runs = try #require(sarif.json["runs"] as? [[String: Any]])
    let results = try #require(runs.first?["results"] as? [[String: Any]])
    let first = try #require(results.first { $0["ruleId"] as? String == "JX301" })
    let locations = try #require(first["locations"] as? [[String: Any]])
    let logical = try #require((locations.first?["logicalLocations"] as? [[String: Any]])?.first)
    #expect(logical["fullyQualifiedName"] as? String == "表1/第2行/第2列")
    let region = try #require((locations.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
    #expect((region["snippet"] as? [String: Any])?["text"] as? String == "14万　")

    let github = OfficeRun(["check", "--format", "github", "--lang", "en", path])
    #expect(github.stdout.contains("::error file=\(path.replacingOccurrences(of: ":", with: "%3A")),title=JX301 budget-mismatch::table 1, row 2, column 2: "))
  }

  @Test func fixAndDiffRefuseOfficeFilesPointingAtAnnotate() throws {
    let scratch = try OfficeScratch()
    let path = try scratch.write("form.docx", SmallForm.docx)
    for flag in ["--fix", "--diff"] {
      let run = OfficeRun(["check", "--lang", "en", flag, path])
      #expect(run.exitCode == 2)
      #expect(run.stderr.contains("jixiao annotate"), "\(run.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(SmallForm.docx))
  }

  @Test func hostileFilesAreEachAClearErrorAndTheOtherFilesAreStillChecked() throws {
    let scratch = try OfficeScratch()
    let good = try scratch.write("good.docx", SmallForm.docx)
    var bomb = ZipWriter()
    bomb.add("word/document.xml", [UInt8](repeating: 0x20, count: 16 << 20))
    let cases: [(String, [UInt8], String)] = [
      ("bomb.docx", bomb.finish(), "zip bomb"),
      ("truncated.docx", Array(SmallForm.docx.prefix(300)), "damaged"),
      ("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512), "save it as .docx"),
      ("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512), "save it as .xlsx"),
      ("renamed.docx", Array("附件5-1\n2021年项目支出绩效目标表\n".utf8), "not a zip archive"),
      ("entities.docx", OfficeFixture.docx(body: "").replacingDocument(with: "<!DOCTYPE d [<!ENTITY a \"aaaa\">]><d/>"), "DOCTYPE"),
    ]
    var paths = [good]
    for (name, bytes, _) in cases { paths.append(try scratch.write(name, bytes)) }
    let before = try scratch.files()
    let run = OfficeRun(["check", "--format", "json", "--lang", "en"] + paths)
    #expect(run.exitCode == 2)
    let chinese = OfficeRun(["check"] + paths)
    #expect(chinese.stderr.contains("old.doc：这是旧版二进制 Word 97–2003 (.doc) 文件"), "\(chinese.stderr)")
    for (name, _, message) in cases {
      #expect(run.stderr.contains(name) && run.stderr.contains(message), "\(name): \(run.stderr)")
    }
    #expect(run.diagnostics.contains { $0["code"] as? String == "JX301" }, "the good file was still checked")
    #expect(try scratch.files() == before, "nothing written")
  }

  @Test func foldersAreSearchedForWordAndExcelFilesButNotOfficeLockFiles() throws {
    let scratch = try OfficeScratch()
    try scratch.write("a.docx", SmallForm.docx)
    try scratch.write("~$a.docx", Array("lock".utf8))
    let run = OfficeRun(["check", "--format", "json", scratch.url.path])
    let files = (run.json["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
    #expect(files.count == 1 && files[0].hasSuffix("/a.docx"), "\(files) \(run.stderr)")
  }

  @Test func convertPrintsTheNotationTSVAndMarkdown() throws {
    let scratch = try OfficeScratch()
    let path = try scratch.write("form.docx", SmallForm.docx)
    let notation = OfficeRun(["convert", path])
    #expect(notation.exitCode == 0)
    #expect(notation.stdout.hasPrefix("附件5-1\n2021年项目支出绩效目标表\n填报单位：（盖章）司法局　　单位：万元\n\t项目支出名称\n\t普法经费\n"))
    #expect(notation.stdout.contains("\t本年度\n绩效指标\n\t一级指标\n"))
    let tsv = OfficeRun(["convert", "--to", "tsv", path])
    #expect(tsv.stdout.contains("项目支出名称\t普法经费\t预算部门\t司法局\n"))
    #expect(tsv.stdout.contains("\"本年度\n绩效指标\"\t一级指标"))
    let markdown = OfficeRun(["convert", "--to", "markdown", path])
    #expect(markdown.stdout.contains("| 项目支出名称 | 普法经费 | 预算部门 | 司法局 |  |  |\n| --- | --- | --- | --- | --- | --- |"))
    #expect(markdown.stdout.contains("| 本年度<br>绩效指标 | 一级指标 |"))
    let converted = try scratch.write("form.txt", Array(notation.stdout.utf8))
    let textCodes = OfficeRun(["check", "--format", "json", converted]).diagnostics.compactMap { $0["code"] as? String }
    let docxCodes = OfficeRun(["check", "--format", "json", path]).diagnostics.compactMap { $0["code"] as? String }
    #expect(!docxCodes.isEmpty && textCodes == docxCodes)
  }
}

extension Array where Element == UInt8 {
  /// A .docx with word/document.xml replaced by `xml`.
  func replacingDocument(with xml: String) -> [UInt8] {
    var writer = ZipWriter()
    writer.add("word/document.xml", Array(xml.utf8))
    return writer.finish()
  }
}
