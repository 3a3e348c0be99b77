import Foundation

/// An indicator taxonomy: the 一级/二级 categories a form is checked against, and the header labels.
///
/// Labels and categories live here, not as literals in rules. See RULES.md ("profile").
public struct Profile: Sendable, Equatable {
  /// The profile's identifier, as written in configuration (`hunan-2021`, `mof-2015`, `mof-2021`).
  public let id: ProfileID
  /// 一级 categories with their 二级 categories, in template order (canonical names, without 指标).
  public let categories: [(level1: String, level2: [String])]
  /// 二级 categories that must have a row.
  public let required: [String]
  /// Groups of 二级 categories of which at least one must have a row (the 效益 group).
  public let requiredOneOf: [[String]]
  /// 二级 categories that should have a row (a warning when missing).
  public let recommended: [String]
  /// Other templates' names of a 二级 category, read as this profile's own where it belongs: the county template's
  /// 社会公众或服务对象满意度 is the 88号 服务对象满意度 under 满意度指标.
  public var aliases: [String: String] = [:]

  public static func == (lhs: Profile, rhs: Profile) -> Bool { lhs.id == rhs.id }

  /// The profile for an identifier.
  public static func named(_ id: ProfileID) -> Profile {
    switch id {
    case .hunan2021: return hunan2021
    case .mof2015: return mof2015
    case .mof2021: return mof2021
    }
  }

  static let benefits = ["经济效益", "社会效益", "生态效益", "可持续影响"]

  /// The seed's template (Hunan county forms, 财预〔2015〕88号 era): satisfaction is a 二级 under 效益.
  public static let hunan2021 = Profile(
    id: .hunan2021,
    categories: [
      ("产出", ["数量", "质量", "时效", "成本"]),
      ("效益", benefits + ["社会公众或服务对象满意度"]),
    ],
    required: ["数量", "质量", "时效", "成本", "社会公众或服务对象满意度"],
    requiredOneOf: [benefits], recommended: benefits)

  /// 财预〔2015〕88号: satisfaction is its own 一级.
  public static let mof2015 = Profile(
    id: .mof2015,
    categories: [("产出", ["数量", "质量", "时效", "成本"]), ("效益", benefits), ("满意度", ["服务对象满意度"])],
    required: ["数量", "质量", "时效", "成本", "服务对象满意度"], requiredOneOf: [benefits], recommended: benefits,
    aliases: ["社会公众或服务对象满意度": "服务对象满意度"])

  /// 财预〔2021〕101号: cost is its own 一级 with three 二级.
  public static let mof2021 = Profile(
    id: .mof2021,
    categories: [
      ("成本", ["经济成本", "社会成本", "生态环境成本"]), ("产出", ["数量", "质量", "时效"]), ("效益", benefits),
      ("满意度", ["服务对象满意度"]),
    ],
    required: ["经济成本", "数量", "质量", "时效", "服务对象满意度"], requiredOneOf: [benefits], recommended: benefits,
    aliases: ["社会公众或服务对象满意度": "服务对象满意度"])

  /// Every known profile.
  public static let all: [Profile] = [hunan2021, mof2015, mof2021]

  /// Synonyms mapped to canonical names (after whitespace and a trailing 指标 are removed).
  static let synonyms: [String: String] = [
    "环境效益": "生态效益", "产出数量": "数量", "产出质量": "质量", "产出时效": "时效", "产出成本": "成本", "效果": "效益",
    "预期产出": "产出", "预算控制": "成本", "投资规模控制": "成本", "预期效益": "效益", "经济成本指": "经济成本",
  ]

  /// The member of a requiredOneOf group a skeleton row is inserted for: the profile's `preferred` one when the
  /// group holds it, else the first.
  public func preferredOfGroup(_ group: [String]) -> String {
    group.first { Profile.preferredBenefit == $0 } ?? group[0]
  }

  /// The benefit category most forms have (社会效益): the one a missing-benefit skeleton names.
  static let preferredBenefit = benefits[1]

  /// The canonical 一级 names.
  public var level1Names: [String] { categories.map(\.level1) }

  /// Every canonical 二级 name.
  public var level2Names: [String] { categories.flatMap(\.level2) }

  /// The canonical 一级 for a label, or nil when the profile does not know it.
  public func level1(for label: String) -> String? {
    let key = Profile.canonicalLabel(label)
    return level1Names.first { $0 == key }
  }

  /// The canonical 二级 for a label under a 一级 (or under any 一级 when `level1` is nil).
  /// `aliases` are a template family's own names of the profile's categories (`TemplateCatalog`).
  public func level2(for label: String, under level1: String? = nil, aliases: [String: String] = [:]) -> String? {
    level2Categories(for: label, under: level1, aliases: aliases).first
  }

  /// Every canonical 二级 a label names under a 一级: one for most labels, several for a label that lists them
  /// (`社会、经济、生态效益指标` → 社会效益, 经济效益, 生态效益); empty when the profile does not know it.
  public func level2Categories(for label: String, under level1: String? = nil, aliases: [String: String] = [:]) -> [String] {
    let key = Profile.canonicalLabel(label)
    if let known = knownLevel2(key, under: level1, aliases: aliases) { return [known] }
    // A list of categories sharing the last one's ending: `社会、经济、生态效益` is 社会效益, 经济效益 and 生态效益.
    let parts = key.split { Profile.listSeparators.contains($0) }.map(String.init)
    guard parts.count > 1, let last = parts.last, let lastKnown = knownLevel2(last, under: level1, aliases: aliases) else {
      return []
    }
    var result: [String] = []
    for part in parts.dropLast() {
      let endings = (0..<last.count).map { String(last.suffix($0)) }
      guard let known = endings.lazy.compactMap({ self.knownLevel2(part + $0, under: level1, aliases: aliases) }).first else { return [] }
      if !result.contains(known) { result.append(known) }
    }
    return result.contains(lastKnown) ? result : result + [lastKnown]
  }

  /// Characters that separate the categories a combined label lists.
  static let listSeparators: Set<Character> = ["、", "，", ",", "/", "／", "和", "及", "与"]

  private func knownLevel2(_ key: String, under level1: String?, aliases: [String: String]) -> String? {
    let name = aliases[key] ?? self.aliases[key] ?? key
    for category in categories where level1 == nil || category.level1 == level1 {
      if category.level2.contains(name) { return name }
    }
    return nil
  }

  /// The 一级 a 二级 belongs to.
  public func parent(ofLevel2 name: String) -> String? { categories.first { $0.level2.contains(name) }?.level1 }

  /// A label with whitespace (incl. U+3000 and line breaks) and a trailing 指标 removed, synonyms resolved.
  public static func canonicalLabel(_ label: String) -> String {
    // Every label cell of every form, and forms repeat their labels: remembered by bytes (`ByteMemo`).
    canonicalMemo.value(for: label) { computeCanonicalLabel(label) }
  }

  private static let canonicalMemo = ByteMemo<String>()

  private static func computeCanonicalLabel(_ label: String) -> String {
    // Byte-level: this runs for every label cell of every form, and String operations per scalar cost
    // ~20× more (measured with callgrind in Documentation/PERFORMANCE.md).
    if isCanonicalAsWritten(label) { return synonyms[label] ?? label }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(label.utf8.count)
    let utf8 = Array(label.utf8)
    var index = 0
    var depth = 0
    while index < utf8.count {
      let width = TextClean.spaceWidth(utf8, at: index)
      if width > 0 {
        index += width
        continue
      }
      // Parenthesised notes (`数量指标(或建筑规模指标)`, `成本指标（0-20分）`) and a ★ mark are not part of a label.
      let byte = utf8[index]
      let isFullWidth = byte == 0xEF && index + 2 < utf8.count && utf8[index + 1] == 0xBC
      if byte == 0x28 || (isFullWidth && utf8[index + 2] == 0x88) {
        depth += 1
        index += byte == 0x28 ? 1 : 3
        continue
      }
      if byte == 0x29 || (isFullWidth && utf8[index + 2] == 0x89) {
        depth = max(depth - 1, 0)
        index += byte == 0x29 ? 1 : 3
        continue
      }
      if byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x98 && (utf8[index + 2] == 0x85 || utf8[index + 2] == 0x86) {
        index += 3
        continue
      }
      if depth == 0 { bytes.append(byte) }
      index += 1
    }
    let suffix: [UInt8] = [0xE6, 0x8C, 0x87, 0xE6, 0xA0, 0x87]  // 指标
    if bytes.count > suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) { bytes.removeLast(suffix.count) }
    let text = String(decoding: bytes, as: UTF8.self)
    return synonyms[text] ?? text
  }

  /// Whether `canonicalLabel` would keep every byte of a label: no whitespace, parenthesis or ★/☆, no trailing 指标
  /// (most labels a form repeats are already canonical: the rules' own names and the model's canonical names).
  static func isCanonicalAsWritten(_ label: String) -> Bool {
    TextClean.withBytes(label) { utf8 in
      for index in utf8.indices {
        let byte = utf8[index]
        switch byte {
        case 0x28, 0x29: return false
        case 0x20, 0x09...0x0D, 0xC2, 0xE2, 0xE3, 0xEF:
          if TextClean.spaceWidth(utf8, at: index) > 0 { return false }
          if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x98, utf8[index + 2] == 0x85 || utf8[index + 2] == 0x86 {
            return false
          }
          if byte == 0xEF, index + 2 < utf8.count, utf8[index + 1] == 0xBC, utf8[index + 2] == 0x88 || utf8[index + 2] == 0x89 {
            return false
          }
        default: continue
        }
      }
      let suffix: [UInt8] = [0xE6, 0x8C, 0x87, 0xE6, 0xA0, 0x87]  // 指标
      return !(utf8.count > suffix.count && utf8.suffix(suffix.count).elementsEqual(suffix))
    }
  }
}

/// The identifier of a profile.
public enum ProfileID: String, Sendable, CaseIterable, Codable {
  /// Hunan county template of 2021.
  case hunan2021 = "hunan-2021"
  /// 财预〔2015〕88号.
  case mof2015 = "mof-2015"
  /// 财预〔2021〕101号.
  case mof2021 = "mof-2021"
}

/// Whitespace handling shared by the model and the rules.
public enum TextClean {
  /// Space, TAB, U+3000, NBSP, CR, LF and other Unicode white space.
  public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x2000...0x200B: return true
    default: return false
    }
  }

  /// The UTF-8 length of the whitespace character starting at `index` (as `isSpace` defines it), or 0.
  public static func spaceWidth(_ bytes: [UInt8], at index: Int) -> Int {
    bytes.withUnsafeBufferPointer { spaceWidth($0, at: index) }
  }

  /// The first offset of `needle` in `bytes` at or after `start` (a plain UTF-8 byte search; on valid UTF-8
  /// a match of a valid needle always starts on a character boundary).
  public static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
    bytes.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: start) }
  }

  /// `firstIndex(of:in:from:)` on a buffer.
  public static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    needle.withUnsafeBufferPointer { firstIndex(of: $0, in: bytes, from: start) }
  }

  /// `firstIndex(of:in:from:)` with the needle in a buffer (a word's own UTF-8: no array built per search).
  public static func firstIndex(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count, let base = bytes.baseAddress else { return nil }
    var index = max(start, 0)
    let last = bytes.count - needle.count
    while index <= last {
      // The C library's `memchr` finds the next candidate first byte (vectorised; a byte loop was ~4 instructions
      // a byte, and every cell of every row is searched for the 一级 heading).
      guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
      index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
      var matched = true
      for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
        matched = false
        break
      }
      if matched { return index }
      index += 1
    }
    return nil
  }

  /// Whether `text` contains `word`, by UTF-8 byte search (no Foundation bridging, no copy of `text`).
  public static func contains(_ text: String, _ word: String) -> Bool {
    withBytes(word) { needle in withBytes(text) { firstIndex(of: needle, in: $0) != nil } }
  }

  /// The text without leading and trailing whitespace. A text with none is returned as it is (no copy).
  public static func trimmed(_ text: String) -> String {
    let range = trimmedRange(text)
    if range.count == text.utf8.count { return text }
    guard !range.isEmpty else { return "" }
    return withBytes(text) { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }

  /// The text with every whitespace removed. A text with none is returned as it is (no copy).
  public static func squeezed(_ text: String) -> String {
    withBytes(text) { bytes in
      var index = 0
      while index < bytes.count && spaceWidth(bytes, at: index) == 0 { index += 1 }
      return index == bytes.count ? text : String(decoding: squeezed(bytes, from: index), as: UTF8.self)
    }
  }

  /// The UTF-8 of `text` with every whitespace removed.
  public static func squeezedBytes(_ text: String) -> [UInt8] { withBytes(text) { squeezed($0, from: 0) } }

  /// The bytes with every whitespace removed, the first `start` bytes (which hold none) kept as they are.
  private static func squeezed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [UInt8] {
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<start]))
    var index = start
    while index < bytes.count {
      let width = spaceWidth(bytes, at: index)
      if width > 0 {
        index += width
      } else {
        kept.append(bytes[index])
        index += 1
      }
    }
    return kept
  }

  /// The UTF-8 range of `text` without leading and trailing whitespace (empty at the end for blank text).
  public static func trimmedRange(_ text: String) -> Range<Int> {
    withBytes(text) { trimmedRange($0) }
  }

  /// `trimmedRange` of UTF-8 bytes: whitespace skipped from the start, then from the end scalar by scalar (a
  /// scalar is whitespace when `spaceWidth` at its lead byte is its whole length); the middle is not read.
  static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = 0
    while start < bytes.count, case let width = spaceWidth(bytes, at: start), width > 0 { start += width }
    guard start < bytes.count else { return bytes.count..<bytes.count }
    var end = bytes.count
    while end > start {
      var lead = end - 1
      while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
      guard spaceWidth(bytes, at: lead) == end - lead else { break }
      end = lead
    }
    return start..<end
  }

  /// Whether a (squeezed) cell text ends with 审核意见, the review block's labels (财政局审核意见 …): what
  /// `text.hasSuffix("审核意见")` says, by a byte comparison. `hasSuffix` compares characters: the bytes decide
  /// unless the scalar before the word could join it in one character (a prepended mark; none is ASCII or in
  /// U+3000–U+9FFF), and no other scalar is canonically equivalent to one of the word's (`TextCleanTests`).
  static func hasReviewSuffix(_ text: String) -> Bool {
    let word = reviewWord
    let decided: Bool? = withBytes(text) { bytes in
      guard bytes.count >= word.count else { return false }
      let start = bytes.count - word.count
      for offset in word.indices where bytes[start + offset] != word[offset] { return false }
      var lead = start - 1
      while lead >= 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
      guard lead >= 0 else { return true }
      return bytes[lead] < 0x80 || (0xE3...0xE9).contains(bytes[lead]) ? true : nil
    }
    return decided ?? text.hasSuffix("审核意见")
  }

  static let reviewWord = Array("审核意见".utf8)

  /// Whether `trimmed(text)` is, byte for byte, `word`; `trimmed(text) == word` for a word with no canonically
  /// equivalent spelling (the caller's to check: `FormReaderTests`).
  static func trimmedEquals(_ text: String, _ word: [UInt8]) -> Bool {
    withBytes(text) { bytes in
      guard bytes.count >= word.count else { return false }
      var start = 0
      while start < bytes.count, case let width = spaceWidth(bytes, at: start), width > 0 { start += width }
      guard bytes.count - start >= word.count else { return false }
      for offset in word.indices where bytes[start + offset] != word[offset] { return false }
      var end = start + word.count
      while end < bytes.count, case let width = spaceWidth(bytes, at: end), width > 0 { end += width }
      return end == bytes.count
    }
  }

  /// Whether the scalar whose UTF-8 starts at `lead` stands alone as a character whatever follows or precedes it,
  /// and compares with `String` semantics as its bytes do: ASCII but CR, Latin up to U+02FF, and the punctuation,
  /// symbols, CJK and full-width forms of U+2010–U+9FFF and U+FF01–U+FF9D (no combining, prepended or joining
  /// marks, no Hangul jamo). Text made of such scalars splits into characters scalar by scalar, and two such texts
  /// are equal as `String`s exactly when their bytes are: the six scalars of those ranges that are canonically
  /// equivalent to other text (Ω K Å U+2126, U+212A, U+212B; 〈 〉 U+2329, U+232A; U+2ADC) are left out
  /// (ByteTestTests in FormLintTests checks every accepted scalar).
  static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at lead: Int) -> Bool {
    let byte = bytes[lead]
    if byte < 0x80 { return byte != 0x0D }
    if byte < 0xCC { return byte >= 0xC2 }
    // Leads E5–E9 are U+5000–U+9FFF, all CJK ideographs (most of a form's text).
    if byte >= 0xE5 && byte <= 0xE9 { return lead + 2 < bytes.count }
    guard byte >= 0xE0 && byte < 0xF0, lead + 2 < bytes.count else { return false }
    let value = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[lead + 1] & 0x3F) << 6) | UInt32(bytes[lead + 2] & 0x3F)
    switch value {
    case 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC: return false
    case 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,
      0x3100...0x312F, 0x3190...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D:
      return true
    default: return false
    }
  }

  /// Whether every scalar of `text` is a character of its own and compares as its bytes do (`standsAlone`): then
  /// a byte loop over the text sees what a `Character` loop sees.
  public static func scalarsStandAlone(_ text: String) -> Bool { withBytes(text) { standsAlone($0) } }

  /// Whether every scalar of the bytes `standsAlone`.
  static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        guard byte != 0x0D else { return false }
        index += 1
        continue
      }
      // The common case first, as `standsAlone(_:at:)` answers it: U+4000–U+9FFF (lead bytes E4–E9) are CJK
      // ideographs, all accepted but U+4DC0–U+4DFF (E4 B7 xx).
      if byte >= 0xE4 && byte <= 0xE9 && index + 2 < bytes.count && (byte != 0xE4 || bytes[index + 1] != 0xB7) {
        index += 3
        continue
      }
      guard standsAlone(bytes, at: index) else { return false }
      index += scalarWidth(lead: byte)
    }
    return true
  }

  /// Whether a text holds only whitespace (as `isSpace` defines it): `trimmed(text).isEmpty`, without a copy.
  public static func isBlank(_ text: String) -> Bool {
    withBytes(text) { bytes in
      var index = 0
      while index < bytes.count {
        let width = spaceWidth(bytes, at: index)
        if width == 0 { return false }
        index += width
      }
      return true
    }
  }

  /// The UTF-8 length of the scalar a lead byte starts (valid UTF-8).
  @inlinable
  public static func scalarWidth(lead byte: UInt8) -> Int { byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4 }

  /// Runs `body` on the UTF-8 of `text` (contiguous for native strings; copied otherwise).
  @inlinable
  public static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// `spaceWidth` on a buffer: the UTF-8 length of the whitespace character at `index` (as `isSpace`), or 0.
  @inlinable
  public static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return 1
    case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
    case 0xE3: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
    case 0xEF: return index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0
    case 0xE2:
      return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0x80...0x8B).contains(bytes[index + 2]) ? 3 : 0
    default: return 0
    }
  }
}

/// What an indicator category is for, whatever a profile or template calls it: the rules ask for roles, never
/// for labels (ARCHITECTURE.md invariant; `CategoryRoleTests` checks that rules hold no category literal).
public enum CategoryRole: String, Sendable, CaseIterable {
  /// 数量指标.
  case quantity
  /// 质量指标.
  case quality
  /// 时效指标.
  case timeliness
  /// 成本指标 stated in money: a 二级 under 产出, or the 一级 of mof-2021 and its 经济成本.
  case cost
  /// mof-2021's 社会成本 and 生态环境成本: costs that may be stated without money (财预〔2021〕101号), so the
  /// money rules (JX202, JX301–JX303) do not read them.
  case qualitativeCost
  /// 效益指标 and its 二级.
  case benefit
  /// 满意度 (社会公众或服务对象满意度, 服务对象满意度, the 一级 满意度指标).
  case satisfaction

  /// Canonical category names (as `Profile.canonicalLabel` gives them) per role, and name endings that also
  /// give the role (`…满意度`).
  static let names: [CategoryRole: (exact: [String], suffixes: [String])] = [
    .quantity: (["数量"], []), .quality: (["质量"], []), .timeliness: (["时效"], []),
    .cost: (["成本", "经济成本"], []), .qualitativeCost: (["社会成本", "生态环境成本"], []),
    .benefit: (["效益", "经济效益", "社会效益", "生态效益", "可持续影响"], []),
    .satisfaction: (["满意度", "社会公众或服务对象满意度", "服务对象满意度"], ["满意度"]),
  ]

  /// The role of a canonical category name (or of any label, after `Profile.canonicalLabel`).
  public static func of(_ category: String) -> CategoryRole? {
    memo.value(for: category) { computeOf(category) }
  }

  private static let memo = ByteMemo<CategoryRole?>()

  private static func computeOf(_ category: String) -> CategoryRole? {
    let key = Profile.canonicalLabel(category)
    if let exact = exactRoles[key] { return exact }
    return names.first { entry in entry.value.suffixes.contains { key.hasSuffix($0) } }?.key
  }

  /// `names`' exact names → role, looked up once per call instead of searched (each name has one role).
  static let exactRoles: [String: CategoryRole] = Dictionary(
    names.flatMap { entry in entry.value.exact.map { ($0, entry.key) } }, uniquingKeysWith: { first, _ in first })

  /// The role of an indicator row: its 二级's, else its 一级's (a 一级 成本指标 or 满意度指标 of its own). Built
  /// forms hold it (`IndicatorRow.role`); this decides it from the labels.
  static func role(of row: IndicatorRow) -> CategoryRole? {
    let level2 = row.level2.canonical ?? (row.level2.text.isEmpty ? nil : row.level2.text)
    let level1 = row.level1.canonical ?? (row.level1.text.isEmpty ? nil : row.level1.text)
    if let level2, let role = of(level2), role != .benefit || level1.flatMap(of) != .satisfaction { return role }
    if let level1, let role = of(level1), role == .cost || role == .satisfaction { return role }
    return nil
  }

  /// Whether a text (an indicator's name) mentions the role by one of its name endings (`群众满意度调查`).
  public static func mentions(_ text: String, _ role: CategoryRole) -> Bool {
    (names[role]?.suffixes ?? []).contains { TextClean.contains(text, $0) }
  }

  /// The role's main canonical name in a profile (`成本` in hunan-2021, `经济成本` in mof-2021), for messages.
  public func name(in profile: Profile) -> String? {
    let exact = CategoryRole.names[self]?.exact ?? []
    return profile.level2Names.first { exact.contains($0) } ?? profile.level1Names.first { exact.contains($0) }
  }
}
