import Testing

@testable import LSP

func decode(_ text: String) -> Result<Message, MessageDecodingError> {
  Message.decode(Array(text.utf8))
}

func decodingError(_ text: String) -> MessageDecodingError? {
  if case .failure(let error) = decode(text) { return error }
  return nil
}

@Suite struct MessageDecodingTests {
  @Test func classifiesRequestNotificationAndResponses() throws {
    #expect(try decode(#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"a":1}}"#).get()
      == .request(RequestMessage(id: 7, method: "textDocument/hover", params: ["a": 1])))
    #expect(try decode(#"{"jsonrpc":"2.0","id":"x","method":"shutdown"}"#).get()
      == .request(RequestMessage(id: "x", method: "shutdown")))
    #expect(try decode(#"{"jsonrpc":"2.0","method":"exit"}"#).get()
      == .notification(NotificationMessage(method: "exit")))
    #expect(try decode(#"{"jsonrpc":"2.0","id":3,"result":null}"#).get() == .response(.success(id: 3, .null)))
    #expect(try decode(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#).get()
      == .response(.failure(id: nil, .parseError("bad"))))
  }

  @Test func invalidUTF8IsAParseError() {
    let body: [UInt8] = Array(#"{"jsonrpc":"2.0","method":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
    guard case .failure(let error) = Message.decode(body) else {
      Issue.record("invalid UTF-8 accepted")
      return
    }
    #expect(error.error.code == .parseError)
    #expect(error.response == .failure(id: nil, error.error))
  }

  @Test func invalidJSONIsAParseError() {
    #expect(decodingError(#"{"jsonrpc":"2.0","#)?.error.code == .parseError)
    #expect(decodingError("")?.error.code == .parseError)
    #expect(decodingError(String(repeating: "[", count: 100_000))?.error.code == .parseError)
  }

  @Test func batchIsRejectedWithOneInvalidRequestWithNullID() {
    let error = decodingError(#"[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"b"}]"#)
    #expect(error?.error.code == .invalidRequest)
    #expect(error?.response?.id == nil)
    #expect(error?.response != nil)
  }

  @Test(arguments: ["1", "\"text\"", "null", "true"])
  func nonObjectIsAnInvalidRequest(json: String) {
    #expect(decodingError(json)?.error.code == .invalidRequest)
  }

  @Test func structuralProblemsAreInvalidRequests() {
    let cases = [
      #"{"id":1,"method":"a"}"#,
      #"{"jsonrpc":"1.0","id":1,"method":"a"}"#,
      #"{"jsonrpc":"2.0","id":1,"method":5}"#,
      #"{"jsonrpc":"2.0","id":true,"method":"a"}"#,
      #"{"jsonrpc":"2.0","id":null,"method":"a"}"#,
      #"{"jsonrpc":"2.0","id":1.5,"method":"a"}"#,
      #"{"jsonrpc":"2.0","method":"a","params":3}"#,
    ]
    for text in cases {
      #expect(decodingError(text)?.error.code == .invalidRequest, "\(text)")
    }
  }

  @Test func invalidRequestEchoesAValidID() {
    #expect(decodingError(#"{"jsonrpc":"1.0","id":9,"method":"a"}"#)?.response?.id == 9)
  }

  @Test func hugeIDsAreInvalidRequestsNotCrashes() throws {
    for id in ["99999999999999999999999", "1e30", "-1e300", "9223372036854775808"] {
      let error = decodingError(#"{"jsonrpc":"2.0","id":\#(id),"method":"a"}"#)
      #expect(error?.error.code == .invalidRequest, "\(id)")
      #expect(error?.response?.id == nil)
    }
    #expect(try decode(#"{"jsonrpc":"2.0","id":9223372036854775807,"method":"a"}"#).get()
      == .request(RequestMessage(id: .int(Int.max), method: "a")))
    #expect(decodingError(#"{"jsonrpc":"2.0","id":1e400,"method":"a"}"#)?.error.code == .invalidRequest)
    #expect(try decode(#"{"jsonrpc":"2.0","id":2.0,"method":"a"}"#).get()
      == .request(RequestMessage(id: 2, method: "a")))
  }

  @Test func malformedResponsesAreNotAnswered() {
    for text in [
      #"{"jsonrpc":"2.0","id":1}"#,
      #"{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}"#,
      #"{"jsonrpc":"2.0","id":1,"error":{"code":"x"}}"#,
      #"{"jsonrpc":"2.0","id":null,"result":1}"#,
    ] {
      let error = decodingError(text)
      #expect(error?.isMalformedResponse == true, "\(text)")
      #expect(error?.response == nil)
    }
  }

  @Test func encodingIsCompactSortedAndAlwaysVersioned() {
    let request = Message.request(RequestMessage(id: 1, method: "workspace/configuration", params: ["items": []]))
    #expect(String(decoding: request.encodedBody(), as: UTF8.self)
      == #"{"id":1,"jsonrpc":"2.0","method":"workspace/configuration","params":{"items":[]}}"#)
    let notification = Message.notification(NotificationMessage(method: "exit", params: .null))
    #expect(String(decoding: notification.encodedBody(), as: UTF8.self) == #"{"jsonrpc":"2.0","method":"exit"}"#)
    let response = Message.response(.success(id: "a", .null))
    #expect(String(decoding: response.encodedBody(), as: UTF8.self) == #"{"id":"a","jsonrpc":"2.0","result":null}"#)
    let failure = Message.response(.failure(id: nil, .methodNotFound("x/y")))
    #expect(String(decoding: failure.encodedBody(), as: UTF8.self)
      == #"{"error":{"code":-32601,"message":"Method not found: x/y"},"id":null,"jsonrpc":"2.0"}"#)
    let frame = String(decoding: response.encodedFrame(), as: UTF8.self)
    #expect(frame.hasPrefix("Content-Length: 40\r\n\r\n{") && frame.hasSuffix("}"))
  }

  @Test func roundTripThroughEncoding() throws {
    let messages: [Message] = [
      .request(RequestMessage(id: 1, method: "m", params: ["x": [1, 2.5, "s", true, nil]])),
      .notification(NotificationMessage(method: "n", params: [1])),
      .response(.failure(id: "z", ResponseError(code: .requestFailed, message: "no", data: ["k": "v"]))),
    ]
    for message in messages {
      #expect(try Message.decode(message.encodedBody()).get() == message)
    }
  }

  @Test func nonFiniteDoublesEncodeAsNull() {
    let message = Message.notification(NotificationMessage(method: "n", params: [.double(.infinity)]))
    #expect(String(decoding: message.encodedBody(), as: UTF8.self)
      == #"{"jsonrpc":"2.0","method":"n","params":[null]}"#)
  }
}
