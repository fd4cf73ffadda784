import TonlageCore

/// What a trainee reads, in the guide's language: one small table per language.
struct Labels {
    let suggestion: String
    let deduction: String
    let dimensions: String
    let result: String
    let passed: String
    let failed: String
    let passMark: String
    let errorsPresent: String
    let length: String
    let noFindings: String
    /// After the findings shown, before how many more there are.
    let moreFindings: String
    /// Before the rules that gave up on the reply.
    let skipped: String
    let families: [Family: String]
    let severities: [Severity: String]
    let moods: [Mood: String]

    static func `for`(language: String) -> Labels {
        language.lowercased().hasPrefix("de") ? german : english
    }

    static let german = Labels(
        suggestion: "Vorschlag", deduction: "Punkte", dimensions: "Bereiche", result: "Ergebnis",
        passed: "bestanden", failed: "nicht bestanden", passMark: "Bestehensgrenze",
        errorsPresent: "mit Fehlern kann eine Antwort nicht bestehen", length: "Länge",
        noFindings: "Keine Beanstandungen.", moreFindings: "weitere Beanstandungen, in den Bereichen mitgezählt",
        skipped: "Nicht geprüft (die Regel gab bei dieser Antwort nach ihrem Rechenlimit auf)",
        families: [.address: "Anrede", .length: "Länge", .template: "Textbausteine", .tone: "Ton",
                   .privacy: "Datenschutz", .disclosure: "Transparenz", .spelling: "Rechtschreibung",
                   .content: "Inhalt", .tempo: "Tempo"],
        severities: [.error: "Fehler", .warning: "Warnung", .hint: "Hinweis"],
        moods: [.angry: "verärgert", .neutral: "neutral", .happy: "erfreut"])

    static let english = Labels(
        suggestion: "Suggestion", deduction: "points", dimensions: "Dimensions", result: "Result",
        passed: "passed", failed: "failed", passMark: "pass mark",
        errorsPresent: "a reply with an error cannot pass", length: "Length",
        noFindings: "No findings.", moreFindings: "more findings, counted in the dimensions",
        skipped: "Not checked (the rule gave up on this reply at its work limit)",
        families: [.address: "address", .length: "length", .template: "templates", .tone: "tone",
                   .privacy: "privacy", .disclosure: "disclosure", .spelling: "spelling",
                   .content: "content", .tempo: "tempo"],
        severities: [.error: "error", .warning: "warning", .hint: "hint"],
        moods: [.angry: "angry", .neutral: "neutral", .happy: "happy"])
}
