import Foundation
import Testing
import TonlageCore

/// The strict JSON reader (duplicate keys refused, no recursion) and the canonical form signatures cover.
@Suite("canonical JSON")
struct CanonicalJSONTests {
    func canonical(_ text: String) throws -> String {
        String(decoding: try CanonicalJSON.data(try JSONValue.parse(Data(text.utf8))), as: UTF8.self)
    }

    @Test("sorted keys, no whitespace, integers as written, only the needed escapes")
    func form() throws {
        #expect(try canonical(" { \"b\" : [1, -2, {\"z\":null,\"a\":true}], \"a\" : \"x/\\u00e9\\n\\u0001\\\"\" } ")
                == "{\"a\":\"x/é\\n\\u0001\\\"\",\"b\":[1,-2,{\"a\":true,\"z\":null}]}")
        #expect(try canonical("{\"é\":1,\"z\":2,\"Z\":3}") == "{\"Z\":3,\"z\":2,\"é\":1}", "by UTF-8 bytes")
        #expect(try canonical("[]") == "[]")
    }

    @Test("a key given twice is an error at any depth", arguments: [
        "{\"certified\": false, \"certified\": true}", "{\"a\": [{\"b\": 1, \"c\": 2, \"b\": 1}]}",
    ])
    func duplicateKeys(_ text: String) {
        #expect(throws: JSONValue.Failure.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test("numbers other than integers have no canonical form", arguments: ["1.0", "1e2", "-0", "99999999999999999999"])
    func numbers(_ text: String) throws {
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(throws: CanonicalJSON.Failure.self) { try CanonicalJSON.data(value) }
    }

    @Test("malformed and hostile input is refused, not crashed on", arguments: [
        "", "{", "{\"a\" 1}", "[1,]", "nul", "\"\u{1}\"", "{} x", String(repeating: "[", count: 100_000),
    ])
    func malformed(_ text: String) {
        #expect(throws: JSONValue.Failure.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test("escaping for XML 1.0 and Markdown")
    func markup() {
        #expect(MarkupEscaping.xml("a\u{1}<b>&\"'\n\u{FFFF}") == "a\u{FFFD}&lt;b&gt;&amp;&quot;&apos;&#10;\u{FFFD}")
        #expect(MarkupEscaping.markdownInline("Eve\n# x | *y* [z](u) `c` \\") == "Eve \\# x \\| \\*y\\* \\[z\\](u) \\`c\\` \\\\")
    }
}
