import OfficeFormats
import Testing

@Suite struct WordReaderTests {
  typealias F = OfficeFixture

  @Test func tablesRowsCellsAndFreeParagraphsRenderAsWordsTextExport() throws {
    let body = F.p("附件5-1") + F.p("2021年项目支出绩效目标表")
      + F.tbl(F.tr(F.tc(F.p("项目支出名称")), F.tc(F.p("普法经费"))), F.tr(F.tc(F.p("预算部门")), F.tc(F.p("司法局"))))
      + F.p("填表人：")
    #expect(try F.notation(F.docx(body: body)) == "附件5-1\n2021年项目支出绩效目标表\n\t项目支出名称\n\t普法经费\n\n\t预算部门\n\t司法局\n\n填表人：\n")
  }

  @Test func aVerticallyMergedCellReadsOnceAndEmptyBelowAndAGridSpanIsOneCell() throws {
    let body = F.tbl(
      F.tr(F.tc(F.p("本年度绩效指标"), properties: "<w:vMerge w:val=\"restart\"/>"), F.tc(F.p("产出指标"), properties: "<w:gridSpan w:val=\"2\"/>")),
      F.tr(F.tc(F.p("本年度绩效指标"), properties: "<w:vMerge/>"), F.tc(F.p("数量"))),
      F.tr(F.tc(properties: "<w:vMerge w:val=\"continue\"/>"), F.tc(F.p("质量"))))
    #expect(try F.notation(F.docx(body: body)) == "\t本年度绩效指标\n\t产出指标\n\n\t\n\t数量\n\n\t\n\t质量\n\n")
  }

  @Test func severalParagraphsInACellAreLinesAndEmptyOnesAfterTheFirstAreLeftOut() throws {
    let body = F.tbl(F.tr(F.tc(F.p("本年度"), "<w:p/>", F.p("绩效指标")), F.tc("<w:p/>", F.p("满意"))))
    #expect(try F.notation(F.docx(body: body)) == "\t本年度\n绩效指标\n\t\n满意\n\n")
  }

  @Test func insertionsAreKeptDeletionsDroppedFieldsShowTheirResultBookmarksLeaveNoText() throws {
    let body = """
      <w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>预算</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>20</w:delText></w:r></w:del>\
      <w:ins w:id="2" w:author="a"><w:r><w:t>14</w:t></w:r></w:ins><w:bookmarkEnd w:id="0"/>\
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
      <w:r><w:t>万元</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>!</w:t></w:r></w:fldSimple></w:p>
      """
    #expect(try F.notation(F.docx(body: body)) == "预算14万元!\n")
  }

  @Test func aDeletedRowIsDroppedAndANestedTableBecomesLinesOfItsCell() throws {
    let nested = F.tbl(F.tr(F.tc(F.p("甲")), F.tc(F.p("乙"))))
    let body = F.tbl(
      F.tr(F.tc(F.p("外"), nested), F.tc(F.p("右"))),
      "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"a\"/></w:trPr>" + F.tc(F.p("删")) + "</w:tr>")
    #expect(try F.notation(F.docx(body: body)) == "\t外\n甲\n乙\n\t右\n\n")
  }

  @Test func entitiesBreaksAndTabsInRunsAndLeadingTabsOfFreeLinesDropped() throws {
    let body = "<w:p><w:r><w:tab/><w:t>A&amp;B&#x4E00;</w:t><w:br/><w:t>second</w:t></w:r></w:p>"
    #expect(try F.notation(F.docx(body: body)) == "A&B一\nsecond\n")
  }

  @Test func placesNameTableRowColumnAndQuoteTheCell() throws {
    let body = F.p("标题") + F.tbl(F.tr(F.tc(F.p("a")), F.tc(F.p("b"))), F.tr(F.tc(F.p("c")), F.tc(F.p("14万"))))
    let rendered = NotationRenderer.render(try OfficeFile.read(F.docx(body: body), path: "x.docx"))
    let text = String(decoding: rendered.text, as: UTF8.self)
    let offset = text.utf8.count - "14万\n\n".utf8.count
    let span = try #require(rendered.span(at: offset))
    #expect(span.place == OfficePlace(table: 1, row: 2, column: 2))
    #expect(span.quote == "14万")
    #expect(span.place.describe(chinese: true) == "表1 第2行 第2列")
    #expect(rendered.span(at: 0)?.place == OfficePlace(paragraph: 1))
  }

  @Test func aDocumentWithoutBodyIsNotAWordDocument() throws {
    var writer = ZipWriter()
    writer.add("word/document.xml", Array("<x/>".utf8))
    #expect(throws: OfficeError.self) { try OfficeFile.read(writer.finish(), path: "a.docx") }
  }
}
