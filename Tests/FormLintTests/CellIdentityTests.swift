import FormModel
import FormSyntax
import FormTestSupport
import Testing

@testable import FormLint

/// `CellMemo` finds a cell's entry by its index in the node and its range, without comparing texts: that is exact
/// only while every `CellText` a form holds is the content of the node's cell at its `cellIndex`.
@Suite struct CellIdentityTests {
  static func forms() -> [Form] {
    var texts = [Fixtures.seedText, TemplateExamples.export(), TemplateExamples.poverty(), StructureExamples.form()]
    for name in ["F2-clean", "F3-clean", "F10-clean", "M1-budget-export-projects", "V5-sichuan-onesystem", "E1", "E7"] {
      texts.append(TemplateFamilyFixtureTests.text(name))
    }
    var generator = FormCorpusGenerator(seed: 5)
    texts.append(generator.generate(byteCount: 30_000))
    let forms = texts.flatMap { SyntaxTree(parsing: $0).nodes.filter(\.isForm).map { Form(node: $0) } }
    return forms.flatMap(\.projectForms)
  }

  /// Every `CellText` stored anywhere in `value` (header entries, rows, categories, projects …), found by reflection
  /// so that a cell added to the model later is checked too.
  static func cells(in value: Any, into found: inout [CellText]) {
    if let cell = value as? CellText {
      found.append(cell)
      return
    }
    // The node, the template and profile catalogues and plain values hold no cells (and are large to reflect).
    if value is FormNode || value is Template || value is Profile || value is String || value is Int { return }
    for child in Mirror(reflecting: value).children { cells(in: child.value, into: &found) }
  }

  @Test func everyCellOfAFormIsItsNodesCellAtItsIndex() {
    var checked = 0
    for form in Self.forms() {
      var found: [CellText] = []
      Self.cells(in: form, into: &found)
      #expect(!found.isEmpty)
      for cell in found {
        checked += 1
        #expect(form.node.cells.indices.contains(cell.cellIndex))
        guard form.node.cells.indices.contains(cell.cellIndex) else { continue }
        let content = form.node.content(ofCell: form.node.cells[cell.cellIndex])
        #expect(content.range == cell.range && content.text == cell.text, "cell \(cell.cellIndex): \(cell.text.debugDescription)")
      }
    }
    #expect(checked > 2_000)
  }

  @Test func aMemoComputesOncePerCellAndKeepsCellsApart() throws {
    let form = try #require(Self.forms().first)
    var found: [CellText] = []
    Self.cells(in: form, into: &found)
    var memo = CellMemo<String>()
    var computed = 0
    for _ in 0..<2 {
      for cell in found {
        #expect(memo.value(of: cell, in: form) { computed += 1; return cell.text } == cell.text)
      }
    }
    #expect(computed == Set(found.map(\.cellIndex)).count)
  }
}
