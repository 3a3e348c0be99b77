import Testing

@testable import JixiaoCLI

/// A file without any form is said so in one information line, not silence and not a finding (RULES.md,
/// "Templates"); a prose paragraph that mentions 绩效目标表 is no form.
@Suite struct NoFormTests {
  static let prose = """
    关于报送2022年项目支出绩效目标表的通知
    各单位：请于3月底前报送项目支出绩效目标表。
    附件：2022年项目支出绩效目标表
    示例县财政局
    2022年2月10日

    """

  @Test func proseMentioningTheFormGivesTheInformationLineAndExitZero() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("notice.txt", Self.prose)
    let zh = CLIRun(["check", path])
    #expect(zh.exitCode == 0)
    #expect(zh.stdout.contains("\(path): 信息：未找到绩效目标表\n"))
    #expect(!zh.stdout.contains("[JX"))
    let en = CLIRun(["check", "--lang", "en", path])
    #expect(en.stdout.contains("\(path): info: no performance-target table found\n"))
    let json = CLIRun(["check", "--format", "json", path])
    #expect(json.exitCode == 0 && json.diagnostics.isEmpty)
  }

  @Test func aFileWithAFormHasNoSuchLine() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("form.txt", "2021年项目支出绩效目标表\n\t项目支出名称\n\t甲\n\n")
    #expect(!CLIRun(["check", path]).stdout.contains("未找到绩效目标表"))
  }
}
