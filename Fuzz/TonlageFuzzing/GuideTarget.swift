import Foundation
import TonlageCore

/// The guide loader, and the scorer on whatever guide it accepts.
///
/// Seeds are small guides cut from the shipped ones (a header and a few rules each, so a
/// load costs well under a millisecond) and the broken guides of the lint fixtures. Rules
/// that open a Hunspell dictionary are left out of the seeds: each load would read it anew.
public struct GuideTarget: FuzzTarget {
    public let name = "guide"
    public let maxBytes = 64_000
    public let seeds: [[UInt8]]

    public init(packageRoot: URL) {
        var seeds: [[UInt8]] = []
        for path in ["guide/de-social.yaml", "guide/en-social.yaml"] {
            guard let text = try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8) else { continue }
            let (header, rules) = Self.cut(text)
            let usable = rules.filter { !$0.contains("dictionary") && !$0.contains("kind: spelling") }
            // Rules one by one, then in threes that keep the order (a coverage rule reads an earlier one).
            for rule in usable { seeds.append(Array((header + "rules:\n" + rule).utf8)) }
            for start in stride(from: 0, to: usable.count, by: 3) {
                seeds.append(Array((header + "rules:\n" + usable[start..<min(usable.count, start + 3)].joined()).utf8))
            }
        }
        let broken = packageRoot.appendingPathComponent("Tests/Fixtures/broken")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: broken.path)) ?? []).sorted() where name.hasPrefix("guide-") && name.hasSuffix(".yaml") {
            if let data = FileManager.default.contents(atPath: broken.appendingPathComponent(name).path) { seeds.append(Array(data)) }
        }
        self.seeds = seeds
    }

    /// The lines before `rules:` (without the channel table's comments) and each rule's lines.
    static func cut(_ text: String) -> (header: String, rules: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("rules:") }) else { return (text, []) }
        let header = lines[..<start].filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n") + "\n"
        var rules: [String] = []
        var current: [Substring] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("  - id:") && !current.isEmpty {
                rules.append(current.joined(separator: "\n") + "\n")
                current = []
            }
            if !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { current.append(line) }
        }
        if !current.isEmpty { rules.append(current.joined(separator: "\n") + "\n") }
        return (header, rules)
    }

    public var tokens: [String] {
        ["&a ", "*a", "<<: *a\n", "[", "]", "{", "}", "- ", ": ", "? ", "\"", "'", "|\n", ">\n", "!!str ", "!!int ", "#", "\t", "\n",
         "    ", "kind: pattern\n", "kind: existence\n", "kind: coverage\n    of: tone.x\n", "pattern: \"(a+)+$\"\n",
         "pattern: \"[\"\n", "weight: 101\n", "weight: -1\n", "severity: fatal\n", "id: tone.x\n", "phrases: []\n",
         "examples:\n      good: [\"\"]\n", "channels: [twitter]\n", "moods: [angry]\n", "quotations: check\n", "~", "null",
         "1e309", "0x10", ".inf", "&b [*b]", "---\n", "...\n", "%YAML 1.2\n"]
    }

    public func run(_ input: [UInt8]) throws(FuzzFailure) {
        let (guide, diagnostics) = GuideLoader.compile(yaml: String(decoding: input, as: UTF8.self), file: "fuzz.yaml")
        guard let guide else {
            guard diagnostics.contains(where: { $0.level == .error }) else { throw FuzzFailure("a guide refused without an error") }
            return
        }
        guard !diagnostics.contains(where: { $0.level == .error }) else { throw FuzzFailure("a guide returned despite errors") }
        let scorer = Scorer(guide: guide)
        for example in guide.rules.flatMap(\.examples).prefix(8) {
            try Invariants.check(scorer.score(example.text, context: example.context), reply: example.text)
        }
    }
}
