import Foundation

/// Writing a converted or annotated file: atomically (a temporary file beside the target, flushed, renamed
/// over it), so a reader never sees half a document and a failure leaves the target as it was.
enum OfficeOutput {
  struct WriteError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): not written: \(reason)" }
  }

  static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).jixiao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw WriteError(path: path, reason: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))")
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        unlink(temporary)
        throw WriteError(path: path, reason: "cannot write: \(reason)")
      }
      written += count
    }
    guard fsync(descriptor) == 0 else {
      close(descriptor)
      unlink(temporary)
      throw WriteError(path: path, reason: "cannot flush the file")
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }
}
