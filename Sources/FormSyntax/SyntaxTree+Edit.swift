/// A text edit in UTF-8 offsets: replace `range` of the old text with `replacement`.
public struct TextEdit: Sendable, Equatable {
  /// The replaced bytes of the old text.
  public var range: Range<Int>
  /// The new bytes.
  public var replacement: [UInt8]

  /// Creates an edit.
  public init(range: Range<Int>, replacement: [UInt8]) {
    self.range = range
    self.replacement = replacement
  }

  /// Creates an edit from a string.
  public init(range: Range<Int>, replacement: String) { self.init(range: range, replacement: Array(replacement.utf8)) }
}

/// What an incremental reparse did.
public struct IncrementalParseResult: Sendable {
  /// The new tree.
  public let tree: SyntaxTree
  /// Node indices (in the new tree) whose nodes are new; every other node is reused by identity.
  public let changedNodes: Range<Int>
  /// Bytes of the new text covered by new nodes.
  public let changedRange: Range<Int>
  /// The number of old nodes reused as they were.
  public let reusedNodeCount: Int
}

extension SyntaxTree {
  /// Applies `edit` and reparses only the forms it touches, reusing every other form node.
  ///
  /// The reparsed region runs from the form before the first touched form to the form after the last one:
  /// the form before because a deleted annex line merges its lines into it, the form after because a
  /// deleted line break can join a form's first line to the text before it. Where the region ends in a form
  /// holding only an annex line and the next form starts with a title line, the two join, so the region
  /// grows; where it ends inside an open code fence (Markdown documents), it runs to the end. New nodes whose bytes
  /// equal the old node's are replaced by the old node, keeping identity.
  public func applying(_ edit: TextEdit) -> IncrementalParseResult {
    let lower = min(max(edit.range.lowerBound, 0), byteCount)
    let upper = min(max(edit.range.upperBound, lower), byteCount)
    guard !nodes.isEmpty else {
      let tree = SyntaxTree(parsing: edit.replacement, layout: layoutPolicy)
      return IncrementalParseResult(
        tree: tree, changedNodes: 0..<tree.nodes.count, changedRange: 0..<tree.byteCount, reusedNodeCount: 0)
    }
    // A touch at a node's very start also touches the node before (its last line break may join).
    var first = nodeIndex(containing: lower)
    if first > 0 { first -= 1 }
    var last = nodeIndex(containing: upper)
    if last + 1 < nodes.count { last += 1 }

    while true {
      let regionStart = nodeStarts[first]
      let regionEnd = nodeStarts[last] + nodes[last].length
      var region: [UInt8] = []
      region.reserveCapacity(regionEnd - regionStart + edit.replacement.count)
      for index in first...last { region.append(contentsOf: nodes[index].bytes) }
      region.replaceSubrange((lower - regionStart)..<(upper - regionStart), with: edit.replacement)
      let (parsed, endsAnnexOnly, endsInCodeBlock) = region.withUnsafeBufferPointer {
        SyntaxTree.parseNodes($0, range: 0..<$0.count, atDocumentStart: first == 0, policy: layoutPolicy)
      }
      // The next untouched node starts with a title that would join an annex-only form: reparse more.
      if endsAnnexOnly && last + 1 < nodes.count && startsWithTitle(nodes[last + 1]) {
        last += 1
        continue
      }
      // A fenced code block left open runs on into the nodes after the region (a Markdown document): reparse to
      // the end, once, rather than node by node.
      if endsInCodeBlock && last + 1 < nodes.count {
        last = nodes.count - 1
        continue
      }
      // Keep old nodes that came out identical, matching from both ends of the region.
      let oldCount = last - first + 1
      var prefix = 0
      while prefix < parsed.count && prefix < oldCount && sameNode(nodes[first + prefix], parsed[prefix]) { prefix += 1 }
      var suffix = 0
      while suffix < parsed.count - prefix && suffix < oldCount - prefix
        && sameNode(nodes[last - suffix], parsed[parsed.count - 1 - suffix])
      {
        suffix += 1
      }
      let tree = SyntaxTree(
        splicing: self, keepingFirst: first + prefix, inserting: parsed[prefix..<(parsed.count - suffix)],
        keepingFrom: last + 1 - suffix)
      let changedNodes = (first + prefix)..<(first + parsed.count - suffix)
      let changedRange: Range<Int>
      if changedNodes.isEmpty {
        let at = changedNodes.lowerBound < tree.nodes.count ? tree.nodeStarts[changedNodes.lowerBound] : tree.byteCount
        changedRange = at..<at
      } else {
        let end = tree.nodeStarts[changedNodes.upperBound - 1] + tree.nodes[changedNodes.upperBound - 1].length
        changedRange = tree.nodeStarts[changedNodes.lowerBound]..<end
      }
      return IncrementalParseResult(
        tree: tree, changedNodes: changedNodes, changedRange: changedRange,
        reusedNodeCount: nodes.count - oldCount + prefix + suffix)
    }
  }

  /// `old` with its nodes `head..<tail` replaced by `middle`: the offsets and first lines of the kept nodes are
  /// the old ones, shifted after the splice, instead of being summed again over every node (a keystroke's reparse
  /// should not cost a walk over all the document's forms).
  init(splicing old: SyntaxTree, keepingFirst head: Int, inserting middle: ArraySlice<FormNode>, keepingFrom tail: Int) {
    var nodes = Array(old.nodes[0..<head])
    nodes.reserveCapacity(head + middle.count + old.nodes.count - tail)
    nodes.append(contentsOf: middle)
    nodes.append(contentsOf: old.nodes[tail...])
    var starts = Array(old.nodeStarts[0..<head])
    var firstLines = Array(old.nodeFirstLines[0..<head])
    starts.reserveCapacity(nodes.count)
    firstLines.reserveCapacity(nodes.count)
    var offset = head == 0 ? 0 : old.nodeStarts[head - 1] + old.nodes[head - 1].length
    var line = head == 0 ? 0 : old.nodeFirstLines[head - 1] + old.nodes[head - 1].lines.count
    for node in middle {
      starts.append(offset)
      firstLines.append(line)
      offset += node.length
      line += node.lines.count
    }
    var byteCount = offset
    if tail < old.nodes.count {
      let shift = offset - old.nodeStarts[tail]
      let lineShift = line - old.nodeFirstLines[tail]
      starts.append(contentsOf: old.nodeStarts[tail...].lazy.map { $0 + shift })
      firstLines.append(contentsOf: old.nodeFirstLines[tail...].lazy.map { $0 + lineShift })
      byteCount = old.byteCount + shift
    }
    self.init(nodes: nodes, nodeStarts: starts, nodeFirstLines: firstLines, byteCount: byteCount, policy: old.layoutPolicy)
  }

  private func startsWithTitle(_ node: FormNode) -> Bool {
    guard node.isForm, let line = node.lines.first else { return false }
    return node.bytes.withUnsafeBufferPointer { !Headings.hasAnnexPrefix($0, line.contentStart, line.contentEnd) }
  }

  private func sameNode(_ old: FormNode, _ new: FormNode) -> Bool {
    old.length == new.length && old.bomLength == new.bomLength && old.isForm == new.isForm && old.layout == new.layout
      && old.bytes == new.bytes
  }
}
