/// How serious a finding is; the order is from most to least serious.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  /// Must be fixed before filing; `jixiao check` exits 1.
  case error
  /// Should be fixed.
  case warning
  /// Worth a reviewer's look.
  case information
  /// Cosmetic.
  case hint

  private var rank: Int { Severity.allCases.firstIndex(of: self)! }
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The language of messages users read.
public enum Language: String, Sendable, Codable, CaseIterable {
  /// Simplified Chinese (the default).
  case zh
  /// English.
  case en

  /// The language for a locale tag such as `zh-CN`, `en-US`, `en`.
  public init(locale: String?) {
    self = (locale?.lowercased().hasPrefix("en") ?? false) ? .en : .zh
  }
}

/// A text in both message languages.
public struct LocalizedText: Sendable, Equatable, Hashable {
  /// Simplified Chinese.
  public let zh: String
  /// English.
  public let en: String

  /// Creates a text.
  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// The text in `language`.
  public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

/// A replacement of a byte range.
public struct FixEdit: Sendable, Equatable, Hashable {
  /// UTF-8 byte range (relative to a form node inside a rule, absolute once reported).
  public var range: Range<Int>
  /// The new text.
  public var newText: String
  /// Whether `newText` is already written in the form's layout (a whole new row); otherwise it is what a cell
  /// or line should read, and the linter has the layout's writer escape it (`FormNode.writing`).
  public var isLayoutText: Bool

  /// Creates an edit of text as it should read.
  public init(range: Range<Int>, newText: String) {
    self.range = range
    self.newText = newText
    isLayoutText = false
  }

  /// Creates an edit whose text is already in the form's layout (`FormNode.rowText`).
  public init(range: Range<Int>, layoutText: String) {
    self.range = range
    newText = layoutText
    isLayoutText = true
  }
}

/// A correction offered for a finding.
public struct Fix: Sendable, Equatable, Hashable {
  /// What the fix does, shown in editors.
  public let title: LocalizedText
  /// Safe fixes keep the meaning and are applied by `--fix` and fix-all; unsafe ones need `--unsafe-fixes`.
  public let isSafe: Bool
  /// Whether editors should offer this fix first (the obvious one).
  public let isPreferred: Bool
  /// The edits, non-overlapping.
  public var edits: [FixEdit]

  /// Creates a fix.
  public init(title: LocalizedText, isSafe: Bool, isPreferred: Bool = true, edits: [FixEdit]) {
    self.title = title
    self.isSafe = isSafe
    self.isPreferred = isPreferred
    self.edits = edits
  }
}

/// A place related to a finding (JX301 points at the cost row).
public struct RelatedLocation: Sendable, Equatable, Hashable {
  /// What is there.
  public let message: LocalizedText
  /// UTF-8 byte range.
  public var range: Range<Int>

  /// Creates a related location.
  public init(message: LocalizedText, range: Range<Int>) {
    self.message = message
    self.range = range
  }
}

/// One finding of a rule.
public struct Diagnostic: Sendable, Equatable, Hashable {
  /// The rule's code (`JX301`).
  public let code: String
  /// The rule's name (`budget-mismatch`).
  public let name: String
  /// Severity after configuration.
  public var severity: Severity
  /// What is wrong, with the numbers in it.
  public let message: LocalizedText
  /// UTF-8 byte range the finding is about (relative to the form node inside a rule, absolute once reported).
  public var range: Range<Int>
  /// Related places.
  public var related: [RelatedLocation]
  /// Corrections.
  public var fixes: [Fix]

  /// Creates a diagnostic.
  public init(
    code: String, name: String, severity: Severity, message: LocalizedText, range: Range<Int>,
    related: [RelatedLocation] = [], fixes: [Fix] = []
  ) {
    self.code = code
    self.name = name
    self.severity = severity
    self.message = message
    self.range = range
    self.related = related
    self.fixes = fixes
  }

  /// Hashes the code and the range only: findings that are equal have equal codes and ranges, and findings that
  /// differ almost always differ in one of them. The linter puts every finding of every rule in a set (one finding
  /// per occurrence), and hashing the messages, fixes and related texts too (Chinese text, normalized to NFC
  /// by `String`'s hashing) was 4 % of a check.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(range.lowerBound)
    hasher.combine(range.upperBound)
    hasher.combine(code)
  }

  /// The same finding with every range (main, related, fix edits) passed through `transform`.
  public func remapped(_ transform: (Range<Int>) -> Range<Int>) -> Diagnostic {
    var copy = self
    copy.range = transform(range)
    copy.related = related.map { RelatedLocation(message: $0.message, range: transform($0.range)) }
    copy.fixes = fixes.map { fix in
      var moved = fix
      moved.edits = fix.edits.map { edit in
        var copy = edit
        copy.range = transform(edit.range)
        return copy
      }
      return moved
    }
    return copy
  }

  /// The same finding with every range moved by `delta` bytes.
  public func shifted(by delta: Int) -> Diagnostic {
    guard delta != 0 else { return self }
    return remapped { ($0.lowerBound + delta)..<($0.upperBound + delta) }
  }
}
