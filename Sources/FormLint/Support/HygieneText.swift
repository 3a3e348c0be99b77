import FormModel
import FormSyntax

/// A cell as the hygiene rules scan it: its text and where it sits.
struct HygieneCell {
  /// Byte range of the cell's text (relative to the form node).
  let range: Range<Int>
  /// The text, inner line breaks included.
  let text: String
  /// Text offsets to node offsets.
  let map: CellTextMap
  /// Whether the cell belongs to the review block (财政局审核意见 down to the signature line).
  let isReview: Bool

  /// The text's scalars with their UTF-8 offsets into `text`, decoded when asked: the rules that walk them ask
  /// only for cells a byte test has let through.
  var scalars: [(scalar: Unicode.Scalar, offset: Int)] { HygieneText.scalars(text) }

  init(content: CellContent, isReview: Bool) {
    range = content.range
    text = content.text
    map = content.map
    self.isReview = isReview
  }

  /// A node-relative range for a range relative to the cell's text.
  func nodeRange(_ inner: Range<Int>) -> Range<Int> { map.nodeRange(inner) }
}

/// Text walking shared by the 5xx rules, which look at bytes the model's trimmed views hide.
enum HygieneText {
  /// Every cell of a form, in order, flagged when it belongs to the review block.
  static func cells(of form: Form) -> [HygieneCell] {
    let node = form.node
    let review = Set(form.reviewRows)
    var result: [HygieneCell] = []
    for (rowIndex, row) in node.rows.enumerated() {
      for cell in node.cells(of: row) {
        result.append(HygieneCell(content: node.content(ofCell: cell), isReview: review.contains(rowIndex)))
      }
    }
    return result
  }

  /// The scalars of `text` with their UTF-8 offsets.
  static func scalars(_ text: String) -> [(scalar: Unicode.Scalar, offset: Int)] {
    // Decoded from the UTF-8 by hand (Swift strings are valid UTF-8), into storage reserved once.
    TextClean.withBytes(text) { bytes in
      var result: [(scalar: Unicode.Scalar, offset: Int)] = []
      result.reserveCapacity(bytes.count)
      var offset = 0
      while offset < bytes.count {
        let lead = UInt32(bytes[offset])
        let value: UInt32
        let width: Int
        if lead < 0x80 {
          (value, width) = (lead, 1)
        } else if lead < 0xE0 {
          (value, width) = ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
          (value, width) = ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        } else {
          value = (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
          width = 4
        }
        result.append((Unicode.Scalar(value).unsafelyUnwrapped, offset))
        offset += width
      }
      return result
    }
  }

  /// Whether `text` holds whitespace that does not end a line (`isInlineSpace`).
  static func hasInlineSpace(_ text: String) -> Bool {
    TextClean.withBytes(text) { bytes in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte != 0x0A && byte != 0x0D && TextClean.spaceWidth(bytes, at: index) > 0 { return true }
        index += 1
      }
      return false
    }
  }

  /// Whitespace that does not end a line: space, TAB, U+3000, NBSP and the other Unicode spaces.
  static func isInlineSpace(_ scalar: Unicode.Scalar) -> Bool {
    TextClean.isSpace(scalar) && scalar != "\n" && scalar != "\r"
  }

  /// The scalars of `text` with every line break (CRLF, CR or LF) as one LF, so that messages name a break the
  /// same way in every line-ending style (a lone CR used to vanish from them).
  private static func lineBreaksAsLF(_ text: String) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    var afterCR = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" && afterCR {
        afterCR = false
        continue
      }
      afterCR = scalar == "\r"
      scalars.append(afterCR ? "\n" : scalar)
    }
    return scalars
  }

  /// A short quoted excerpt of `text` for messages (whitespace made visible).
  static func visible(_ text: String) -> String {
    var result = ""
    for scalar in lineBreaksAsLF(text) {
      switch scalar {
      case "\u{3000}": result += "<全角空格>"
      case "\u{A0}": result += "<NBSP>"
      case "\t": result += "<TAB>"
      case "\r": continue
      case "\n": result += "<换行>"
      case " ": result += "<空格>"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// English names of the whitespace in `text`, for messages.
  static func visibleEnglish(_ text: String) -> String {
    var names: [String] = []
    for scalar in lineBreaksAsLF(text) {
      let name: String
      switch scalar {
      case "\u{3000}": name = "U+3000"
      case "\u{A0}": name = "NBSP"
      case "\t": name = "TAB"
      case "\r": continue
      case "\n": name = "line break"
      case " ": name = "space"
      default: name = "U+" + String(scalar.value, radix: 16, uppercase: true)
      }
      if names.last != name || name == "line break" { names.append(name) }
    }
    return names.joined(separator: " + ")
  }
}
