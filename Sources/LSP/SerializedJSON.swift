/// One JSON value already serialized, to be spliced into a message as it is.
///
/// Large results and notifications (a document's diagnostics) are assembled from cached serialized pieces rather
/// than encoded again from values. The value is kept as a list of byte chunks, so nesting pieces in arrays, objects
/// and finally a message copies nothing until `Message.body(notification:params:)` or `Message.body(responseTo:result:)`
/// writes the whole body, envelope included, once.
public struct SerializedJSON: Sendable, Hashable {
  private var chunks: [[UInt8]]
  /// The length of the JSON text in bytes.
  public private(set) var byteCount: Int

  /// A value serialized (compact, keys sorted, as `JSONValue.serialized()`).
  public init(_ value: JSONValue) { self.init(serialized: value.serialized()) }

  /// Bytes the caller guarantees to be exactly one JSON value.
  public init(serialized bytes: [UInt8]) {
    chunks = [bytes]
    byteCount = bytes.count
  }

  private init(chunks: [[UInt8]]) {
    self.chunks = chunks
    byteCount = chunks.reduce(0) { $0 + $1.count }
  }

  /// The JSON text.
  public var bytes: [UInt8] {
    var output: [UInt8] = []
    write(into: &output)
    return output
  }

  /// Appends the JSON text to `output`.
  public func write(into output: inout [UInt8]) {
    output.reserveCapacity(output.count + byteCount)
    for chunk in chunks { output.append(contentsOf: chunk) }
  }

  public static func == (left: SerializedJSON, right: SerializedJSON) -> Bool { left.bytes == right.bytes }
  public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

  private static let comma: [UInt8] = [UInt8(ascii: ",")]

  /// An array whose elements are given as runs: each run holds zero or more serialized values separated by commas
  /// (a cached piece of a longer list). The runs are not copied.
  public static func array(runs: some Sequence<[UInt8]>) -> SerializedJSON {
    var chunks: [[UInt8]] = [[UInt8(ascii: "[")]]
    for run in runs where !run.isEmpty {
      if chunks.count > 1 { chunks.append(comma) }
      chunks.append(run)
    }
    chunks.append([UInt8(ascii: "]")])
    return SerializedJSON(chunks: chunks)
  }

  /// An array of serialized values.
  public static func array(_ elements: [SerializedJSON]) -> SerializedJSON {
    var chunks: [[UInt8]] = [[UInt8(ascii: "[")]]
    for (offset, element) in elements.enumerated() {
      if offset > 0 { chunks.append(comma) }
      chunks.append(contentsOf: element.chunks)
    }
    chunks.append([UInt8(ascii: "]")])
    return SerializedJSON(chunks: chunks)
  }

  /// An object with members in the given order.
  public static func object(_ members: [(key: String, value: SerializedJSON)]) -> SerializedJSON {
    var chunks: [[UInt8]] = []
    for (offset, member) in members.enumerated() {
      var key: [UInt8] = [UInt8(ascii: offset == 0 ? "{" : ",")]
      JSONValue.writeString(member.key, into: &key)
      key.append(UInt8(ascii: ":"))
      chunks.append(key)
      chunks.append(contentsOf: member.value.chunks)
    }
    chunks.append(Array((members.isEmpty ? "{}" : "}").utf8))
    return SerializedJSON(chunks: chunks)
  }
}

extension Message {
  /// The body of a notification whose params are already serialized.
  public static func body(notification method: String, params: SerializedJSON) -> [UInt8] {
    SerializedJSON.object([("jsonrpc", SerializedJSON("2.0")), ("method", SerializedJSON(.string(method))), ("params", params)])
      .bytes
  }

  /// The body of a successful response whose result is already serialized.
  public static func body(responseTo id: RequestID, result: SerializedJSON) -> [UInt8] {
    SerializedJSON.object([("jsonrpc", SerializedJSON("2.0")), ("id", SerializedJSON(id.json)), ("result", result)]).bytes
  }
}

extension Connection {
  /// Sends a notification whose params are already serialized.
  public func send(notification method: String, serializedParams params: SerializedJSON) {
    send(body: Message.body(notification: method, params: params))
  }

  /// Sends a successful response whose result is already serialized.
  public func reply(to id: RequestID, serializedResult result: SerializedJSON) {
    send(body: Message.body(responseTo: id, result: result))
  }
}
