import Testing
@testable import TonlageCore

/// Every kind describes itself completely: the descriptions feed `guide --kinds`, the README
/// and the loader's unknown-key check, so a gap there is a gap in all three.
@Suite("kind descriptions")
struct KindDescriptionTests {
    @Test("every kind has a one-line summary and described parameters", arguments: RuleKinds.all.map { $0.name })
    func described(name: String) throws {
        let kind = try #require(RuleKinds.named(name))
        let description = kind.description
        #expect(!description.summary.isEmpty && !description.summary.contains("\n"))
        #expect(Set(kind.parameters).count == kind.parameters.count, "a parameter is described twice")
        for parameter in description.parameters {
            #expect(!parameter.type.isEmpty && !parameter.meaning.isEmpty, "`\(parameter.name)` lacks its type or meaning")
        }
    }

    /// The example compiles with no diagnostic: the loader rejects keys the description does
    /// not list, so a parameter the kind reads but the description forgot fails here.
    @Test("every kind's example compiles without a diagnostic", arguments: RuleKinds.all.map { $0.name })
    func example(name: String) throws {
        let kind = try #require(RuleKinds.named(name))
        // The recogniser that `recognised`'s example names.
        let yaml = """
            language: de
            pass_mark: 70
            recognisers:
              zeitpunkt: { kind: pattern, pattern: 'freitag' }
            rules:
            \(kind.description.exampleRules(kind: name))
            """
        let (guide, diagnostics) = GuideLoader.compile(yaml: yaml, file: "\(name).yaml")
        // Only a dictionary that is not installed on this machine may be reported.
        let unexpected = diagnostics.filter { $0.code != "missing-dictionary" }
        #expect(unexpected.isEmpty, "\(unexpected)")
        let compiled = try #require(guide)
        if diagnostics.isEmpty { #expect(compiled.rules.contains { $0.id == "content.example" && $0.kind == name }) }
    }

    @Test("every parameter named in the example is described, and every required one is given", arguments: RuleKinds.all.map { $0.name })
    func requiredInExample(name: String) throws {
        let kind = try #require(RuleKinds.named(name))
        let given = kind.description.example.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            .map { String($0.prefix { $0 != ":" }) }
        for key in given { #expect(kind.parameters.contains(key), "the example gives `\(key)`") }
        for parameter in kind.description.parameters where parameter.isRequired {
            #expect(given.contains(parameter.name), "the example lacks the required `\(parameter.name)`")
        }
    }
}
