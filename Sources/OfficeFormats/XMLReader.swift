/// A small pull reader for the XML of office parts, over bytes, keeping each event's byte range (so a
/// writer can change a part surgically and copy everything else as it was).
///
/// Safe by construction: a DOCTYPE (and so any DTD or entity declaration) is refused, only the five predefined
/// entities and character references are expanded, nesting deeper than `maximumDepth` is refused, and the
/// reader never recurses. Namespaces are resolved (prefixes are whatever the part declares). Comments and
/// processing instructions are skipped.
public struct XMLReader {
  /// A namespace-resolved name.
  public struct Name: Equatable, Sendable {
    public let namespace: String
    public let local: String

    public init(namespace: String, local: String) {
      self.namespace = namespace
      self.local = local
    }
  }

  /// An attribute, its value decoded.
  public struct Attribute: Sendable {
    public let name: Name
    public let value: String
  }

  /// What the reader found next.
  public enum Event {
    /// A start tag (`selfClosing` for `<x/>`, which has no matching `end`); `range` covers the whole tag.
    case start(Name, [Attribute], selfClosing: Bool, range: Range<Int>)
    /// An end tag; `range` covers it.
    case end(Name, range: Range<Int>)
    /// Character data: `range` covers the raw bytes (with references still in them unless `isCDATA`).
    case text(range: Range<Int>, isCDATA: Bool)
  }

  /// Nesting deeper than this is refused (real documents stay far below; nested tables add about 4 a level).
  public static let maximumDepth = 512

  public let bytes: [UInt8]
  let part: String
  private(set) var position = 0
  private var scopes: [[(prefix: String, uri: String)]] = []
  private var openNames: [Name] = []
  /// Current element depth.
  public var depth: Int { openNames.count }

  public init(bytes: [UInt8], part: String) {
    self.bytes = bytes
    self.part = part
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  private func failure(_ reason: String) -> OfficeError { .badXML(part: part, reason: reason + " (byte \(position))") }

  /// The next event, or nil at the end of the part.
  public mutating func next() throws(OfficeError) -> Event? {
    let count = bytes.count
    while position < count {
      if bytes[position] != 0x3C {  // character data up to the next '<'
        let start = position
        while position < count, bytes[position] != 0x3C { position += 1 }
        if openNames.isEmpty {
          guard bytes[start..<position].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw failure("text outside the root element")
          }
          continue
        }
        return .text(range: start..<position, isCDATA: false)
      }
      guard position + 1 < count else { throw failure("unexpected end of the part") }
      let second = bytes[position + 1]
      if second == 0x3F {  // <? … ?>
        try skip(past: [0x3F, 0x3E])
        continue
      }
      if second == 0x21 {  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
        if matches("<!--") {
          try skip(past: [0x2D, 0x2D, 0x3E])
          continue
        }
        if matches("<![CDATA[") {
          let start = position + 9
          position = start
          try skip(past: [0x5D, 0x5D, 0x3E])
          guard !openNames.isEmpty else { throw failure("CDATA outside the root element") }
          return .text(range: start..<(position - 3), isCDATA: true)
        }
        throw failure("a DOCTYPE or DTD declaration (refused: no DTDs or entity declarations in office parts)")
      }
      if second == 0x2F { return try endTag() }
      return try startTag()
    }
    guard openNames.isEmpty else { throw failure("the part ends inside <\(openNames.last!.local)>") }
    return nil
  }

  /// Skips the rest of the element whose start tag was just read (not self-closing).
  public mutating func skipElement() throws(OfficeError) {
    let target = depth - 1
    while depth > target {
      guard try next() != nil else { throw failure("unexpected end of the part") }
    }
  }

  private func matches(_ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard position + length <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<length where bytes[position + offset] != pointer[offset] { return false }
    return true
  }

  private mutating func skip(past terminator: [UInt8]) throws(OfficeError) {
    let count = bytes.count
    while position + terminator.count <= count {
      if bytes[position] == terminator[0] {
        var found = true
        for offset in 1..<terminator.count where bytes[position + offset] != terminator[offset] {
          found = false
          break
        }
        if found {
          position += terminator.count
          return
        }
      }
      position += 1
    }
    throw failure("unterminated markup")
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F || byte == 0x3E || byte == 0x3D
      || byte == 0x3C || byte == 0x22 || byte == 0x27)
  }

  private mutating func rawName() throws(OfficeError) -> (prefix: String, local: String) {
    let start = position
    var colon = -1
    while position < bytes.count, XMLReader.isNameByte(bytes[position]) {
      if bytes[position] == 0x3A, colon < 0 { colon = position }
      position += 1
    }
    guard position > start else { throw failure("a tag without a name") }
    if colon < 0 { return ("", String(decoding: bytes[start..<position], as: UTF8.self)) }
    return (String(decoding: bytes[start..<colon], as: UTF8.self), String(decoding: bytes[(colon + 1)..<position], as: UTF8.self))
  }

  private mutating func skipSpace() {
    while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A || bytes[position] == 0x0D {
      position += 1
    }
  }

  private func resolve(_ prefix: String, isAttribute: Bool) throws(OfficeError) -> String {
    if prefix.isEmpty && isAttribute { return "" }
    if prefix == "xml" { return "http://www.w3.org/XML/1998/namespace" }
    for scope in scopes.reversed() {
      for declaration in scope.reversed() where declaration.prefix == prefix { return declaration.uri }
    }
    if prefix.isEmpty { return "" }
    throw failure("undeclared namespace prefix '\(prefix)'")
  }

  private mutating func startTag() throws(OfficeError) -> Event {
    let tagStart = position
    position += 1
    let name = try rawName()
    var raw: [(prefix: String, local: String, value: String)] = []
    var declarations: [(prefix: String, uri: String)] = []
    var selfClosing = false
    while true {
      skipSpace()
      guard position < bytes.count else { throw failure("unterminated start tag <\(name.local)>") }
      if bytes[position] == 0x3E {
        position += 1
        break
      }
      if bytes[position] == 0x2F {
        guard position + 1 < bytes.count, bytes[position + 1] == 0x3E else { throw failure("stray '/' in a tag") }
        position += 2
        selfClosing = true
        break
      }
      let attribute = try rawName()
      skipSpace()
      guard position < bytes.count, bytes[position] == 0x3D else { throw failure("attribute \(attribute.local) without a value") }
      position += 1
      skipSpace()
      guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
        throw failure("attribute value without quotes")
      }
      let quote = bytes[position]
      position += 1
      let valueStart = position
      while position < bytes.count, bytes[position] != quote {
        if bytes[position] == 0x3C { throw failure("'<' in an attribute value") }
        position += 1
      }
      guard position < bytes.count else { throw failure("unterminated attribute value") }
      let value = try XMLReader.decode(bytes[valueStart..<position], part: part)
      position += 1
      if attribute.prefix == "xmlns" {
        declarations.append((attribute.local, value))
      } else if attribute.prefix.isEmpty && attribute.local == "xmlns" {
        declarations.append(("", value))
      } else {
        raw.append((attribute.prefix, attribute.local, value))
      }
    }
    scopes.append(declarations)
    var attributes: [Attribute] = []
    attributes.reserveCapacity(raw.count)
    for item in raw {
      attributes.append(Attribute(name: Name(namespace: try resolve(item.prefix, isAttribute: true), local: item.local), value: item.value))
    }
    let resolved = Name(namespace: try resolve(name.prefix, isAttribute: false), local: name.local)
    if selfClosing {
      scopes.removeLast()
    } else {
      guard openNames.count < XMLReader.maximumDepth else {
        throw failure("elements nested deeper than \(XMLReader.maximumDepth) levels")
      }
      openNames.append(resolved)
    }
    return .start(resolved, attributes, selfClosing: selfClosing, range: tagStart..<position)
  }

  private mutating func endTag() throws(OfficeError) -> Event {
    let tagStart = position
    position += 2
    let name = try rawName()
    skipSpace()
    guard position < bytes.count, bytes[position] == 0x3E else { throw failure("unterminated end tag") }
    position += 1
    let resolved = Name(namespace: try resolve(name.prefix, isAttribute: false), local: name.local)
    guard let open = openNames.last, open == resolved else {
      throw failure("end tag </\(name.local)> does not match the open element")
    }
    openNames.removeLast()
    scopes.removeLast()
    return .end(resolved, range: tagStart..<position)
  }

  /// Decodes character data or an attribute value: the five predefined entities and character references;
  /// line ends normalized to LF as XML requires. Any other entity is an error (there is no DTD to define it).
  public static func decode(_ raw: ArraySlice<UInt8>, part: String) throws(OfficeError) -> String {
    if !raw.contains(0x26) && !raw.contains(0x0D) { return String(decoding: raw, as: UTF8.self) }
    var output: [UInt8] = []
    output.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
      let byte = raw[index]
      if byte == 0x0D {
        output.append(0x0A)
        index += 1
        if index < raw.endIndex, raw[index] == 0x0A { index += 1 }
        continue
      }
      guard byte == 0x26 else {
        output.append(byte)
        index += 1
        continue
      }
      guard let semicolon = raw[index...].prefix(12).firstIndex(of: 0x3B) else {
        throw .badXML(part: part, reason: "a bare '&' (unterminated reference)")
      }
      let name = String(decoding: raw[(index + 1)..<semicolon], as: UTF8.self)
      switch name {
      case "lt": output.append(0x3C)
      case "gt": output.append(0x3E)
      case "amp": output.append(0x26)
      case "apos": output.append(0x27)
      case "quot": output.append(0x22)
      default:
        var value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
          value = UInt32(name.dropFirst(), radix: 10)
        } else {
          throw .badXML(part: part, reason: "entity &\(name); (refused: only the predefined entities are expanded)")
        }
        guard let value, let scalar = Unicode.Scalar(value), value != 0 else {
          throw .badXML(part: part, reason: "bad character reference &\(name);")
        }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
      }
      index = semicolon + 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Escapes text for character data.
  public static func escape(_ text: String, attribute: Bool = false) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "&": output += "&amp;"
      case "\"" where attribute: output += "&quot;"
      case "\n" where attribute: output += "&#10;"
      default:
        // Characters XML 1.0 cannot carry are dropped.
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
