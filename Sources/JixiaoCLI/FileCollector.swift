import FormLint
import Foundation

/// Finding the form files named on the command line.
enum FileCollector {
  /// What the command line names: the files to check, and what could not be used (reported, exit 2; the rest
  /// is still checked).
  struct Collected {
    var files: [String] = []
    var problems: [LocalizedText] = []
  }

  /// Files named (any name: a `.docx` gets told what it is), and form files (`*.txt`, any case, `*.docx`, `*.xlsx`, and
  /// `*.md`, `*.tsv` that hold a form) found under
  /// folders named, sorted, without what the folder's configuration excludes (`FormFiles.defaultExclude` and
  /// `exclude`).
  static func collect(_ paths: [String], exclude: (String) -> [String] = { _ in FormFiles.defaultExclude }) -> Collected {
    var collected = Collected()
    for path in paths {
      if path == "-" {
        collected.files.append(path)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        collected.problems.append(LocalizedText(zh: "找不到文件或文件夹：\(path)", en: "no such file or folder: \(path)"))
        continue
      }
      if !isDirectory.boolValue {
        collected.files.append(path)
        continue
      }
      let search = FormFiles.search(in: path, exclude: exclude(path), includeOffice: true)
      let found = search.files
      collected.problems.append(contentsOf: search.unreadable.map(\.message))
      if found.isEmpty && search.unreadable.isEmpty {
        collected.problems.append(
          LocalizedText(
            zh: "文件夹 \(path) 中没有 .txt、.docx、.xlsx 文件，也没有含绩效目标表的 .md、.tsv 文件，未检查任何内容",
            en: "no .txt, .docx or .xlsx files, nor .md or .tsv files holding a form, in the folder \(path); nothing was checked"))
      }
      collected.files.append(contentsOf: found)
    }
    return collected
  }
}
