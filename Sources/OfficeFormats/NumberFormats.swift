import Foundation

/// Numbers of a sheet displayed the way a reader sees them: the cell style's number format (built-in or
/// custom) applied to the value — `0.98` under `0%` reads `98%`, serial `44197` under `yyyy.m.d` reads
/// `2021.1.1`. Covers General, fixed decimals, thousands separators, percentages, literal text, sections by
/// sign, and date/time formats (both 1900 and 1904 date systems); scientific and fraction formats fall back
/// to General.
public struct NumberFormats: Sendable {
  /// Number format id of each cell style (`cellXfs` order).
  var styleFormats: [Int] = []
  var custom: [Int: String] = [:]
  let date1904: Bool

  static let builtIn: [Int: String] = [
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "General",
    13: "General", 14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
    20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm", 27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"",
    30: "m-d-yy", 31: "yyyy\"年\"m\"月\"d\"日\"", 32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"", 34: "上午/下午h\"时\"mm\"分\"",
    35: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 36: "yyyy\"年\"m\"月\"", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "General",
    49: "@", 50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"", 54: "m\"月\"d\"日\"",
    55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
  ]

  init(styles: [UInt8]?, date1904: Bool) throws(OfficeError) {
    self.date1904 = date1904
    guard let styles else { return }
    var reader = XMLReader(bytes: styles, part: "xl/styles.xml")
    var inCellFormats = false
    while let event = try reader.next() {
      switch event {
      case .start(let name, let attributes, let selfClosing, _):
        if name.local == "numFmt", let id = attributes.first(where: { $0.name.local == "numFmtId" }).flatMap({ Int($0.value) }),
          let code = attributes.first(where: { $0.name.local == "formatCode" })?.value
        {
          custom[id] = code
        } else if name.local == "cellXfs" {
          inCellFormats = !selfClosing
        } else if name.local == "xf", inCellFormats {
          styleFormats.append(attributes.first { $0.name.local == "numFmtId" }.flatMap { Int($0.value) } ?? 0)
        }
      case .end(let name, _):
        if name.local == "cellXfs" { inCellFormats = false }
      case .text: break
      }
    }
  }

  /// The format code of a cell style.
  func code(style: Int) -> String {
    let id = style >= 0 && style < styleFormats.count ? styleFormats[style] : 0
    return custom[id] ?? NumberFormats.builtIn[id] ?? "General"
  }

  /// A number as displayed under the style's format.
  public func display(_ value: Double, style: Int) -> String { NumberFormats.format(value, code: code(style: style), date1904: date1904) }

  static func format(_ value: Double, code: String, date1904: Bool) -> String {
    guard value.isFinite else { return general(value) }
    let sections = split(code)
    var section = sections.first ?? "General"
    var number = value
    if sections.count >= 2, value < 0 {
      section = sections[1]
      number = -value
    } else if sections.count >= 3, value == 0 {
      section = sections[2]
    }
    // Conditions and colours (`[Red]`, `[>100]`) and locale tags (`[$-804]`; `[$¥-804]` shows ¥) go.
    var cleaned = ""
    var index = section.startIndex
    var elapsedHours = false
    while index < section.endIndex {
      let character = section[index]
      if character == "[", let close = section[index...].firstIndex(of: "]") {
        let inner = section[section.index(after: index)..<close]
        if inner.hasPrefix("$") {
          let symbol = inner.dropFirst().split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
          cleaned += "\"" + symbol + "\""
        } else if inner.lowercased().allSatisfy({ $0 == "h" }) {
          cleaned += "h"
          elapsedHours = true
        }
        index = section.index(after: close)
        continue
      }
      cleaned.append(character)
      index = section.index(after: index)
    }
    if cleaned == "General" || cleaned.isEmpty || cleaned.lowercased() == "general" { return (value < 0 && number > 0 ? "-" : "") + general(number) }
    if cleaned == "@" { return general(value) }
    if isDate(cleaned) { return formatDate(number, code: cleaned, date1904: date1904, elapsedHours: elapsedHours) }
    return formatNumber(number, code: cleaned, negative: value < 0 && sections.count < 2)
  }

  /// Sections separated by `;` outside quotes.
  static func split(_ code: String) -> [String] {
    var sections: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    for character in code {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      if character == "\\" { escaped = true }
      if character == "\"" { quoted.toggle() }
      if character == ";" && !quoted {
        sections.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    sections.append(current)
    return sections
  }

  /// Pieces of a format: literal text and format characters.
  static func tokens(_ code: String) -> [(literal: Bool, text: String)] {
    var result: [(Bool, String)] = []
    var iterator = Array(code)
    var index = 0
    while index < iterator.count {
      let character = iterator[index]
      if character == "\"" {
        var literal = ""
        index += 1
        while index < iterator.count, iterator[index] != "\"" {
          literal.append(iterator[index])
          index += 1
        }
        result.append((true, literal))
      } else if character == "\\", index + 1 < iterator.count {
        result.append((true, String(iterator[index + 1])))
        index += 1
      } else if character == "_", index + 1 < iterator.count {
        result.append((true, " "))
        index += 1
      } else if character == "*", index + 1 < iterator.count {
        index += 1
      } else {
        result.append((false, String(character)))
      }
      index += 1
    }
    iterator.removeAll()
    return result
  }

  static func isDate(_ code: String) -> Bool {
    tokens(code).contains { !$0.literal && "ymdhsYMDHS".contains($0.text) }
  }

  static func general(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.10g", value)
    if text.contains("e") { return text }
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  static func formatNumber(_ value: Double, code: String, negative: Bool) -> String {
    let pieces = tokens(code)
    let pattern = pieces.filter { !$0.literal }.map(\.text).joined()
    if pattern.contains("E") || pattern.contains("e") || pattern.contains("/") { return (negative ? "-" : "") + general(abs(value)) }
    let percent = pattern.filter { $0 == "%" }.count
    var number = abs(value)
    for _ in 0..<percent { number *= 100 }
    // Trailing commas after the digits scale by 1,000 each.
    let digitsPattern = pattern.filter { "0#?.,".contains($0) }
    var scale = 0
    var trimmed = digitsPattern
    while trimmed.hasSuffix(",") {
      scale += 1
      trimmed.removeLast()
    }
    for _ in 0..<scale { number /= 1000 }
    let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let decimals = parts.count > 1 ? parts[1].filter { "0#?".contains($0) }.count : 0
    let minimumDecimals = parts.count > 1 ? parts[1].filter { $0 == "0" }.count : 0
    let grouping = parts.first?.contains(",") ?? false
    let minimumIntegerDigits = parts.first?.filter { $0 == "0" }.count ?? 0
    var text = String(format: "%.\(decimals)f", number)
    if decimals > minimumDecimals, text.contains(".") {
      var removable = decimals - minimumDecimals
      while removable > 0, text.hasSuffix("0") {
        text.removeLast()
        removable -= 1
      }
      if text.hasSuffix(".") { text.removeLast() }
    }
    var integer = String(text.prefix { $0 != "." })
    let fraction = text.dropFirst(integer.count)
    if integer == "0", minimumIntegerDigits == 0 { integer = "" }
    if grouping, integer.count > 3 {
      var grouped = ""
      for (offset, character) in integer.reversed().enumerated() {
        if offset > 0, offset % 3 == 0 { grouped.append(",") }
        grouped.append(character)
      }
      integer = String(grouped.reversed())
    }
    let digits = integer + fraction
    // Literal text before the first digit placeholder, then the number, then the rest (less placeholders).
    var output = negative && number != 0 ? "-" : ""
    var placed = false
    for piece in pieces {
      if piece.literal {
        output += piece.text
      } else if "0#?.,".contains(piece.text) {
        if !placed {
          output += digits
          placed = true
        }
      } else {
        output += piece.text
      }
    }
    if !placed { output += digits }
    return output
  }

  static func formatDate(_ serial: Double, code: String, date1904: Bool, elapsedHours: Bool) -> String {
    var days = Int(serial.rounded(.down))
    let seconds = Int(((serial - Double(days)) * 86_400).rounded())
    // Days from 1970-01-01: the 1900 system counts the phantom 1900-02-29 (serial 60).
    var epochDays: Int
    if date1904 {
      epochDays = days - 24_107
    } else {
      if days < 61 { days += 1 }
      epochDays = days - 25_569
    }
    epochDays += seconds / 86_400
    let (year, month, day) = civil(fromDays: epochDays)
    let hour = (seconds % 86_400) / 3600
    let minute = (seconds % 3600) / 60
    let second = seconds % 60
    let twelveHour = code.contains("AM/PM") || code.contains("上午/下午")
    // The 12-hour markers become one token each (U+0001 AM/PM, U+0002 上午/下午).
    let pieces = tokens(code.replacingOccurrences(of: "AM/PM", with: "\u{1}").replacingOccurrences(of: "上午/下午", with: "\u{2}"))
    // Group consecutive identical format letters.
    var groups: [(literal: Bool, text: String)] = []
    for piece in pieces {
      if !piece.literal, let last = groups.last, !last.literal, last.text.lowercased().first == piece.text.lowercased().first,
        "ymdhs".contains(piece.text.lowercased())
      {
        groups[groups.count - 1].text += piece.text
      } else {
        groups.append(piece)
      }
    }
    var output = ""
    var index = 0
    var lastWasHour = false
    while index < groups.count {
      let group = groups[index]
      if group.literal {
        output += group.text
        index += 1
        continue
      }
      let lower = group.text.lowercased()
      func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
      }
      if lower.hasPrefix("y") {
        output += lower.count <= 2 ? padded(year % 100, 2) : String(year)
      } else if lower.hasPrefix("m") {
        let nextIsSeconds = groups[(index + 1)...].first { !$0.literal }?.text.lowercased().hasPrefix("s") ?? false
        if (lastWasHour || nextIsSeconds) && lower.count <= 2 {
          output += padded(minute, lower.count)
        } else if lower.count >= 3 {
          let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
          output += names[max(0, min(11, month - 1))]
        } else {
          output += padded(month, lower.count)
        }
      } else if lower.hasPrefix("d") {
        output += lower.count >= 3 ? "" : padded(day, lower.count)
      } else if lower.hasPrefix("h") {
        var shown = elapsedHours ? Int(serial * 24) : hour
        if twelveHour && !elapsedHours { shown = hour % 12 == 0 ? 12 : hour % 12 }
        output += padded(shown, lower.count)
      } else if lower.hasPrefix("s") {
        output += padded(second, lower.count)
      } else if group.text == "\u{1}" {
        output += hour < 12 ? "AM" : "PM"
      } else if group.text == "\u{2}" {
        output += hour < 12 ? "上午" : "下午"
      } else {
        output += group.text
      }
      lastWasHour = lower.hasPrefix("h")
      index += 1
    }
    return output
  }

  /// Year, month, day of a day count from 1970-01-01 (Howard Hinnant's algorithm).
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}
