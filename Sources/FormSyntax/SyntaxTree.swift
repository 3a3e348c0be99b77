import Sequences

/// The lossless syntax tree of a document: its form nodes in order.
///
/// Printing the tree (`printedBytes`) gives back the input byte for byte, for any input; parsing never
/// fails. Offsets outside a `FormNode` are absolute UTF-8 offsets into the document.
public struct SyntaxTree: Sendable {
  /// The form nodes (a preamble first, where the file has text before its first form).
  public let nodes: [FormNode]
  /// Absolute offset of each node's first byte.
  public let nodeStarts: [Int]
  /// Number of the first line (0-based) of each node.
  public let nodeFirstLines: [Int]
  /// Total number of bytes.
  public let byteCount: Int
  /// How each form's layout was chosen; edits reparse with the same policy.
  public let layoutPolicy: LayoutPolicy

  /// Parses `bytes`; each form's layout is chosen by `layout` (detected from its content by default).
  public init(parsing bytes: [UInt8], layout: LayoutPolicy = .automatic) {
    let nodes = bytes.withUnsafeBufferPointer { buffer in
      SyntaxTree.parseNodes(buffer, range: 0..<buffer.count, atDocumentStart: true, policy: layout).nodes
    }
    self.init(nodes: nodes, policy: layout)
  }

  /// Parses a string's UTF-8.
  public init(parsing text: String, layout: LayoutPolicy = .automatic) { self.init(parsing: Array(text.utf8), layout: layout) }

  init(nodes: [FormNode], policy: LayoutPolicy) {
    self.nodes = nodes
    layoutPolicy = policy
    var starts: [Int] = []
    var firstLines: [Int] = []
    starts.reserveCapacity(nodes.count)
    firstLines.reserveCapacity(nodes.count)
    var offset = 0
    var line = 0
    for node in nodes {
      starts.append(offset)
      firstLines.append(line)
      offset += node.length
      line += node.lines.count
    }
    nodeStarts = starts
    nodeFirstLines = firstLines
    byteCount = offset
  }

  init(nodes: [FormNode], nodeStarts: [Int], nodeFirstLines: [Int], byteCount: Int, policy: LayoutPolicy) {
    self.nodes = nodes
    self.nodeStarts = nodeStarts
    self.nodeFirstLines = nodeFirstLines
    self.byteCount = byteCount
    layoutPolicy = policy
  }

  static func parseNodes(
    _ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, atDocumentStart: Bool, policy: LayoutPolicy
  ) -> (nodes: [FormNode], endsAnnexOnly: Bool, endsInCodeBlock: Bool) {
    let (pieces, bomLength, endsAnnexOnly, endsInCodeBlock) = FormSegmenter.split(
      buffer, range: range, atDocumentStart: atDocumentStart, policy: policy)
    var nodes: [FormNode] = []
    nodes.reserveCapacity(pieces.count)
    for (index, piece) in pieces.enumerated() {
      let bytes = Array(UnsafeBufferPointer(rebasing: buffer[piece.start..<piece.end]))
      nodes.append(
        FormNode(
          bytes: bytes, bomLength: index == 0 ? bomLength : 0, isForm: piece.isForm, layout: piece.layout, lines: piece.lines))
    }
    return (nodes, endsAnnexOnly, endsInCodeBlock)
  }

  /// The document's text, printed from the tree.
  public var printedBytes: [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(byteCount)
    for node in nodes { result.append(contentsOf: node.bytes) }
    return result
  }

  /// Total number of lines (a final line break opens an empty last line, as in editors).
  public var lineCount: Int {
    guard let last = nodes.last, let lastLine = last.lines.last else { return 1 }
    let endsWithBreak = lastLine.contentEnd < lastLine.end
    return (nodeFirstLines.last ?? 0) + last.lines.count + (endsWithBreak ? 1 : 0)
  }

  /// Index of the node holding `offset` (the last node for the end of the document).
  public func nodeIndex(containing offset: Int) -> Int {
    nodeStarts.lastIndexNotAfter { $0 > offset }
  }
}
