import Foundation
import Testing
import TonlageCore

/// The message catalogue: every message in every language, non-empty, with the same
/// placeholders and the same keys, and German not left as English by accident.
@Suite("message catalogue")
struct MessagesTests {
    /// A message rendered for comparison: plain text, or a function called with marker arguments.
    enum Rendered: Equatable {
        case text(String)
        case table([String: String])
    }

    static let marker = "‹ARG›"
    static let number = 4711

    /// The messages that take arguments, called with marker arguments. They are called by
    /// name rather than cast out of a `Mirror`: casting a closure from `Any` back to a function
    /// type corrupted memory in the Swift runtime here. A new one missing from this list is
    /// reported by `everyMessageHandled`.
    static let functions: [String: @Sendable (Messages) -> [Rendered]] = [
        "welcome": { m in [.text(m.welcome(marker))] },
        "unknownScenario": { m in [.text(m.unknownScenario(marker))] },
        "unknownCommand": { m in [.text(m.unknownCommand(marker))] },
        "time": { m in [.text(m.time(marker, true, nil)), .text(m.time(marker, true, "\(number)")), .text(m.time(marker, false, "\(number)"))] },
        "targetTime": { m in [.text(m.targetTime(marker))] },
        "unanswered": { m in [.text(m.unanswered(marker))] },
        "proposal": { m in [.text(m.proposal(marker, "")), .text(m.proposal(marker, marker))] },
        "unknownRule": { m in [.text(m.unknownRule(marker))] },
        "controlCharacter": { m in [.text(m.controlCharacter(marker))] },
        "notSaved": { m in [.text(m.notSaved(number))] },
        "savedLater": { m in [.text(m.savedLater(number))] },
        "notSavedAtEnd": { m in [.text(m.notSavedAtEnd(number))] },
        "spooled": { m in [.text(m.spooled(marker))] },
        "recovered": { m in [.text(m.recovered(number))] },
        "runsAndTurns": { m in [.text(m.runsAndTurns(number, number + 1))] },
        "passedOf": { m in [.text(m.passedOf(number, number + 1))] },
        "hintsUsed": { m in [.text(m.hintsUsed(number, number + 1))] },
        "ownBoilerplate": { m in [.text(m.ownBoilerplate(number))] },
        "inScenarios": { m in [.text(m.inScenarios(number))] },
        "noRunsFor": { m in [.text(m.noRunsFor(marker))] },
        "expectationMissing": { m in [.text(m.expectationMissing(marker))] },
        "certTooFewPassed": { m in [.text(m.certTooFewPassed(number, number + 1, number + 2))] },
        "certNotAllPassed": { m in [.text(m.certNotAllPassed(number, number + 1))] },
        "certAverageBelow": { m in [.text(m.certAverageBelow(number, number + 1))] },
        "certScenarioMissing": { m in [.text(m.certScenarioMissing(marker))] },
        "certNoAnswer": { m in [.text(m.certNoAnswer(marker))] },
        "certCircles": { m in [.text(m.certCircles(number))] },
        "certEndedWrong": { m in [.text(m.certEndedWrong(marker, marker + "2"))] },
        "certScoreBelow": { m in [.text(m.certScoreBelow(number, number + 1))] },
        "certFamilyError": { m in [.text(m.certFamilyError(marker, marker + "2", marker + "3"))] },
        "certPassedScenarios": { m in [.text(m.certPassedScenarios(number, number + 1))] },
        "examWelcome": { m in [.text(m.examWelcome(marker, number))] },
        "examRefused": { m in [.text(m.examRefused(marker))] },
        "examAnswersWritten": { m in [.text(m.examAnswersWritten(marker))] },
        "examEnded": { m in [.text(m.examEnded(number, number + 1))] },
    ]

    /// Every message of a catalogue by property name; a property of a type not handled here
    /// is reported, so a new kind of message cannot slip past the checks.
    static func rendered(_ messages: Messages) -> (messages: [String: [Rendered]], unknown: [String]) {
        var out: [String: [Rendered]] = [:]
        var unknown: [String] = []
        for child in Mirror(reflecting: messages).children {
            guard let name = child.label else { continue }
            let value = child.value
            if let function = functions[name] {
                out[name] = function(messages)
            } else if let text = value as? String {
                out[name] = [.text(text)]
            } else if let table = value as? [String: String] {
                out[name] = [.table(table)]
            } else if let table = value as? [Family: String] {
                out[name] = [.table(Dictionary(uniqueKeysWithValues: table.map { ($0.key.rawValue, $0.value) }))]
            } else if let table = value as? [Severity: String] {
                out[name] = [.table(Dictionary(uniqueKeysWithValues: table.map { ($0.key.rawValue, $0.value) }))]
            } else if let table = value as? [Mood: String] {
                out[name] = [.table(Dictionary(uniqueKeysWithValues: table.map { ($0.key.rawValue, $0.value) }))]
            } else {
                unknown.append(name)
            }
        }
        return (out, unknown)
    }

    @Test("every message is understood by this test")
    func everyMessageHandled() {
        for (language, messages) in Messages.all {
            #expect(Self.rendered(messages).unknown == [], "\(language)")
        }
    }

    @Test("every message exists in every language and is non-empty")
    func complete() {
        let catalogues = Messages.all.map { ($0.language, Self.rendered($0.messages).messages) }
        let names = Set(catalogues.flatMap { $0.1.keys })
        #expect(names.count > 40)
        for (language, messages) in catalogues {
            for name in names {
                guard let rendered = messages[name] else { Issue.record("\(language): no \(name)"); continue }
                for case let .text(text) in rendered {
                    #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language).\(name) is empty")
                }
                for case let .table(table) in rendered {
                    #expect(!table.isEmpty, "\(language).\(name) is empty")
                    #expect(table.values.allSatisfy { !$0.isEmpty }, "\(language).\(name) has an empty entry")
                }
            }
        }
    }

    @Test("tables have the same keys in every language, and cover every case")
    func tables() {
        for (language, messages) in Messages.all {
            #expect(Set(messages.families.keys) == Set(Family.allCases), "\(language)")
            #expect(Set(messages.severities.keys) == Set(Severity.allCases), "\(language)")
            #expect(Set(messages.moods.keys) == Set(Mood.allCases), "\(language)")
            #expect(Set(messages.outcomes.keys) == Set(Messages.german.outcomes.keys), "\(language)")
            #expect(Set(messages.difficulty.keys) == Set(Messages.german.difficulty.keys), "\(language)")
        }
    }

    @Test("placeholders: every language shows the arguments it is given")
    func placeholders() {
        for (language, messages) in Messages.all {
            for (name, rendered) in Self.rendered(messages).messages {
                guard case let .text(german) = Self.rendered(Messages.german).messages[name]?.first,
                      case let .text(text) = rendered.first else { continue }
                for argument in [Self.marker, String(Self.number), String(Self.number + 1)] {
                    #expect(german.contains(argument) == text.contains(argument), "\(language).\(name): \(argument)")
                }
                #expect(Self.templateFields(german) == Self.templateFields(text), "\(language).\(name): {fields}")
            }
        }
    }

    /// The `{field}`s a rule fills into a message template.
    static func templateFields(_ text: String) -> Set<String> {
        var fields: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            fields.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return fields
    }

    @Test("German is not English left untranslated")
    func translated() {
        // The same word in both languages on purpose.
        let same: Set<String> = ["briefing", "continuation"]
        let german = Self.rendered(Messages.german).messages
        let english = Self.rendered(Messages.english).messages
        for (name, rendered) in german where !same.contains(name) {
            for (de, en) in zip(rendered, english[name] ?? []) {
                if case .text = de { #expect(de != en, "\(name) is the same in German and English") }
            }
        }
    }

    @Test("the guide's language chooses the catalogue")
    func choice() {
        #expect(Messages.for(language: "de").welcome("x") == Messages.german.welcome("x"))
        #expect(Messages.for(language: "de-AT").saved == Messages.german.saved)
        #expect(Messages.for(language: "en").saved == Messages.english.saved)
    }

    @Test("spans read as people say them, never as thousands of seconds")
    func spans() {
        #expect(Messages.german.span(45) == "45 Sekunden")
        #expect(Messages.german.span(1) == "1 Sekunde")
        #expect(Messages.german.span(1800) == "30 Minuten")
        #expect(Messages.german.span(5400) == "90 Minuten")
        #expect(Messages.german.span(86_400) == "24 Stunden")
        #expect(Messages.german.span(3600 * 3) == "3 Stunden")
        #expect(Messages.english.span(600) == "10 minutes")
        #expect(Messages.english.span(3600 * 8) == "8 hours")
    }

    @Test("every channel has its name in every language")
    func channelNames() {
        for (language, messages) in Messages.all {
            #expect(Set(messages.channelNames.keys) == Set(Channel.allCases.map(\.rawValue)), "\(language)")
        }
    }
}
