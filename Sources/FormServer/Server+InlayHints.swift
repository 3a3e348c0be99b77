import FormLint
import LSP

extension Server {
  /// After each budget in the visible range: the itemised cost total (`成本合计 20万元`).
  func inlayHints(_ params: InlayHintParams) throws -> [InlayHint] {
    let document = try document(params.textDocument.uri)
    let mapping = document.mapping(session.unit)
    let tree = document.tree
    guard !tree.nodes.isEmpty else { return [] }
    let first = tree.nodeIndex(containing: mapping.offset(params.range.start))
    let last = tree.nodeIndex(containing: mapping.offset(params.range.end))
    return document.forms(in: first..<(last + 1)).compactMap { form, base, _ in
      guard let budget = form.value(.budget) else { return nil }
      let cost = CostAnalysis(form: form)
      guard !cost.allItems.isEmpty else { return nil }
      let total = cost.tableUnit.format(yuan: cost.itemisedTotal)
      let matches = cost.available.map { $0 >= cost.itemisedTotal } ?? true
      let label =
        (LocalizedText(zh: "成本合计 ", en: "cost items total ").text(document.language)) + total + (matches ? "" : " ⚠")
      return InlayHint(
        position: mapping.position(base + budget.trimmedRange.upperBound), label: label, paddingLeft: true)
    }
  }
}
