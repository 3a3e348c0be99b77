import FormLint
import FormSyntax
import Foundation
import LSP

/// `jixiao/memoryUsage`: what each open document's tree and caches hold, and the process's resident memory, so that
/// a cache's size can be checked against what it is for (the pattern of rust-analyzer's `memoryUsage` request).
///
/// Sizes are counted from the structures themselves: array capacities times element strides, plus the heap bytes of
/// strings too long to be stored inline. Allocator overhead and the Swift runtime's object headers are not counted,
/// so the sum is a lower bound of what the structures cost; the process figures (`VmRSS`, `VmHWM`) are the kernel's.
struct MemoryUsageRequest: LSPRequest, ParameterlessMessage {
  static let method = "jixiao/memoryUsage"
  typealias Response = MemoryUsage
}

struct MemoryUsage: Codable, Equatable, Sendable {
  var documents: [DocumentFootprint]
  /// Resident set and its peak, from `/proc/self/status` (nil where there is none).
  var residentBytes: Int?
  var peakResidentBytes: Int?
}

struct DocumentFootprint: Codable, Equatable, Sendable {
  var uri: String
  var textBytes: Int
  var formNodes: Int
  /// The syntax tree: every node's bytes and its line, cell, row, table and block records.
  var treeBytes: Int
  /// The linter's findings per form as the server holds them (relative to their forms).
  var findings: FindingsFootprint
  /// The same findings with absolute ranges, kept for code actions and hovers (empty until one is asked for).
  var absoluteFindings: FindingsFootprint
  /// The conversion cache: each form's diagnostics serialized, and converted to LSP positions.
  var conversions: ConversionFootprint
}

struct FindingsFootprint: Codable, Equatable, Sendable {
  var count = 0
  var bytes = 0
}

struct ConversionFootprint: Codable, Equatable, Sendable {
  /// Bytes of serialized diagnostics, and the capacity of the buffers holding them.
  var serializedBytes = 0
  var serializedCapacity = 0
  var convertedFindings = 0
  var convertedBytes = 0

  mutating func add(_ other: ConversionFootprint) {
    serializedBytes += other.serializedBytes
    serializedCapacity += other.serializedCapacity
    convertedFindings += other.convertedFindings
    convertedBytes += other.convertedBytes
  }
}

enum MemoryFootprint {
  /// Heap bytes of a string's storage: none for a small string (up to 15 UTF-8 bytes, stored inline).
  static func heapBytes(_ text: String) -> Int {
    let count = text.utf8.count
    return count > 15 ? count : 0
  }

  static func treeBytes(_ tree: SyntaxTree) -> Int {
    tree.nodes.reduce(tree.nodes.capacity * MemoryLayout<FormNode>.stride) { total, node in
      total + node.bytes.capacity + node.lines.capacity * MemoryLayout<SyntaxLine>.stride
        + node.cells.capacity * MemoryLayout<SyntaxCell>.stride + node.rows.capacity * MemoryLayout<SyntaxRow>.stride
        + node.tables.capacity * MemoryLayout<SyntaxTable>.stride + node.blocks.capacity * MemoryLayout<SyntaxBlock>.stride
    }
  }

  static func findings(_ perNode: [[Finding]]) -> FindingsFootprint {
    var footprint = FindingsFootprint()
    for list in perNode {
      footprint.count += list.count
      footprint.bytes += list.capacity * MemoryLayout<Finding>.stride
      for finding in list {
        footprint.bytes += heapBytes(finding.message.zh) + heapBytes(finding.message.en) + heapBytes(finding.name)
        footprint.bytes += finding.related.capacity * MemoryLayout<FormLint.RelatedLocation>.stride
        footprint.bytes += finding.related.reduce(0) { $0 + heapBytes($1.message.zh) + heapBytes($1.message.en) }
        footprint.bytes += finding.fixes.capacity * MemoryLayout<FormLint.Fix>.stride
        for fix in finding.fixes {
          footprint.bytes += heapBytes(fix.title.zh) + heapBytes(fix.title.en)
          footprint.bytes += fix.edits.capacity * MemoryLayout<FormLint.FixEdit>.stride
          footprint.bytes += fix.edits.reduce(0) { $0 + heapBytes($1.newText) }
        }
      }
    }
    return footprint
  }

  /// `VmRSS` and `VmHWM` of this process in bytes, from `/proc/self/status`.
  static func resident() -> (current: Int?, peak: Int?) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (nil, nil) }
    func kilobytes(_ key: String) -> Int? {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
      return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
    }
    return (kilobytes("VmRSS"), kilobytes("VmHWM"))
  }
}

extension Server {
  func memoryUsage(_: MemoryUsageRequest) -> MemoryUsage {
    let resident = MemoryFootprint.resident()
    return MemoryUsage(
      documents: documents.keys.sorted().compactMap { documents[$0]?.footprint }, residentBytes: resident.current,
      peakResidentBytes: resident.peak)
  }
}
