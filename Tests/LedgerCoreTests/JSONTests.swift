import Foundation
import LedgerCore
import Testing

struct JSONTests {
  @Test func parsesEveryKindOfValue() throws {
    let value = try JSONParser.parse(
      Array(#" {"a": [1, -2.5e1, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00"} "#.utf8))
    #expect(value["a"] == .array([.number(1), .number(-25), .bool(true), .bool(false), .null]))
    #expect(value["b"] == .string("x\"\\/\né😀"))
  }

  @Test(arguments: [
    (#"{"a":1,"a":2}"#, "duplicate member \"a\""), (#"{"a":1} x"#, "unexpected content after the JSON value"),
    (#"{"a":"\q"}"#, "invalid escape"), ("{\"a\":\"\u{01}\"}", "control character in a string"),
    (#"{"a":01}"#, "expected ',' or '}'"), (#"{"a":1.}"#, "invalid number"), (#"{"a":"\ud800"}"#, "unpaired surrogate"),
    (#"{"a":tru}"#, "unexpected character"), (#"{"a":1"#, "unexpected end of input"), ("", "unexpected end of input"),
    (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "nested too deeply"),
  ])
  func refusesMalformedDocuments(text: String, reason: String) {
    let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
    #expect(error?.reason == reason)
  }

  @Test func refusesInvalidUTF8() {
    let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
  }

  @Test func canonicalBytesSortKeysAndNormaliseNumbers() throws {
    let value = try JSONParser.parse(Array(#"{"z": 1.50, "a": {"y": 1e2, "b": "\u0001"}, "m": [ ]}"#.utf8))
    #expect(String(decoding: value.canonicalBytes, as: UTF8.self) == #"{"a":{"b":"\u0001","y":100},"m":[],"z":1.5}"#)
  }

  @Test func canonicalBytesParseBackToTheSameValue() throws {
    let value = try JSONParser.parse(Array(#"{"k":"tab\there \"q\" é","n":-0.000123,"l":[null,{"x":true}]}"#.utf8))
    #expect(try JSONParser.parse(value.canonicalBytes) == value)
  }

  /// The canonical text of numbers comes from Foundation's `Decimal` (its shortest plain
  /// form): stored hashes depend on it, so a Foundation that printed any of these otherwise
  /// must fail here before it writes a record.
  @Test(arguments: [
    ("1.50", "1.5"), ("9000", "9000"), ("2000.5", "2000.5"), ("-0.0", "0"), ("0.001", "0.001"), ("1e5", "100000"),
    ("1E-7", "0.0000001"), ("-42.10", "-42.1"), ("100e-2", "1"),
    ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
  ])
  func numbersPrintInTheirPinnedCanonicalForm(input: String, canonical: String) throws {
    #expect(String(decoding: try JSONParser.parse(Array(input.utf8)).canonicalBytes, as: UTF8.self) == canonical)
  }

  /// Plain numbers are read from their digits, not by Foundation: the same value, exponent,
  /// sign and text as `Decimal(string:)` on numbers of every shape the fast path takes or
  /// leaves (leading and trailing zeros, signs, zeros, 17 to 20 significant digits).
  @Test func plainNumbersReadAsFoundationReadsThem() throws {
    var state: UInt64 = 7
    func next(_ bound: UInt64) -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (state >> 33) % bound
    }
    func digits(_ count: UInt64) -> String { String((0..<count).map { _ in Character(String(next(10))) }) }
    var numbers = [
      "0", "-0", "0.0", "-0.00", "1", "10", "100.00", "0.001", "999999999999999999", "1000000000000000000",
    ]
    for _ in 0..<20_000 {
      let whole = next(4) == 0 ? "0" : String(next(9) + 1) + digits(next(12))
      let fraction = next(3) == 0 ? "" : "." + digits(next(10) + 1)
      numbers.append((next(2) == 0 ? "-" : "") + whole + fraction)
    }
    let posix = Locale(identifier: "en_US_POSIX")
    for text in numbers {
      guard case .number(let parsed) = try JSONParser.parse(Array(text.utf8)) else {
        Issue.record("\(text) is not a number")
        continue
      }
      let foundation = try #require(Decimal(string: text, locale: posix))
      #expect(
        parsed == foundation && parsed.exponent == foundation.exponent
          && parsed.isSignMinus == foundation.isSignMinus && parsed.description == foundation.description, "\(text)")
    }
  }

  @Test func numbersKeepExactDecimalAmounts() throws {
    let value = try JSONParser.parse(Array("0.1".utf8))
    #expect(value == .number(Decimal(string: "0.1")!))
    #expect(String(decoding: value.canonicalBytes, as: UTF8.self) == "0.1")
  }
}
