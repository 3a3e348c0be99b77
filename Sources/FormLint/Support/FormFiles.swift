import FormSyntax
import Foundation

/// What the CLI and the language server both do to find forms on disk: which names are form files, how a folder
/// is searched, where a file's `.jixiao.json` is. One implementation, so `jixiao check DIR` and the editor's
/// workspace diagnostics always see the same files and the same configuration.
public enum FormFiles {
  /// Folders never searched unless a configuration says otherwise (`exclude` adds to them).
  public static let defaultExclude = [".git", ".build", "node_modules"]

  /// Whether a file name is a form file for folder searches: it ends in `.txt`, in any case (`表.TXT` from Windows).
  public static func isFormFileName(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars.suffix(4))
    guard scalars.count == 4, scalars[0] == "." else { return false }
    return String(String.UnicodeScalarView(scalars[1...])).lowercased() == "txt"
  }

  /// Whether a file name is a text form in another layout (`.md`, `.markdown`, `.tsv`, any case): folder searches
  /// take such a file only when it holds a form (`holdsForm`), so a README.md beside the forms is not reported.
  public static func isLayoutFileName(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".tsv")
  }

  /// Whether a file holds a form (a title or annex followed by a table, in its detected layout). A file that cannot
  /// be read or decoded counts as holding one, so that reading it reports why.
  public static func holdsForm(path: String, maximumSize: Int = SourceFile.defaultMaximumSize) -> Bool {
    guard let source = try? SourceFile.read(path: path, maximumSize: maximumSize) else { return true }
    let tree = SyntaxTree(parsing: source.utf8, layout: LayoutPolicy.forFile(named: path))
    return tree.nodes.contains(where: Linter.isCheckable)
  }

  /// Whether a file name is a Word or Excel form (`.docx`, `.xlsx`, any case) for the CLI's folder searches; not
  /// Office's `~$` lock files.
  public static func isOfficeFileName(_ name: String) -> Bool {
    let last = name.split(separator: "/").last.map(String.init) ?? name
    let lower = last.lowercased()
    return !last.hasPrefix("~$") && (lower.hasSuffix(".docx") || lower.hasSuffix(".xlsx"))
  }

  /// Whether a folder or file, given by its path relative to the searched folder, is excluded: a pattern
  /// without `/` matches any path component by name (`node_modules`, `__Snapshots__`, `*.bak`); one with `/`
  /// matches the relative path (`drafts/**`).
  public static func isExcluded(_ relativePath: String, by patterns: [String]) -> Bool {
    let components = relativePath.split(separator: "/").map(String.init)
    for pattern in patterns {
      let trimmed = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
      if trimmed.contains("/") {
        if Glob.matches(trimmed, relativePath) { return true }
      } else if components.contains(where: { Glob.matches(trimmed, $0) }) {
        return true
      }
    }
    return false
  }

  /// Every form file below `folder` (paths are `folder` joined with the relative path), sorted; excluded
  /// folders are not entered. Symbolic links to folders are not followed (no cycles). Form files are `*.txt`, and
  /// `*.md` / `*.markdown` / `*.tsv` files that hold a form.
  /// With `includeOffice`, Word and Excel forms too (`isOfficeFileName`; the CLI reads them, the server does not).
  public static func discover(in folder: String, exclude: [String] = defaultExclude, includeOffice: Bool = false) -> [String] {
    search(in: folder, exclude: exclude, includeOffice: includeOffice).files
  }

  /// What a folder search found: the form files, and the entries it could not use (a path longer than the
  /// system's `PATH_MAX`, a folder that cannot be opened), which a caller reports rather than skipping silently.
  public struct Search: Sendable {
    public var files: [String] = []
    public var unreadable: [Unreadable] = []
  }

  /// An entry of a folder search that could not be used, and why.
  public struct Unreadable: Sendable, Equatable {
    public enum Reason: Sendable, Equatable { case pathTooLong, cannotOpenFolder, tooDeep }
    public var path: String
    public var reason: Reason

    /// What a user is told (the CLI reports it and exits 2; the other files are still checked).
    public var message: LocalizedText {
      switch reason {
      case .pathTooLong:
        LocalizedText(
          zh: "路径超过系统上限（\(FormFiles.maximumPathLength) 字节），无法读取：\(path)",
          en: "path too long (over the system's \(FormFiles.maximumPathLength) bytes), cannot be read: \(path)")
      case .cannotOpenFolder:
        LocalizedText(zh: "无法打开文件夹：\(path)", en: "cannot open the folder: \(path)")
      case .tooDeep:
        LocalizedText(
          zh: "文件夹嵌套超过 \(FormFiles.maximumDepth) 层，未检查其中的文件：\(path)",
          en: "folder nested deeper than \(FormFiles.maximumDepth) levels, its files were not checked: \(path)")
      }
    }
  }

  /// The longest path the system opens by name (Linux: 4,096 bytes with the terminating NUL).
  public static let maximumPathLength = Int(PATH_MAX) - 1

  /// Folders nested deeper than this are not entered (reported): the walk holds one descriptor per level.
  public static let maximumDepth = 128

  /// `discover`, with what could not be used. The walk opens each folder relative to its parent's descriptor
  /// (`openat`), so it reaches entries whose full path is longer than `PATH_MAX`; such a form file is reported
  /// as unreadable (nothing can open it by name) rather than skipped.
  public static func search(in folder: String, exclude: [String] = defaultExclude, includeOffice: Bool = false) -> Search {
    var result = Search()
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard root >= 0 else { return result }
    walk(root, relative: "", depth: 0, prefix: prefix, exclude: exclude, includeOffice: includeOffice, into: &result)
    result.files.sort()
    result.unreadable.sort { $0.path < $1.path }
    return result
  }

  /// Walks the folder open at `descriptor` (and closes it).
  private static func walk(
    _ descriptor: Int32, relative: String, depth: Int, prefix: String, exclude: [String], includeOffice: Bool,
    into result: inout Search
  ) {
    guard let directory = fdopendir(descriptor) else {
      close(descriptor)
      return
    }
    defer { closedir(directory) }
    var folders: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
      let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
      if isExcluded(path, by: exclude) { continue }
      if isFolder {
        if depth + 1 < maximumDepth {
          folders.append(name)
        } else {
          result.unreadable.append(Unreadable(path: prefix + path, reason: .tooDeep))
        }
        continue
      }
      let layoutFile = isLayoutFileName(name)
      guard isFormFileName(name) || layoutFile || (includeOffice && isOfficeFileName(name)) else { continue }
      if (prefix + path).utf8.count > maximumPathLength {
        result.unreadable.append(Unreadable(path: prefix + path, reason: .pathTooLong))
      } else if !layoutFile || holdsForm(path: prefix + path) {
        result.files.append(prefix + path)
      }
    }
    for name in folders {
      let child = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      let path = relative.isEmpty ? name : relative + "/" + name
      guard child >= 0 else {
        result.unreadable.append(Unreadable(path: prefix + path, reason: .cannotOpenFolder))
        continue
      }
      walk(child, relative: path, depth: depth + 1, prefix: prefix, exclude: exclude, includeOffice: includeOffice, into: &result)
    }
  }

  /// The nearest `.jixiao.json` at or above `folder` (an absolute path), not above `root` when given.
  /// `cache` remembers each folder's answer, so many files in one tree cost one search.
  public static func nearestConfiguration(from folder: String, stopAt root: String? = nil, cache: inout [String: String?]) -> String? {
    var visited: [String] = []
    var current = folder
    var result: String?
    while true {
      if let cached = cache[current] {
        result = cached
        break
      }
      visited.append(current)
      let candidate = (current as NSString).appendingPathComponent(ConfigurationFile.fileName)
      if FileManager.default.fileExists(atPath: candidate) {
        result = candidate
        break
      }
      let parent = (current as NSString).deletingLastPathComponent
      if current == root || parent == current || parent.isEmpty { break }
      current = parent
    }
    for folder in visited { cache[folder] = result }
    return result
  }
}

/// What a file is, from its first bytes: text the checker reads, or a document it cannot read as text.
public enum FileKind: Equatable, Sendable {
  /// Text (or undecidable: the decoder has the last word).
  case text
  /// A Word document (.docx, or a ZIP named so).
  case wordDocument
  /// An Excel workbook (.xlsx).
  case excelWorkbook
  /// A pre-2007 Office file (.doc, .xls, .et/.wps): a compound file.
  case legacyOffice
  /// A PDF.
  case pdf
  /// Another archive (ZIP) or binary file.
  case binary

  /// The kind of a file from its name and first bytes.
  public static func sniff(_ bytes: [UInt8], path: String) -> FileKind {
    let lowercasedPath = path.lowercased()
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      if lowercasedPath.hasSuffix(".xlsx") || lowercasedPath.hasSuffix(".xlsm") { return .excelWorkbook }
      if lowercasedPath.hasSuffix(".docx") || lowercasedPath.hasSuffix(".docm") { return .wordDocument }
      // Inside the ZIP, Word keeps word/document.xml and Excel xl/workbook.xml; the names are stored plainly.
      let head = bytes.prefix(1 << 16)
      if contains(head, "word/") { return .wordDocument }
      if contains(head, "xl/") { return .excelWorkbook }
      return .binary
    }
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
    if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
    // NUL bytes are valid UTF-8 but never in a form; UTF-16 and UTF-32 (which have them) are read only with a BOM.
    let hasBOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
    if !hasBOM && bytes.prefix(8192).contains(0) { return .binary }
    return .text
  }

  /// Why the file is not checked as text, and what to do (nil for `.text`).
  public var explanation: LocalizedText? {
    switch self {
    case .text: return nil
    case .wordDocument:
      return LocalizedText(
        zh: "这是 Word 文件（.docx），不是纯文本：请在 Word 中“另存为”纯文本（.txt，UTF-8）后再检查",
        en: "this is a Word document (.docx), not plain text: save it as plain text (.txt, UTF-8) in Word and check that")
    case .excelWorkbook:
      return LocalizedText(
        zh: "这是 Excel 文件（.xlsx），不是纯文本：请把表格复制到文本文件（.txt）后再检查",
        en: "this is an Excel workbook (.xlsx), not plain text: copy the table into a text file (.txt) and check that")
    case .legacyOffice:
      return LocalizedText(
        zh: "这是旧版 Office 文件（.doc/.xls），不是纯文本：请在 Word 或 Excel 中另存为纯文本（.txt）后再检查",
        en: "this is an old Office file (.doc/.xls), not plain text: save it as plain text (.txt) in Word or Excel and check that")
    case .pdf:
      return LocalizedText(
        zh: "这是 PDF 文件，不是纯文本：请用原始的 Word 文件另存为纯文本（.txt）后再检查",
        en: "this is a PDF, not plain text: save the original Word document as plain text (.txt) and check that")
    case .binary:
      return LocalizedText(zh: "这是二进制文件，不是纯文本，未检查", en: "this is a binary file, not text; it was not checked")
    }
  }

  private static func contains(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard bytes.count >= needle.count else { return false }
    var index = bytes.startIndex
    while index <= bytes.endIndex - needle.count {
      if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }
}
