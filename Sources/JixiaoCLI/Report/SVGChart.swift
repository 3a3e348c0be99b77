import Foundation

/// Horizontal bar charts as inline SVG, drawn here (no library): one row per category, each bar labelled with
/// its number so that the chart reads without hovering, and a `<title>` per bar for screen readers.
struct SVGChart {
  /// One part of a bar (a stacked bar has several).
  struct Segment {
    let value: Double
    /// CSS class giving its colour (`bar-error`, `bar-pass` …).
    let style: String
    /// The number written on or after it.
    let label: String
  }

  struct Bar {
    let category: String
    let segments: [Segment]
    /// The number written after the whole bar.
    let total: String
  }

  let bars: [Bar]
  /// What the chart shows (the SVG's accessible name).
  let caption: String

  static let rowHeight = 22
  static let labelWidth = 210
  static let barWidth = 380
  static let valueWidth = 90

  func render() -> String {
    let width = SVGChart.labelWidth + SVGChart.barWidth + SVGChart.valueWidth
    let height = max(bars.count, 1) * SVGChart.rowHeight + 4
    let maximum = bars.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 0
    var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
    svg += "width=\"\(width)\" height=\"\(height)\" aria-label=\"\(HTML.escape(caption))\">"
    for (row, bar) in bars.enumerated() {
      let y = row * SVGChart.rowHeight + 2
      let middle = y + SVGChart.rowHeight / 2 + 4
      svg += "<text class=\"chart-label\" x=\"\(SVGChart.labelWidth - 6)\" y=\"\(middle)\" text-anchor=\"end\">"
      svg += HTML.escape(SVGChart.clipped(bar.category)) + "<title>\(HTML.escape(bar.category))</title></text>"
      var x = Double(SVGChart.labelWidth)
      for segment in bar.segments where segment.value > 0 {
        let length = maximum > 0 ? segment.value / maximum * Double(SVGChart.barWidth) : 0
        svg += "<rect class=\"\(segment.style)\" x=\"\(SVGChart.number(x))\" y=\"\(y + 3)\" width=\"\(SVGChart.number(max(length, 1)))\" "
        svg += "height=\"\(SVGChart.rowHeight - 6)\"><title>\(HTML.escape(bar.category)): \(HTML.escape(segment.label))</title></rect>"
        if bar.segments.count > 1 && length >= 18 {
          svg += "<text class=\"chart-inside\" x=\"\(SVGChart.number(x + length / 2))\" y=\"\(middle)\" text-anchor=\"middle\">"
          svg += HTML.escape(segment.label) + "</text>"
        }
        x += length
      }
      svg += "<text class=\"chart-value\" x=\"\(SVGChart.number(x + 6))\" y=\"\(middle)\">\(HTML.escape(bar.total))</text>"
    }
    return svg + "</svg>"
  }

  /// Category names wider than the label column are cut (the whole name is in the `<title>` and the table):
  /// 30 columns, a CJK character taking two.
  static func clipped(_ text: String) -> String {
    var width = 0
    var kept = ""
    for character in text {
      width += character.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1
      if width > 29 { return kept + "…" }
      kept.append(character)
    }
    return text
  }

  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
