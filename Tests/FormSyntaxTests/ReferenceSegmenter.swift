import FormSyntax

/// A line as the notation defines it, in absolute offsets.
struct LineRecord: Equatable, CustomStringConvertible {
  var start: Int
  var contentStart: Int
  var contentEnd: Int
  var end: Int
  var kind: LineKind
  var isFormBoundary: Bool

  var description: String {
    "\(kind)@\(start)..\(end) text \(contentStart)..<\(contentEnd)\(isFormBoundary ? " boundary" : "")"
  }
}

/// A node as the notation defines it, in absolute offsets.
struct NodeRecord: Equatable, CustomStringConvertible {
  var start: Int
  var end: Int
  var isForm: Bool
  var bomLength: Int
  var firstLine: Int
  var lines: [LineRecord]

  var description: String {
    "\(isForm ? "FORM" : "PREAMBLE")@\(start)..\(end) bom \(bomLength) line \(firstLine): \(lines)"
  }
}

/// The notation's rules written as plainly as possible, an oracle for the byte scanner of `FormSyntax`.
///
/// Lines end at LF, CRLF or CR. An empty line is blank, a TAB-led line starts a cell, a line that is neither and
/// follows a cell line continues the cell unless it is an annex or title line (as `Headings` classifies the
/// line's decoded text; `HeadingsTests` checks that classifier). Both start a form, except a title right after a
/// form that holds only a line starting with 附件/附表 and blank lines. Then every form that holds no cell line
/// is folded into the node before it (or becomes the preamble), its lines no longer boundaries.
enum ReferenceSegmenter {
  static func nodes(_ bytes: [UInt8]) -> [NodeRecord] {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let bomLength = bytes.starts(with: bom) ? 3 : 0
    var nodes = [NodeRecord(start: 0, end: 0, isForm: false, bomLength: bomLength, firstLine: 0, lines: [])]
    var previousKind = LineKind.blank
    var lineNumber = 0
    for var line in lines(bytes, from: bomLength) {
      let content = Array(bytes[line.contentStart..<line.contentEnd])
      let isAnnex = startsWithAnnexWord(content)
      if content.isEmpty {
        line.kind = .blank
      } else if content[0] == 0x09 {
        line.kind = .cellStart
        line.contentStart += 1
      } else {
        line.isFormBoundary = Headings.classify(String(decoding: content, as: UTF8.self)) != .none
        let afterCell = previousKind == .cellStart || previousKind == .continuation
        line.kind = afterCell && !line.isFormBoundary ? .continuation : .free
      }
      if line.isFormBoundary {
        let current = nodes[nodes.count - 1]
        let annexOnly =
          current.isForm
          && current.lines.indices.allSatisfy { index in
            index == 0 ? startsWithAnnexWord(text(bytes, current.lines[0])) : current.lines[index].kind == .blank
          }
        if current.lines.isEmpty {
          nodes[nodes.count - 1].isForm = true
        } else if (isAnnex && line.isFormBoundary) || !annexOnly {
          nodes[nodes.count - 1].end = line.start
          nodes.append(
            NodeRecord(start: line.start, end: 0, isForm: true, bomLength: 0, firstLine: lineNumber, lines: []))
        }
      }
      nodes[nodes.count - 1].lines.append(line)
      previousKind = line.kind
      lineNumber += 1
    }
    nodes[nodes.count - 1].end = bytes.count
    var merged: [NodeRecord] = []
    for var node in nodes {
      if node.isForm && !node.lines.contains(where: { $0.kind == .cellStart }) {
        for index in node.lines.indices { node.lines[index].isFormBoundary = false }
        if merged.isEmpty {
          node.isForm = false
        } else {
          merged[merged.count - 1].end = node.end
          merged[merged.count - 1].lines += node.lines
          continue
        }
      }
      merged.append(node)
    }
    return merged
  }

  /// Physical lines from `start`, unclassified (kind `.free`).
  static func lines(_ bytes: [UInt8], from start: Int) -> [LineRecord] {
    var result: [LineRecord] = []
    var lineStart = start
    while lineStart < bytes.count {
      let contentEnd = bytes[lineStart...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
      var end = contentEnd
      if end < bytes.count {
        end += bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1
      }
      result.append(
        LineRecord(
          start: lineStart, contentStart: lineStart, contentEnd: contentEnd, end: end, kind: .free,
          isFormBoundary: false))
      lineStart = end
    }
    return result
  }

  /// Whether a line's text starts (after blanks) with 附件 or 附表.
  static func startsWithAnnexWord(_ content: [UInt8]) -> Bool {
    let rest = dropSpaces(content[...])
    return rest.starts(with: "附件".utf8) || rest.starts(with: "附表".utf8)
  }

  private static func dropSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var rest = bytes
    while true {
      if rest.first == 0x20 || rest.first == 0x09 {
        rest = rest.dropFirst()
      } else if rest.starts(with: "\u{3000}".utf8) || rest.starts(with: "\u{FEFF}".utf8) {
        rest = rest.dropFirst(3)
      } else if rest.starts(with: "\u{A0}".utf8) {
        rest = rest.dropFirst(2)
      } else {
        return rest
      }
    }
  }

  private static func text(_ bytes: [UInt8], _ line: LineRecord) -> [UInt8] {
    Array(bytes[line.contentStart..<line.contentEnd])
  }
}

extension SyntaxTree {
  /// The tree's nodes and lines in absolute offsets, comparable with `ReferenceSegmenter.nodes`.
  var records: [NodeRecord] {
    nodes.indices.map { index in
      let node = nodes[index]
      let base = nodeStarts[index]
      let lines = node.lines.map {
        LineRecord(
          start: base + $0.start, contentStart: base + $0.contentStart, contentEnd: base + $0.contentEnd,
          end: base + $0.end, kind: $0.kind, isFormBoundary: $0.isFormBoundary)
      }
      return NodeRecord(
        start: base, end: base + node.length, isForm: node.isForm, bomLength: node.bomLength,
        firstLine: nodeFirstLines[index], lines: lines)
    }
  }
}
