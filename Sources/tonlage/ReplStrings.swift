/// What the REPL says to the trainee, in the guide's language.
struct ReplStrings: Sendable {
    let welcome: @Sendable (String) -> String
    let chooseScenario: String
    let another: String
    let unknownScenario: @Sendable (String) -> String
    let briefing: String
    let replyPrompt: String
    let dmPrompt: String
    let continuation: String
    let help: String
    let unknownCommand: @Sendable (String) -> String
    let time: @Sendable (Int, Int?) -> String
    let outcome: String
    let outcomes: [String: String]
    let average: String
    let duration: String
    let practise: String
    let nothingToPractise: String
    let hintTitle: String
    let mustMention: String
    let action: String
    let targetTime: @Sendable (Int) -> String
    let relevantRules: String
    let retry: String
    let nothingToRetry: String
    let saved: String
    let askName: String
    let difficulty: [String: String]
    let unknownRule: @Sendable (String) -> String
    /// A reply `InputHygiene` refused: not scored, not stored, asked for again.
    let refused: @Sendable (InputHygiene.Problem) -> String
    /// A write the store refused, and how many wait for the next one.
    let notSaved: @Sendable (Int) -> String
    let savedLater: @Sendable (Int) -> String
    let notSavedAtEnd: @Sendable (Int) -> String
    let spooled: @Sendable (String) -> String
    let recovered: @Sendable (Int) -> String

    static func `for`(language: String) -> ReplStrings {
        language.lowercased().hasPrefix("de") ? german : english
    }

    static let german = ReplStrings(
        welcome: { "Hallo \($0)! Wähle ein Szenario. :help zeigt alle Befehle." },
        chooseScenario: "Szenario (Nummer oder ID): ",
        another: "Noch ein Szenario? Nummer oder ID, Enter zum Beenden: ",
        unknownScenario: { "Kein Szenario „\($0)“. Nummer oder ID aus der Liste, Tab ergänzt." },
        briefing: "Briefing",
        replyPrompt: "Deine Antwort> ",
        dmPrompt: "Privatnachricht> ",
        continuation: "…> ",
        help: """
            Schreib deine Antwort und drück Enter; endet eine Zeile mit \\, geht die Antwort weiter.
              :hint           Erwartungen dieses Schritts und passende Regeln (wird vermerkt)
              :guide [regel]  den Styleguide zeigen, oder eine Regel
              :retry          den letzten Schritt noch einmal beantworten
              :dm [text]      per Privatnachricht antworten statt öffentlich (ohne Text: wird erfragt)
              :escalate [txt] an Kolleginnen oder die Unternehmenskommunikation übergeben
              :skip           dieses Szenario abbrechen
              :progress       deinen Fortschritt zeigen
              :quit           beenden (auch Strg-D); Strg-C löscht die Zeile
            """,
        unknownCommand: { "Unbekannter Befehl „\($0)“ – :help zeigt alle." },
        time: { seconds, target in
            "Antwortzeit: \(seconds) s" + (target.map { seconds <= $0 ? " (Ziel \($0) s ✓)" : " (Ziel \($0) s überschritten)" } ?? "")
        },
        outcome: "Ausgang",
        outcomes: ["resolved": "gelöst", "escalated": "eskaliert", "lost": "Kunde verloren", "abandoned": "abgebrochen", "unfinished": "offen"],
        average: "Durchschnitt", duration: "Dauer",
        practise: "Als Nächstes üben",
        nothingToPractise: "Nichts zu beanstanden – weiter so!",
        hintTitle: "Tipp für diesen Schritt",
        mustMention: "Geh darauf ein",
        action: "Richtige Aktion",
        targetTime: { "Antworte innerhalb von \($0) s." },
        relevantRules: "Wichtige Regeln hier",
        retry: "Noch einmal:",
        nothingToRetry: "Es gibt noch keinen Schritt zum Wiederholen.",
        saved: "Gespeichert. Bis bald!",
        askName: "Wie heißt du? (wird gemerkt) ",
        difficulty: ["easy": "leicht", "medium": "mittel", "hard": "schwer"],
        unknownRule: { "Der Styleguide hat keine Regel „\($0)“ – :guide listet alle." },
        refused: { problem in
            switch problem {
            case .invalidUTF8: return "Diese Antwort ist kein gültiges UTF-8 und wird nicht gewertet. Bitte schreib sie noch einmal."
            case let .controlCharacter(scalar, _):
                return "Diese Antwort enthält das Steuerzeichen \(InputHygiene.escape(scalar)) und wird nicht gewertet. Bitte schreib sie noch einmal."
            }
        },
        notSaved: { "Nicht gespeichert – der Fortschritt wird mit der nächsten Antwort nachgetragen (\($0) vorgemerkt)." },
        savedLater: { "Nachgetragen: \($0) vorgemerkte Einträge sind jetzt gespeichert." },
        notSavedAtEnd: { "\($0) Einträge konnten nicht gespeichert werden." },
        spooled: { "Sie sind sicher in \($0) und werden beim nächsten Start geschrieben." },
        recovered: { "Nachgetragen: \($0) Einträge einer früheren Sitzung sind jetzt gespeichert." })

    static let english = ReplStrings(
        welcome: { "Hello \($0)! Pick a scenario. :help lists the commands." },
        chooseScenario: "Scenario (number or id): ",
        another: "Another scenario? Number or id, Enter to quit: ",
        unknownScenario: { "No scenario “\($0)”. Use a number or id from the list; Tab completes." },
        briefing: "Briefing",
        replyPrompt: "Your reply> ",
        dmPrompt: "Private message> ",
        continuation: "…> ",
        help: """
            Type your reply and press Enter; a line ending in \\ continues the reply.
              :hint           this step's expectations and the relevant rules (recorded)
              :guide [rule]   show the style guide, or one rule
              :retry          answer the last step again
              :dm [text]      answer by private message instead of in public (asked for if omitted)
              :escalate [txt] hand over to colleagues or corporate communications
              :skip           abandon this scenario
              :progress       show your progress
              :quit           quit (also Ctrl-D); Ctrl-C clears the line
            """,
        unknownCommand: { "Unknown command “\($0)” – :help lists them." },
        time: { seconds, target in
            "Response time: \(seconds) s" + (target.map { seconds <= $0 ? " (target \($0) s ✓)" : " (target \($0) s exceeded)" } ?? "")
        },
        outcome: "Outcome",
        outcomes: ["resolved": "resolved", "escalated": "escalated", "lost": "customer lost", "abandoned": "abandoned", "unfinished": "open"],
        average: "Average", duration: "Time",
        practise: "Practise next",
        nothingToPractise: "Nothing to fault – keep it up!",
        hintTitle: "Hint for this step",
        mustMention: "Address",
        action: "Right action",
        targetTime: { "Answer within \($0) s." },
        relevantRules: "Key rules here",
        retry: "Again:",
        nothingToRetry: "There is no step to answer again yet.",
        saved: "Saved. See you!",
        askName: "What is your name? (remembered) ",
        difficulty: ["easy": "easy", "medium": "medium", "hard": "hard"],
        unknownRule: { "The guide has no rule “\($0)” – :guide lists them all." },
        refused: { problem in
            switch problem {
            case .invalidUTF8: return "This reply is not valid UTF-8 and is not scored. Please type it again."
            case let .controlCharacter(scalar, _):
                return "This reply contains the control character \(InputHygiene.escape(scalar)) and is not scored. Please type it again."
            }
        },
        notSaved: { "Not saved – your progress is written with your next answer (\($0) waiting)." },
        savedLater: { "Caught up: \($0) waiting entries are saved now." },
        notSavedAtEnd: { "\($0) entries could not be saved." },
        spooled: { "They are safe in \($0) and will be written at the next start." },
        recovered: { "Caught up: \($0) entries of an earlier session are saved now." })
}
