extension Messages {
    public static let german = Messages(
        language: "de",
        suggestion: "Vorschlag", deduction: "Punkte", dimensions: "Bereiche", result: "Ergebnis",
        passed: "bestanden", failed: "nicht bestanden", passMark: "Bestehensgrenze",
        errorsPresent: "mit Fehlern kann eine Antwort nicht bestehen", length: "Länge",
        noFindings: "Keine Beanstandungen.", moreFindings: "weitere Beanstandungen, in den Bereichen mitgezählt",
        skipped: "Nicht geprüft (die Regel gab bei dieser Antwort nach ihrem Rechenlimit auf)",
        families: [.address: "Anrede", .length: "Länge", .template: "Textbausteine", .tone: "Ton",
                   .privacy: "Datenschutz", .disclosure: "Transparenz", .spelling: "Rechtschreibung",
                   .content: "Inhalt", .tempo: "Tempo"],
        severities: [.error: "Fehler", .warning: "Warnung", .hint: "Hinweis"],
        moods: [.angry: "verärgert", .neutral: "neutral", .happy: "erfreut"],
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
        invalidUTF8: "Diese Antwort ist kein gültiges UTF-8 und wird nicht gewertet. Bitte schreib sie noch einmal.",
        controlCharacter: { "Diese Antwort enthält das Steuerzeichen \($0) und wird nicht gewertet. Bitte schreib sie noch einmal." },
        notSaved: { "Nicht gespeichert – der Fortschritt wird mit der nächsten Antwort nachgetragen (\($0) vorgemerkt)." },
        savedLater: { "Nachgetragen: \($0) vorgemerkte Einträge sind jetzt gespeichert." },
        notSavedAtEnd: { "\($0) Einträge konnten nicht gespeichert werden." },
        spooled: { "Sie sind sicher in \($0) und werden beim nächsten Start geschrieben." },
        recovered: { "Nachgetragen: \($0) Einträge einer früheren Sitzung sind jetzt gespeichert." },
        runsAndTurns: { "\($0) Durchläufe · \($1) Antworten" },
        readiness: ["certified": "zertifiziert", "ready": "bereit für die Zertifizierung", "needs-practice": "braucht noch Übung"],
        practiceTrack: "Übung", examTrack: "Prüfungen",
        passedOf: { "\($0)/\($1) bestanden" },
        averageScore: "Durchschnitt", trend: "Trend",
        hintsUsed: { "Tipps genutzt: \($0) von \($1) Antworten" },
        best: "beste", last: "letzte", exam: "Prüfung",
        weakest: "am schwächsten:",
        ownBoilerplate: { "deine eigenen Textbausteine (derselbe Satz in \($0)+ Szenarien):" },
        inScenarios: { "\($0) Szenarien" },
        noRuns: "Noch keine Durchläufe gespeichert.",
        noRunsFor: { "Noch keine Durchläufe von \($0) gespeichert." },
        reportTitle: "Tonlage – Trainingsbericht", reportHeading: "Trainingsbericht", since: "ab",
        agents: "Agents", runs: "Durchläufe", replies: "Antworten", averagePoints: "Ø Punkte",
        cohort: "Kohorte", cohortHeatmap: "Punktverlust je Antwort: Agents × Bereiche",
        topFindings: "Häufigste Beanstandungen", hardestScenarios: "Schwierigste Szenarien", noData: "Keine Daten.",
        rule: "Regel", example: "Beispiel", scenarioChart: "Ø Punkte je Szenario", scenarioAxis: "Ø Punkte · Erfolgsquote",
        noTimeTargets: "keine Zeitvorgaben", withinTarget: "innerhalb der Zielzeit", target: "Ziel",
        hintsUsedLabel: "Tipps genutzt", scoreOverTime: "Punkte im Verlauf", wherePointsAreLost: "Wo Punkte verloren gehen",
        responseTimes: "Antwortzeiten", outcomesPerScenario: "Ausgänge je Szenario",
        examsAndCertifications: "Prüfung/Zertifizierung", ownBoilerplateTitle: "Eigene Textbausteine",
        noDeductions: "Keine Abzüge.", familyChart: "Punktverlust je Bereich",
        shareWithinTarget: "Anteil innerhalb der Zielzeit", scenario: "Szenario", lostShort: "verloren",
        expectationMissing: { "Es fehlt: \($0)." },
        expectationMustNot: "„{match}“ gehört nicht in diese Antwort.",
        expectationAction: "Hier wäre „{expected}“ richtig gewesen, nicht „{action}“.",
        expectationTempo: "{value} s bis zur Antwort, Ziel sind {target} s.",
        certTooFewPassed: { "\($0) von \($1) Szenarien bestanden, \($2) nötig" },
        certNotAllPassed: { "\($0) von \($1) Szenarien nicht bestanden" },
        certAverageBelow: { "Durchschnitt \($0) liegt unter \($1)" },
        certScenarioMissing: { "das Szenario „\($0)“ ist nicht in der Bibliothek" },
        certNoAnswer: { "keine Antwort für den Schritt „\($0)“" },
        certCircles: { "mehr als \($0) Züge: die Antworten drehen sich im Kreis" },
        certEndedWrong: { "endete \($0), nicht \($1)" },
        certScoreBelow: { "Punktzahl \($0) liegt unter \($1)" },
        certFamilyError: { "\($0)-Fehler: \($1) bei „\($2)“" },
        certExamRequired: "der Plan verlangt eine beaufsichtigte Prüfung (tonlage exam)",
        certCertified: "Zertifiziert", certNotCertified: "Nicht zertifiziert", certPlan: "Plan",
        certPassedScenarios: { "bestandene Szenarien: **\($0) von \($1)**" },
        certIssued: "ausgestellt", certValidUntil: "gültig bis", certReasons: "Gründe", certPoints: "Punkte",
        certCheckedAgainst: "Geprüft gegen", certExamSession: "Prüfungssitzung",
        examWelcome: { "Prüfung „\($0)“: \($1) Szenarien, je ein Versuch. :hint, :guide und :retry gibt es hier nicht." },
        examRefused: { "„\($0)“ ist in der Prüfung nicht erlaubt." },
        examHelp: """
            Tippe deine Antwort und drück Enter; eine Zeile mit \\ am Ende setzt die Antwort fort.
              :dm [Text]      per Privatnachricht statt öffentlich antworten
              :escalate [Txt] an Kolleg:innen oder die Unternehmenskommunikation abgeben
              :skip           dieses Szenario aufgeben (es zählt als nicht bestanden)
              :quit           die Prüfung beenden (auch Strg-D)
            """,
        examAnswersWritten: { "Deine Antworten stehen in \($0); gib die Datei deiner Trainerin oder deinem Trainer." },
        examEnded: { "Prüfung beendet: \($0) von \($1) Szenarien gespielt." })
}
