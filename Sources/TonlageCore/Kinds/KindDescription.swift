import Foundation

/// What a rule kind is for and what it reads, as SwiftLint's `RuleDescription` describes a
/// rule: `tonlage guide --kinds`, the README's kinds table and the loader's check for unknown
/// keys all come from it, so none of them can drift from the others.
public struct KindDescription: Sendable {
    /// One line: what a rule of this kind objects to.
    public let summary: String
    /// The kind's own keys, beside the keys every rule has.
    public let parameters: [KindParameter]
    /// The kind's own keys of an example rule, as YAML at the rule's indentation.
    public let example: String
    /// Rules the example needs before it (a `coverage` rule reads an earlier rule's hits).
    public let exampleNeeds: String

    public init(summary: String, parameters: [KindParameter], example: String, exampleNeeds: String = "") {
        self.summary = summary
        self.parameters = parameters
        self.example = example
        self.exampleNeeds = exampleNeeds
    }

    /// A whole rule of `kind` (after the rules it needs), as items of a guide's `rules:` list.
    public func exampleRules(kind: String) -> String {
        let own = example.split(separator: "\n", omittingEmptySubsequences: true).map { "  " + $0 }.joined(separator: "\n")
        return exampleNeeds + """
            - id: content.example
              kind: \(kind)
              severity: warning
              weight: 10
              message: "Ein Beispiel für \(kind)."
              rationale: "Zeigt, wie eine Regel dieser Art aussieht."
            \(own)

            """
    }
}

/// One key a kind reads.
public struct KindParameter: Sendable, Encodable {
    public let name: String
    /// What the value is: "phrases", "integer", "number", "text", "choice (a|b)", "mapping", …
    public let type: String
    /// The value when the rule leaves the key out; nil when the rule must give it.
    public let defaultValue: String?
    public let meaning: String

    public var isRequired: Bool { defaultValue == nil }

    public static func required(_ name: String, _ type: String, _ meaning: String) -> KindParameter {
        KindParameter(name: name, type: type, defaultValue: nil, meaning: meaning)
    }

    public static func optional(_ name: String, _ type: String, _ defaultValue: String, _ meaning: String) -> KindParameter {
        KindParameter(name: name, type: type, defaultValue: defaultValue, meaning: meaning)
    }

    enum CodingKeys: String, CodingKey { case name, type, defaultValue = "default", required, meaning }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try container.encode(isRequired, forKey: .required)
        try container.encode(meaning, forKey: .meaning)
    }
}

/// The kinds' descriptions rendered for people: the terminal, the README and JSON.
public enum KindCatalogue {
    /// The README's table, row for row (`ReadmeTests` compares them).
    public static func markdownTable(_ kinds: [any RuleKind.Type] = RuleKinds.all) -> String {
        var out = "| kind | checks | parameters |\n|---|---|---|\n"
        for kind in kinds {
            let parameters = kind.description.parameters.map { "`\($0.name)`" }.joined(separator: ", ")
            out += "| `\(kind.name)` | \(kind.description.summary) | \(parameters.isEmpty ? "—" : parameters) |\n"
        }
        return out
    }

    /// Every kind with its summary, each parameter's type, default and meaning, and the example.
    public static func text(_ kinds: [any RuleKind.Type] = RuleKinds.all) -> String {
        var out = ""
        for kind in kinds {
            let description = kind.description
            out += "\(kind.name)\n  \(description.summary)\n"
            if description.parameters.isEmpty { out += "  no parameters\n" }
            for parameter in description.parameters {
                out += "  - \(parameter.name) (\(parameter.type), \(parameter.defaultValue.map { "default \($0)" } ?? "required")): \(parameter.meaning)\n"
            }
            out += "  example:\n" + description.exampleRules(kind: kind.name)
                .split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n\n"
        }
        return out
    }

    private struct Entry: Encodable {
        let kind: String
        let summary: String
        let parameters: [KindParameter]
        let example: String
    }

    /// The same as JSON, an array of kinds, for tools that help write guides.
    public static func json(_ kinds: [any RuleKind.Type] = RuleKinds.all) throws -> String {
        let entries = kinds.map { Entry(kind: $0.name, summary: $0.description.summary, parameters: $0.description.parameters,
                                        example: $0.description.exampleRules(kind: $0.name)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}
