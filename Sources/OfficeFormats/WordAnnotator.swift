import Sequences

/// Writes findings back into a .docx as Word comments (批注) and, optionally, fixes as tracked changes (修订).
///
/// Only `word/document.xml` (anchors, split runs), `word/comments.xml` (new or extended), and — when the
/// document had no comments part — `word/_rels/document.xml.rels` and `[Content_Types].xml` are rewritten;
/// every other zip entry is copied byte for byte. Inside `document.xml` the changes are surgical: bytes
/// inserted at anchors, a run split where a comment or change starts or ends inside its text (the run's
/// properties copied to each part, so formatting is kept), everything else unchanged.
public enum WordAnnotator {
  /// A comment to anchor on a range of the rendered notation.
  public struct Comment: Sendable {
    public let range: Range<Int>
    public let text: String
    public init(range: Range<Int>, text: String) {
      self.range = range
      self.text = text
    }
  }

  /// A fix to write as a tracked change: all its edits (ranges of the rendered notation), or none.
  public struct Suggestion: Sendable {
    public let edits: [(range: Range<Int>, newText: String)]
    public init(edits: [(range: Range<Int>, newText: String)]) { self.edits = edits }
  }

  /// What was written.
  public struct Outcome: Sendable {
    public var bytes: [UInt8]
    /// Comments anchored on their exact text, and on their whole cell (or paragraph).
    public var exactComments = 0
    public var cellComments = 0
    /// Suggestions written as tracked changes, and those that could not be (they span cells or paragraphs,
    /// or text that is not plain run text).
    public var suggestionsWritten = 0
    public var suggestionsSkipped = 0
  }

  static let author = "Jixiao"

  public static func annotate(
    _ archive: ZipArchive, rendered: RenderedNotation, comments: [Comment], suggestions: [Suggestion], date: String
  ) throws(OfficeError) -> Outcome {
    guard let document = try archive.read("word/document.xml") else { throw .notOffice(reason: "no word/document.xml") }
    let existingComments = try archive.read("word/comments.xml")
    var nextID = max(maximumID(in: document, element: "commentRangeStart"), existingComments.map { maximumID(in: $0, element: "comment") } ?? -1) + 1
    var revisionID = max(maximumID(in: document, element: "ins"), maximumID(in: document, element: "del")) + 1_000
    var edits = EditList(document: document)
    var outcome = Outcome(bytes: [])
    var commentElements = ""
    for comment in comments {
      let id = nextID
      nextID += 1
      if let exact = edits.exactAnchor(comment.range, rendered: rendered) {
        edits.add(exact.start, priority: 1, "\(exact.startPrefix)<w:commentRangeStart w:id=\"\(id)\"/>\(exact.startSuffix)")
        edits.add(exact.end, priority: 3, "\(exact.endPrefix)<w:commentRangeEnd w:id=\"\(id)\"/>\(reference(id))\(exact.endSuffix)")
        outcome.exactComments += 1
      } else if let cell = cellAnchor(comment.range, rendered: rendered) {
        edits.add(cell.lowerBound..<cell.lowerBound, priority: 0, "<w:commentRangeStart w:id=\"\(id)\"/>")
        edits.add(cell.upperBound..<cell.upperBound, priority: 4, "<w:commentRangeEnd w:id=\"\(id)\"/>\(reference(id))")
        outcome.cellComments += 1
      } else {
        continue
      }
      commentElements += "<w:comment w:id=\"\(id)\" w:author=\"\(author)\" w:date=\"\(date)\" w:initials=\"JX\">"
      for line in comment.text.split(separator: "\n", omittingEmptySubsequences: false) {
        commentElements += "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLReader.escape(String(line)))</w:t></w:r></w:p>"
      }
      commentElements += "</w:comment>"
    }
    edits.freezeAnchors()
    for suggestion in suggestions {
      let mark = edits.checkpoint()
      var written = true
      for edit in suggestion.edits {
        guard edits.trackedChange(edit.range, newText: edit.newText, rendered: rendered, id: &revisionID, date: date)
          || edits.deletedParagraphMarks(edit.range, newText: edit.newText, rendered: rendered, id: &revisionID, date: date)
        else {
          written = false
          break
        }
      }
      if written, edits.acceptChanges(since: mark) {
        outcome.suggestionsWritten += 1
      } else {
        edits.rollback(to: mark)
        outcome.suggestionsSkipped += 1
      }
    }
    let newDocument = edits.apply()
    let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    var replaced: [String: [UInt8]] = ["word/document.xml": newDocument]
    if !commentElements.isEmpty {
      if var existing = existingComments, let close = lastIndex(of: Array("</w:comments>".utf8), in: existing) {
        existing.insert(contentsOf: Array(commentElements.utf8), at: close)
        replaced["word/comments.xml"] = existing
      } else {
        replaced["word/comments.xml"] = Array(
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments \(namespace)>\(commentElements)</w:comments>".utf8)
        let relationshipsName = "word/_rels/document.xml.rels"
        var relationships = try archive.read(relationshipsName)
          ?? Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".utf8)
        guard let end = lastIndex(of: Array("</Relationships>".utf8), in: relationships) else {
          throw .badXML(part: relationshipsName, reason: "no </Relationships>")
        }
        let relationship = "<Relationship Id=\"rIdJixiaoComments\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>"
        relationships.insert(contentsOf: Array(relationship.utf8), at: end)
        replaced[relationshipsName] = relationships
        guard var types = try archive.read("[Content_Types].xml"), let typesEnd = lastIndex(of: Array("</Types>".utf8), in: types) else {
          throw .notOffice(reason: "no [Content_Types].xml")
        }
        let override = "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
        types.insert(contentsOf: Array(override.utf8), at: typesEnd)
        replaced["[Content_Types].xml"] = types
      }
    }
    var writer = ZipWriter()
    for entry in archive.entries {
      if let bytes = replaced.removeValue(forKey: entry.name) { writer.add(entry.name, bytes) } else { writer.copy(entry, from: archive) }
    }
    for name in replaced.keys.sorted() { writer.add(name, replaced[name]!) }
    outcome.bytes = writer.finish()
    return outcome
  }

  static func reference(_ id: Int) -> String {
    "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"\(id)\"/></w:r>"
  }

  /// The XML range from the first anchorable paragraph's content start to the last one's end, of the cell (or
  /// free paragraph) holding `range`'s start; a merged continuation cell or a cell with no room falls back
  /// to the nearest cell before it that has.
  static func cellAnchor(_ range: Range<Int>, rendered: RenderedNotation) -> Range<Int>? {
    guard var spanIndex = rendered.spanIndex(at: range.lowerBound) else { return nil }
    while spanIndex >= 0 {
      let span = rendered.spans[spanIndex]
      let paragraphs = WordAnnotator.paragraphs(of: span, in: rendered.document).filter { $0.contentStart >= 0 }
      if let first = paragraphs.first, let last = paragraphs.last { return first.contentStart..<last.contentEnd }
      spanIndex -= 1
    }
    return nil
  }

  static func paragraphs(of span: RenderedSpan, in document: OfficeDocument) -> [OfficeParagraph] {
    switch document.blocks[span.block] {
    case .paragraph(let paragraph, _): return [paragraph]
    case .table(let table):
      guard let row = span.row, let cell = span.cell else { return [] }
      return table.rows[row].cells[cell].paragraphs
    }
  }

  /// The largest `w:id` on elements named `element` (any prefix), or -1.
  static func maximumID(in bytes: [UInt8], element: String) -> Int {
    var reader = XMLReader(bytes: bytes, part: "")
    var maximum = -1
    while let event = try? reader.next() {
      if case .start(let name, let attributes, _, _) = event, name.local == element,
        let id = attributes.first(where: { $0.name.local == "id" }).flatMap({ Int($0.value) })
      {
        maximum = max(maximum, id)
      }
    }
    return maximum
  }

  static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    var index = bytes.count - needle.count
    while index >= 0 {
      if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index -= 1
    }
    return nil
  }
}

/// Byte edits of `document.xml`, applied in one pass: insertions and replacements, ordered by position and
/// priority; overlapping edits make the list inconsistent (the caller drops what it tried to add).
struct EditList {
  let document: [UInt8]
  private(set) var edits: [(range: Range<Int>, priority: Int, bytes: [UInt8])] = []
  /// Text start tags normalized to `xml:space="preserve"` (a split may leave spaces at a part's edge).
  private var preservedTags: Set<Int> = []

  init(document: [UInt8]) { self.document = document }

  mutating func add(_ range: Range<Int>, priority: Int, _ text: String) { edits.append((range, priority, Array(text.utf8))) }

  var sorted: [(range: Range<Int>, priority: Int, bytes: [UInt8])] {
    edits.sorted { ($0.range.lowerBound, $0.priority) < ($1.range.lowerBound, $1.priority) }
  }

  /// Sorted offsets of the comment anchors (zero-width insertions), and the text ranges replaced by tracked
  /// changes so far, sorted: what a new change must not overlap.
  private var anchors: [Int] = []
  private var replaced: [Range<Int>] = []
  private var tagLog: [Int] = []

  /// Called once the comments are placed: their anchors are what tracked changes must keep clear of.
  mutating func freezeAnchors() { anchors = edits.filter { $0.range.isEmpty }.map(\.range.lowerBound).sorted() }

  func checkpoint() -> (edits: Int, tags: Int) { (edits.count, tagLog.count) }

  mutating func rollback(to mark: (edits: Int, tags: Int)) {
    edits.removeLast(edits.count - mark.edits)
    for tag in tagLog[mark.tags...] { preservedTags.remove(tag) }
    tagLog.removeLast(tagLog.count - mark.tags)
  }

  /// Whether the tracked changes added since `mark` keep clear of the anchors and of earlier changes; if so
  /// they are kept (and registered), else the caller rolls back.
  mutating func acceptChanges(since mark: (edits: Int, tags: Int)) -> Bool {
    let added = edits[mark.edits...].filter { $0.priority == 5 }.map(\.range)
    for range in added {
      // An anchor strictly inside the replaced text, or an earlier change overlapping it.
      let firstAnchor = anchors.partitionPoint { $0 > range.lowerBound }
      if firstAnchor < anchors.count, anchors[firstAnchor] < range.upperBound { return false }
      let next = replaced.partitionPoint { $0.lowerBound >= range.lowerBound }
      if next < replaced.count, replaced[next].lowerBound < max(range.upperBound, range.lowerBound + 1) { return false }
      if next > 0, replaced[next - 1].upperBound > range.lowerBound { return false }
    }
    for range in added { replaced.insert(range, at: replaced.partitionPoint { $0.lowerBound >= range.lowerBound }) }
    return true
  }

  func apply() -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(document.count + edits.reduce(0) { $0 + $1.bytes.count })
    var position = 0
    for edit in sorted where edit.range.lowerBound >= position {
      output.append(contentsOf: document[position..<edit.range.lowerBound])
      output.append(contentsOf: edit.bytes)
      position = edit.range.upperBound
    }
    output.append(contentsOf: document[position...])
    return output
  }

  /// Where a rendered offset falls in a run's text: the fragment's source and the byte offset in the `w:t`
  /// content. `atEnd` prefers the fragment that ends at the offset.
  func position(_ offset: Int, rendered: RenderedNotation, atEnd: Bool) -> (source: RunSource, offset: Int)? {
    let candidates = rendered.fragments(in: offset..<offset)
    let fragment = candidates.first { atEnd ? ($0.range.lowerBound < offset && offset <= $0.range.upperBound) : ($0.range.contains(offset)) }
      ?? candidates.first { $0.range.lowerBound <= offset && offset <= $0.range.upperBound }
    guard let fragment, let source = piece(of: fragment, rendered: rendered)?.source else { return nil }
    let pieceOffset = fragment.pieceOffset + (offset - fragment.range.lowerBound)
    // Only where the raw XML is the text itself (no references), so a byte offset is a character boundary.
    guard document[source.text].elementsEqual(piece(of: fragment, rendered: rendered)!.text.utf8) else { return nil }
    return (source, pieceOffset)
  }

  func piece(of fragment: RenderedFragment, rendered: RenderedNotation) -> TextPiece? {
    let paragraphs: [OfficeParagraph]
    switch rendered.document.blocks[fragment.path.block] {
    case .paragraph(let paragraph, _): paragraphs = [paragraph]
    case .table(let table):
      guard let row = fragment.path.row, let cell = fragment.path.cell else { return nil }
      paragraphs = table.rows[row].cells[cell].paragraphs
    }
    let paragraph = paragraphs[fragment.path.paragraph]
    return paragraph.pieces[fragment.piece]
  }

  /// `</w:t></w:r>` … `<w:r …><w:rPr>…</w:rPr><w:t xml:space="preserve">`: what closes a run's text at a split
  /// and what reopens it after whatever is put between.
  func split(_ source: RunSource) -> (close: String, reopen: String) {
    let runTag = String(decoding: document[source.runTag], as: UTF8.self)
    let properties = source.properties.map { String(decoding: document[$0], as: UTF8.self) } ?? ""
    return ("</w:t></w:r>", runTag + properties + "<w:t xml:space=\"preserve\">")
  }

  mutating func preserve(_ source: RunSource) {
    guard preservedTags.insert(source.textTag.lowerBound).inserted else { return }
    tagLog.append(source.textTag.lowerBound)
    add(source.textTag, priority: 0, "<w:t xml:space=\"preserve\">")
  }

  /// Anchors for a comment on exactly `range`: positions inside run texts, with the run split around them.
  mutating func exactAnchor(_ range: Range<Int>, rendered: RenderedNotation)
    -> (start: Range<Int>, startPrefix: String, startSuffix: String, end: Range<Int>, endPrefix: String, endSuffix: String)?
  {
    guard !range.isEmpty, let start = position(range.lowerBound, rendered: rendered, atEnd: false),
      let end = position(range.upperBound, rendered: rendered, atEnd: true)
    else { return nil }
    let startSplit = split(start.source)
    let endSplit = split(end.source)
    preserve(start.source)
    preserve(end.source)
    let startAt = start.source.text.lowerBound + start.offset
    let endAt = end.source.text.lowerBound + end.offset
    return (startAt..<startAt, startSplit.close, startSplit.reopen, endAt..<endAt, endSplit.close, endSplit.reopen)
  }

  /// Adds a tracked change replacing `range` with `newText`; false when it cannot be written as one (the
  /// range leaves one run's text, or the text is not plain run text).
  mutating func trackedChange(_ range: Range<Int>, newText: String, rendered: RenderedNotation, id: inout Int, date: String) -> Bool {
    let attributes = "w:author=\"\(WordAnnotator.author)\" w:date=\"\(date)\""
    guard let start = position(range.lowerBound, rendered: rendered, atEnd: range.isEmpty),
      let end = range.isEmpty ? start : position(range.upperBound, rendered: rendered, atEnd: true),
      start.source == end.source
    else { return false }
    let text = start.source.text
    let deleted = String(decoding: document[(text.lowerBound + start.offset)..<(text.lowerBound + end.offset)], as: UTF8.self)
    let properties = start.source.properties.map { String(decoding: document[$0], as: UTF8.self) } ?? ""
    let parts = split(start.source)
    var markup = parts.close
    if !deleted.isEmpty {
      markup += "<w:del w:id=\"\(id)\" \(attributes)><w:r>\(properties)<w:delText xml:space=\"preserve\">\(XMLReader.escape(deleted))</w:delText></w:r></w:del>"
      id += 1
    }
    if !newText.isEmpty {
      markup += "<w:ins w:id=\"\(id)\" \(attributes)><w:r>\(properties)<w:t xml:space=\"preserve\">\(XMLReader.escape(newText))</w:t></w:r></w:ins>"
      id += 1
    }
    markup += parts.reopen
    preserve(start.source)
    // After every insertion at the same offset (a comment ending where the change starts).
    add((text.lowerBound + start.offset)..<(text.lowerBound + end.offset), priority: 5, markup)
    return true
  }

  /// Adds the deletion of a cell's leading line break as tracked deletions of the paragraph marks of its
  /// leading empty paragraphs (accepting them joins those paragraphs to the text after them); false when the
  /// edit is not that.
  mutating func deletedParagraphMarks(_ range: Range<Int>, newText: String, rendered: RenderedNotation, id: inout Int, date: String) -> Bool {
    guard newText.isEmpty, range.count == 1, rendered.text[range.lowerBound] == 0x0A,
      let span = rendered.span(at: range.lowerBound), span.range.lowerBound == range.lowerBound
    else { return false }
    let paragraphs = WordAnnotator.paragraphs(of: span, in: rendered.document)
    guard let firstText = paragraphs.firstIndex(where: { !$0.text.isEmpty }), firstText > 0 else { return false }
    for paragraph in paragraphs[..<firstText] {
      guard paragraph.afterStartTag >= 0 else { return false }
      let mark = "<w:del w:id=\"\(id)\" w:author=\"\(WordAnnotator.author)\" w:date=\"\(date)\"/>"
      id += 1
      if let properties = paragraph.markProperties {
        if properties.selfClosing {
          add(properties.tag, priority: 0, "<w:rPr>\(mark)</w:rPr>")
        } else {
          add(properties.tag.upperBound..<properties.tag.upperBound, priority: 0, mark)
        }
      } else if let end = paragraph.propertiesEnd {
        add(end..<end, priority: 0, "<w:rPr>\(mark)</w:rPr>")
      } else {
        add(paragraph.afterStartTag..<paragraph.afterStartTag, priority: 0, "<w:pPr><w:rPr>\(mark)</w:rPr></w:pPr>")
      }
    }
    return true
  }
}

