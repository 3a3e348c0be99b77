import OfficeFormats
import Testing

@Suite struct SpreadsheetReaderTests {
  @Test func sharedAndInlineStringsMergedRangesAndFreeLines() throws {
    let rows = """
      <row r="1"><c r="A1" t="s"><v>0</v></c></row>\
      <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>普法经费</t></is></c></row>\
      <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c></row>\
      <row r="4"><c r="B4" t="s"><v>4</v></c><c r="C4"><v>14</v></c></row>
      """
    let merges = "<mergeCells><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B2:C2\"/><mergeCell ref=\"A3:A4\"/></mergeCells>"
    let bytes = OfficeFixture.xlsx(sheets: [("5-1", rows, merges)], sharedStrings: ["2021年项目支出绩效目标表", "项目支出名称", "本年度\n绩效指标", "数量", "质量"])
    let text = try OfficeFixture.notation(bytes, path: "a.xlsx")
    #expect(text == "2021年项目支出绩效目标表\n\t项目支出名称\n\t普法经费\n\n\t本年度\n绩效指标\n\t数量\n\t\n\n\t\n\t质量\n\t14\n\n")
    let rendered = NotationRenderer.render(try OfficeFile.read(bytes, path: "a.xlsx"))
    let offset = Array(rendered.text).count - "14\n\n".utf8.count
    #expect(rendered.span(at: offset)?.place == OfficePlace(sheet: "5-1", row: 4, column: 3, reference: "C4"))
    #expect(rendered.span(at: 0)?.place.describe(chinese: true) == "工作表“5-1” A1")
  }

  @Test func numbersAndDatesReadAsDisplayedNotAsSerials() throws {
    let styles = """
      <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy.m.d"/><numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts>\
      <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="4"/></cellXfs>
      """
    let rows = """
      <row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>0.98</v></c><c r="C1" s="2"><v>44197</v></c><c r="D1" s="3"><v>14.5</v></c>\
      <c r="E1" s="4"><v>44561</v></c><c r="F1" s="5"><v>1234567.891</v></c><c r="G1"><v>0.30000000000000004</v></c><c r="H1" t="b"><v>1</v></c></row>
      """
    let text = try OfficeFixture.notation(OfficeFixture.xlsx(sheets: [("S", rows, "")], styles: styles), path: "n.xlsx")
    #expect(text == "\t1\n\t98%\n\t2021.1.1\n\t14.50万元\n\t2021年12月31日\n\t1,234,567.89\n\t0.3\n\tTRUE\n\n")
  }
}
