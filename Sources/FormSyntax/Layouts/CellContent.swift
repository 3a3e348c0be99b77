/// Where the text of a cell sits in the node's bytes, escape by escape.
///
/// In the notation (and in cells without escapes) text offsets are byte offsets from the content's start. Where
/// the layout escapes a character (`""` → `"` in TSV, `\|` → `|` and `<br>` → line break in Markdown), each escape
/// is one byte of text and several bytes of source.
public struct CellTextMap: Sendable, Equatable, Hashable {
  /// One escape: where its one byte of text and its source bytes are.
  struct Escape: Sendable, Equatable, Hashable {
    var text: Int
    var source: Range<Int>
  }

  /// Node-relative offset of the content's first byte.
  public let start: Int
  /// The escapes, nil for none (most cells: no array to retain when a cell's text is copied, as rules do).
  private let storedEscapes: [Escape]?
  var escapes: [Escape] { storedEscapes ?? [] }

  /// The map of a cell without escapes: text offset `n` is node offset `start + n`.
  public init(identityAt start: Int) {
    self.start = start
    storedEscapes = nil
  }

  init(start: Int, escapes: [Escape]) {
    self.start = start
    storedEscapes = escapes.isEmpty ? nil : escapes
  }

  /// The node offset of a text offset (an offset just after an escape maps past its source bytes).
  public func nodeOffset(_ textOffset: Int) -> Int {
    guard let escapes = storedEscapes else { return start + textOffset }
    var result = start + textOffset
    for escape in escapes {
      if escape.text >= textOffset { break }
      result = escape.source.upperBound + (textOffset - escape.text - 1)
    }
    return result
  }

  /// The node range of a range of text offsets.
  public func nodeRange(_ inner: Range<Int>) -> Range<Int> {
    let lower = nodeOffset(inner.lowerBound)
    return lower..<max(lower, nodeOffset(inner.upperBound))
  }

  /// The text offset of a node offset (an offset inside an escape maps to the escape's character).
  public func textOffset(ofNodeOffset offset: Int) -> Int {
    guard let escapes = storedEscapes else { return offset - start }
    var text = offset - start
    for escape in escapes {
      if escape.source.lowerBound >= offset { break }
      text = offset >= escape.source.upperBound ? escape.text + 1 + (offset - escape.source.upperBound) : escape.text
    }
    return text
  }
}

/// A cell's text, decoded from its layout's syntax, and where each of its bytes sits in the node.
public struct CellContent: Sendable, Equatable {
  /// Node-relative byte range of the content in the file (escapes still written).
  public let range: Range<Int>
  /// The decoded text: what the cell says.
  public let text: String
  /// Text offsets to node offsets and back.
  public let map: CellTextMap
}

extension FormNode {
  /// A cell's decoded text and its map.
  public func content(ofCell cell: SyntaxCell) -> CellContent {
    let range = cell.content
    guard cell.isEscaped else {
      return CellContent(range: range, text: text(range), map: CellTextMap(identityAt: range.lowerBound))
    }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(range.count)
    var escapes: [CellTextMap.Escape] = []
    bytes.withUnsafeBufferPointer { buffer in
      var index = range.lowerBound
      while index < range.upperBound {
        let byte = buffer[index]
        var length = 0
        var replacement: UInt8 = 0
        switch layout {
        case .tsv:
          if byte == TSVScanner.quote && index + 1 < range.upperBound && buffer[index + 1] == TSVScanner.quote {
            length = 2
            replacement = TSVScanner.quote
          }
        case .markdown:
          if byte == MarkdownScanner.backslash && index + 1 < range.upperBound
            && MarkdownScanner.isEscapable(buffer[index + 1])
          {
            length = 2
            replacement = buffer[index + 1]
          } else if byte == 0x3C, let tag = MarkdownScanner.isLineBreakTag(buffer, index, range.upperBound) {
            length = tag
            replacement = LineScanner.lineFeed
          }
        case .notation:
          break
        }
        if length > 0 {
          escapes.append(CellTextMap.Escape(text: decoded.count, source: index..<(index + length)))
          decoded.append(replacement)
          index += length
        } else {
          decoded.append(byte)
          index += 1
        }
      }
    }
    return CellContent(
      range: range, text: String(decoding: decoded, as: UTF8.self), map: CellTextMap(start: range.lowerBound, escapes: escapes))
  }
}
