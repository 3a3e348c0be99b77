import Foundation
import Testing

@testable import LSP

func parse(_ text: String) throws -> JSONValue {
  try JSONValue(parsing: Array(text.utf8))
}

@Suite struct JSONValueTests {
  @Test func parsesEveryKindAndKeepsIntegersExact() throws {
    let value = try parse(#"""
      {"n":null,"t":true,"i":9007199254740993,"d":2.5,"s":"文","a":[1,"x"],"o":{"k":-1},"e":1e400}
      """#)
    #expect(value["n"] == .null && value["n"]?.isNull == true)
    #expect(value["t"]?.boolValue == true)
    #expect(value["i"] == .int(9_007_199_254_740_993))
    #expect(value["d"] == .double(2.5) && value["d"]?.intValue == nil && value["d"]?.doubleValue == 2.5)
    #expect(value["e"] == .double(.infinity) && value["e"]?.intValue == nil)
    #expect(value["s"]?.stringValue == "文")
    #expect(value["a"]?[1] == "x" && value["a"]?[2] == nil && value["a"]?.arrayValue?.count == 2)
    #expect(value["o"]?["k"]?.intValue == -1 && value["o"]?.objectValue?.count == 1)
    #expect(value["missing"] == nil && value[0] == nil && JSONValue.int(3)["k"] == nil)
  }

  @Test func numbers() throws {
    let cases: [(String, JSONValue)] = [
      ("0", 0), ("-0", 0), ("-12", -12), ("1.0", .double(1)), ("1e2", .double(100)), ("-2.5E-3", .double(-0.0025)),
      ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
      ("9223372036854775808", .double(9_223_372_036_854_775_808)), ("-1e999", .double(-.infinity)),
    ]
    for (text, expected) in cases {
      #expect(try parse(text) == expected, "\(text)")
    }
    for text in ["01", "1.", ".5", "-", "+1", "1e", "1e+", "0x1", "NaN", "Infinity", "1 2"] {
      #expect(throws: JSONParseError.self, "\(text)") { try parse(text) }
    }
  }

  @Test func stringsAndEscapes() throws {
    let text = #"" \" \\ \/ \b \f \n \r \t \u00e9 \u6587 \ud83d\ude00 \ud800 \udc00x é""#
    #expect(try parse(text) == .string(" \" \\ / \u{8} \u{C} \n \r \t é 文 😀 \u{FFFD} \u{FFFD}x é"))
    for bad in [#""a"#, #""\u12""#, #""\x""#, "\"\u{1}\"", "\"tab\there\"", #""\"#] {
      #expect(throws: JSONParseError.self, "\(bad)") { try parse(bad) }
    }
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xC3, 0x28, 0x22]) }
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0x5C, 0x6E, 0xFF, 0x22]) }
  }

  @Test func structureErrors() throws {
    #expect(try parse(" \r\n\t{ \"a\" : [ 1 , { } , [ ] ] , \"a\" : true } ") == ["a": true])
    for bad in ["", " ", "{", "[1,]", #"{"a"}"#, #"{"a":1,}"#, "{1:2}", "[1 2]", "tru", "nul", "{} {}", "[", "]"] {
      #expect(throws: JSONParseError.self, "\(bad)") { try parse(bad) }
    }
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParseError.self) { try parse(deep) }
    let depth = JSONParser.maximumDepth
    #expect(try parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).arrayValue != nil)
  }

  @Test func serializationRoundTrips() throws {
    let control = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
    let value: JSONValue = ["text": .string(control + "\"\\/é😀"), "n": [1, -2.5, 1e30, nil, false]]
    let bytes = value.serialized()
    #expect(try JSONValue(parsing: bytes) == value)
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) == value)
    #expect(String(decoding: JSONValue.string("a\u{1}\n").serialized(), as: UTF8.self) == #""a\u0001\n""#)
  }

  @Test func codableConformanceMatchesParser() throws {
    let text = #"{"a":[1,2.5,"s",true,null,{"b":{}}]}"#
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == parse(text))
  }

  @Test func literalsAndTypedConversion() throws {
    let value: JSONValue = ["line": 3, "character": 4, "ok": true, "ratio": 0.5, "tags": ["a", nil]]
    #expect(try value.decode(Position.self) == Position(line: 3, character: 4))
    #expect(try JSONValue(encoding: Position(line: 1, character: 2)) == ["character": 2, "line": 1])
    #expect(try JSONValue(encoding: Optional<Hover>.none) == .null)
    #expect(JSONValue.double(3).intValue == 3)
  }

  @Test func encodingIsDeterministic() throws {
    let value: JSONValue = ["b": 1, "a": ["z": "/path", "y": .double(.nan)]]
    #expect(String(decoding: value.serialized(), as: UTF8.self) == #"{"a":{"y":null,"z":"/path"},"b":1}"#)
  }

  @Test func requestIDs() throws {
    #expect(try JSONDecoder().decode(RequestID.self, from: Data("7".utf8)) == 7)
    #expect(try JSONDecoder().decode(RequestID.self, from: Data("\"7\"".utf8)) == "7")
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(RequestID.self, from: Data("1e30".utf8)) }
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(RequestID.self, from: Data("null".utf8)) }
    #expect(RequestID(.double(1.5)) == nil && RequestID(.null) == nil && RequestID(.double(1e300)) == nil)
    #expect(RequestID(.double(4)) == 4)
    #expect(RequestID.int(3).description == "3" && RequestID.string("a").description == "\"a\"")
  }
}

/// `writeString` skips eight bytes at a time that need no escape: the same bytes as escaping byte by byte.
@Suite struct WriteStringTests {
  @Test func wordsAtATimeAreBytesOneByOne() {
    var state: UInt64 = 0x5EED_4A53
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var mixed = state
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      return mixed ^ (mixed >> 27)
    }
    let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", " ", "~", "\u{7F}", "普法", "é", "\u{1F600}", "/"]
    for _ in 0..<5_000 {
      let text = (0..<Int(next() % 40)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
      var written: [UInt8] = []
      JSONValue.writeString(text, into: &written)
      #expect(written == WriteStringTests.escaped(text), "\(text.debugDescription)")
    }
    for byte in UInt8(0)...UInt8(127) {
      let text = String(decoding: [UInt8](repeating: 0x61, count: 11) + [byte] + [UInt8](repeating: 0x62, count: 9), as: UTF8.self)
      var written: [UInt8] = []
      JSONValue.writeString(text, into: &written)
      #expect(written == WriteStringTests.escaped(text), "byte \(byte)")
    }
  }

  /// The escaping byte by byte, as `writeString` did it before it read words.
  static func escaped(_ text: String) -> [UInt8] {
    var output: [UInt8] = [UInt8(ascii: "\"")]
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += Array(#"\""#.utf8)
      case UInt8(ascii: "\\"): output += Array(#"\\"#.utf8)
      case 0x0A: output += Array(#"\n"#.utf8)
      case 0x0D: output += Array(#"\r"#.utf8)
      case 0x09: output += Array(#"\t"#.utf8)
      case ..<0x20: output += Array(String(format: "\\u%04x", byte).utf8)
      default: output.append(byte)
      }
    }
    return output + [UInt8(ascii: "\"")]
  }
}
