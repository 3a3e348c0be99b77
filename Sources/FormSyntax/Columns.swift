/// The unit in which a column is counted.
public enum ColumnUnit: Sendable {
  /// UTF-8 bytes (LSP `utf-8`).
  case utf8
  /// UTF-16 code units (LSP `utf-16`, the default of most editors).
  case utf16
  /// Unicode scalars (LSP `utf-32`; the CLI's columns).
  case scalar
}

/// Column arithmetic over UTF-8 bytes, shared by the line index and the syntax tree.
public enum Columns {
  /// Number of `unit`s in `bytes[range]`. Bytes of a malformed sequence count one unit each.
  public static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in unit: ColumnUnit) -> Int {
    if unit == .utf8 { return range.count }
    var columns = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let (length, units) = scalarWidth(bytes, index, range.upperBound, unit)
      columns += units
      index += length
    }
    return columns
  }

  /// The offset reached by advancing `columns` units from `range.lowerBound`, clamped to `range`.
  ///
  /// A column that falls inside a character (the second half of a surrogate pair) snaps to the start of
  /// that character.
  public static func offset(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, advancing columns: Int, in unit: ColumnUnit
  ) -> Int {
    if unit == .utf8 {
      // No `lowerBound + columns`: a client may send 2^63 - 1. A byte inside a character snaps to its start.
      let offset = columns >= range.count ? range.upperBound : range.lowerBound + max(columns, 0)
      return characterStart(bytes, offset, from: range.lowerBound, end: range.upperBound)
    }
    var remaining = columns
    var index = range.lowerBound
    while index < range.upperBound && remaining > 0 {
      let (length, units) = scalarWidth(bytes, index, range.upperBound, unit)
      if units > remaining { break }
      remaining -= units
      index += length
    }
    return index
  }

  /// `offset`, or the start of the well-formed UTF-8 sequence it falls inside (never before `lowerBound`).
  static func characterStart(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, from lowerBound: Int, end: Int) -> Int {
    guard offset < end, bytes[offset] & 0xC0 == 0x80 else { return offset }
    var lead = offset - 1
    while lead >= lowerBound && lead > offset - 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
    guard lead >= lowerBound, bytes[lead] & 0xC0 == 0xC0 else { return offset }
    let (length, _) = scalarWidth(bytes, lead, end, .scalar)
    return lead + length > offset ? lead : offset
  }

  @inline(__always)
  static func scalarWidth(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ unit: ColumnUnit
  ) -> (length: Int, units: Int) {
    let lead = bytes[index]
    let length: Int
    if lead < 0x80 {
      length = 1
    } else if lead & 0xE0 == 0xC0 {
      length = 2
    } else if lead & 0xF0 == 0xE0 {
      length = 3
    } else if lead & 0xF8 == 0xF0 {
      length = 4
    } else {
      return (1, 1)
    }
    guard index + length <= end else { return (1, 1) }
    for offset in 1..<max(length, 1) where bytes[index + offset] & 0xC0 != 0x80 { return (1, 1) }
    return (length, (unit == .utf16 && length == 4) ? 2 : 1)
  }
}
