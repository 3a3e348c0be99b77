import FormSyntax
import Testing

/// Title and annex lines as RULES.md ("Templates") defines them, on the headings of research/templates.md §2.
@Suite struct HeadingsTests {
  @Test(arguments: [
    "2021年项目支出绩效目标表", "2022年省级第七批水利专项资金绩效目标表", "再生资源回收市场管理经费项目绩效目标表",
    "某市特别国债项目绩效目标表(打捆项目)", "项目绩效目标表", "2023年项目支出绩效目标申报表", "绩效目标申报表(基础设施建设类)",
    "绩效目标申报表", "山西省某市市级预算部门(单位)项目支出绩效目标申报表", "某区部门预算部门专项(绩效目标)申报表2021年度",
    "某市财政项目支出绩效目标批复表", "生猪(牛羊)调出大县奖励资金区域绩效目标表", "项目支出绩效目标审核表", "某项目绩效表",
    "项目支出绩效目标（申报）表", "绩效目标申报表(参考模板)(20XX年度)", "项目支出绩效目标表（2022年度）",
    "  2021年项目支出绩效目标表  ", "某市财政项目支出绩效目标批复表(道路升级改造工程一期)", "绩效目标审批表",
  ])
  func titles(_ line: String) {
    #expect(Headings.classify(line) == .title)
  }

  @Test(arguments: [
    "附件2：2021年项目支出绩效目标表", "附件:2020年省级财政水利发展资金绩效目标表", "附表1 绩效目标申报表",
  ])
  func titlesAfterAnAnnexPrefix(_ line: String) {
    #expect(Headings.classify(line) == .title)
    #expect(Headings.hasAnnexPrefix(line))
  }

  @Test(arguments: [
    "附件5-1", "附件 ５", "附表1", "附件：", "附件:", "附件", "附件一", "附件2", "　附件3－2", "附表2：",
  ])
  func annexLines(_ line: String) {
    #expect(Headings.classify(line) == .annex)
  }

  @Test(arguments: [
    // Sentences and mentions.
    "请各单位于3月底前报送绩效目标表。", "现将《2021年项目支出绩效目标表》印发给你们", "按要求，填写项目支出绩效目标表",
    "2.2022年省级第七批水利专项资金绩效目标表", "附件:1.2022年省级第七批水利专项资金安排表", "[预算绩效]疫情期间项目绩效目标表",
    "一、项目支出绩效目标表", "(1)项目支出绩效目标表", "某市财政项目支出绩效目标批复表(道路) - 文号:",
    "标     题 某区专项(绩效目标)申报表2021年度 文     号",
    // Not a target table.
    "中央引导地方科技发展资金绩效目标自评表", "2022年省级第七批水利专项资金安排表", "绩效项目指标表", "（2022年度）",
    "填报单位：（盖章）                    单位：万元", "本年度绩效指标", "绩效目标", "附件1：关于下达资金的通知",
    "2021年中央财政专项扶贫资金绩效表", String(repeating: "说", count: 96) + "绩效目标表",
  ])
  func notHeadings(_ line: String) {
    #expect(Headings.classify(line) == .none)
  }

  @Test func annexNumbers() {
    #expect(Headings.annexNumber("附件5-1") == "5-1")
    #expect(Headings.annexNumber("附表 2：") == "2")
    #expect(Headings.annexNumber("附件") == "")
    #expect(Headings.annexNumber("附件2：2021年项目支出绩效目标表") == "2")
    #expect(Headings.annexNumber("  附件 ５－１ ：  标题") == "５－１")
    #expect(Headings.annexNumber("附件\u{3000}一\u{3000}：") == "一")
  }

  @Test func byteAndStringClassifiersAgree() {
    for line in ["2021年项目支出绩效目标表", "附件5-1", "说明", "请报送绩效目标表。", "附件", "\u{FEFF}附件1"] {
      let bytes = Array(line.utf8)
      let fromBytes = bytes.withUnsafeBufferPointer { Headings.classify($0, 0, $0.count) }
      #expect(fromBytes == Headings.classify(line), "\(line)")
    }
  }
}
