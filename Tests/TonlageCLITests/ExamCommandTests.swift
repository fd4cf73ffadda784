import Foundation
import Testing

/// `tonlage exam` driven through standard input, and `certify` of what it writes.
@Suite("tonlage exam")
struct ExamCommandTests {
    /// The example answers (`scenarios/certification/example-answers.yaml`), typed line by
    /// line in the plan's order (one attempt each).
    static let typed = [
        "Hallo Nina, das ist wirklich ärgerlich, sorry! Schick mir bitte per Privatnachricht deine Bestellnummer, dann finde ich heraus, wo die Waschmaschine hängt. Viele Grüße, Paul",
        "Danke, Nina! Die Waschmaschine steht im Lager in Hamburg und wird am Freitag geliefert, die Spedition meldet sich morgen mit der Uhrzeit. Viele Grüße, Paul",
        "Das tut mir echt leid, Lukas! Der RE 7 hat eine Weichenstörung, dein Anschluss in Köln fährt um 17:42 von Gleis 4 nochmal. Kommst du damit hin? ^SK",
        "Die Zugbindung ist aufgehoben, Lukas, du darfst mit deinem Sparpreis ohne Aufpreis in den nächsten Zug. ^SK",
        "Ja, ab 60 Minuten bekommst du 25 Prozent vom Fahrpreis als Entschädigung. Den Antrag stellst du am einfachsten in der App. ^SK",
        "Danke für die Blumen, Jule! Der Mantel steht dir super. Liebe Grüße, Sophie",
        "Wie schön, Jule! Den Wollmantel gibt es leider nicht in Dunkelgrün, aber in Marineblau und Camel. Liebe Grüße, Sophie",
        "Danke dir, Jule! Wir wünschen deiner Schwester ganz viel Freude mit dem Mantel. Sophie",
        "Hallo Sabine, ich arbeite im Kundenservice von Nordhaus und es tut mir leid, dass die Retoure so lange dauert. Schreib uns gern an service@nordhaus.de, dann kümmere ich mich persönlich darum.",
        "Hallo Sabine, danke für deine Mail und entschuldige die lange Wartezeit, das ist ärgerlich. Die 89,90 Euro habe ich heute angewiesen, sie sind bis Freitag auf deinem Konto. Viele Grüße, Paul vom Nordhaus-Kundenservice",
        "Danke für dein Update, Sabine! Ich bin Paul aus dem Nordhaus-Kundenservice und gebe die drei Wochen an unser Retourenlager weiter, damit es beim nächsten Mal schneller geht.",
        ":escalate Welle zu #PhoneGate, Liefertermine des neuen Smartphones; bitte Stellungnahme.",
        "Ärgerlich, Anja, sorry! Alles steht in der Stellungnahme: telkonord.de/phone. Die Geräte kommen ab Freitag. ^KH",
    ]

    /// A library with the plan `pruefung`: the default plan's scenarios, exam required.
    static func library() throws -> CertificateTrustTests.Library {
        let plan = try String(contentsOf: Binary.packageRoot.appendingPathComponent("scenarios/certification/grundlagen.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: grundlagen", with: "name: pruefung\nrequires: exam\nvalid_months: 24")
        return try CertificateTrustTests.library(extraPlans: ["pruefung": plan])
    }

    @Test("exam → certify: no :hint, :guide or :retry; the answers file names the session, the certificate names it too")
    func examThenCertify() throws {
        let library = try Self.library()
        let store = Binary.newStorePath()
        let input = ([":hint", ":guide", Self.typed[0], ":retry"] + Self.typed.dropFirst()).joined(separator: "\n") + "\n"
        let result = try Binary.run(["exam", "pruefung", "--agent", "Anna", "--store", store, "--out", "anna-exam2.json"],
                                    stdin: Data(input.utf8), in: library.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("„:hint“ ist in der Prüfung nicht erlaubt."))
        #expect(result.stdout.contains("„:guide“ ist in der Prüfung nicht erlaubt."))
        #expect(result.stdout.contains("„:retry“ ist in der Prüfung nicht erlaubt."))
        #expect(result.stdout.contains("Prüfung beendet: 5 von 5 Szenarien gespielt."))
        let answers = library.folder.appendingPathComponent("anna-exam2.json")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: answers)) as? [String: Any])
        let session = try #require((file["exam"] as? [String: String])?["session"])
        #expect((file["exam"] as? [String: String])?["started"] != nil)
        let parcel = (file["answers"] as? [String: [String: [String: Any]]])?["paket-verspaetet"]
        #expect(parcel?["beschwerde"]?["seconds"] is NSNumber, "every answer's time is recorded")

        let certified = try library.run(["certify", "anna-exam2.json", "--plan", "pruefung", "--store", store, "--out", "out-exam",
                                         "--sign-key", library.keys + ".key", "--issued-at", "2026-11-24T10:00:00Z"])
        #expect(certified.status == 0, "\(certified.stdout)\(certified.stderr)")
        let certificate = try String(contentsOf: library.folder.appendingPathComponent("out-exam/anna.json"), encoding: .utf8)
        #expect(certificate.contains("\"exam_session\":\"\(session)\""))
        #expect(certificate.contains("\"valid_until\":\"2028-11-24T10:00:00Z\""), "24 months, as the plan says")
        #expect(try library.verify("out-exam/anna.json").status == 0)

        // The runs are stored as an exam.
        let progress = try Binary.run(["progress", "--format", "csv", "--store", store])
        #expect(progress.stdout.contains("Anna,lob-mantel,"))
        #expect(progress.stdout.contains(",assessment,"))
    }

    @Test("forgery: the example answers copied, or an exam's answers edited or renamed, are refused where the plan requires an exam")
    func handWritten() throws {
        let library = try Self.library()
        let store = Binary.newStorePath()
        let copied = try library.run(["certify", "anna.yaml", "--plan", "pruefung", "--store", store, "--out", "out-copied"])
        #expect(copied.status == 2)
        #expect(copied.stdout.contains("requires the answers of a supervised exam"))
        #expect(!FileManager.default.fileExists(atPath: library.folder.appendingPathComponent("out-copied/anna.json").path))

        let input = Self.typed.joined(separator: "\n") + "\n"
        let exam = try Binary.run(["exam", "pruefung", "--agent", "Anna", "--store", store, "--out", "exam.json"],
                                  stdin: Data(input.utf8), in: library.folder)
        #expect(exam.status == 0, "\(exam.stderr)")
        let original = try String(contentsOf: library.folder.appendingPathComponent("exam.json"), encoding: .utf8)
        let edits = [("edited.json", original.replacingOccurrences(of: "Liebe Grüße, Sophie", with: "LG Sophie"), "not those given"),
                     ("renamed.json", original.replacingOccurrences(of: "\"agent\" : \"Anna\"", with: "\"agent\" : \"Mallory\""),
                      "taken by another agent"),
                     ("invented.json", original.replacingOccurrences(of: "\"session\" : \"", with: "\"session\" : \"0"),
                      "is not in the progress store")]
        for (name, text, reason) in edits {
            #expect(text != original)
            try text.write(to: library.folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let result = try library.run(["certify", name, "--plan", "pruefung", "--store", store, "--out", "out-\(name)"])
            #expect(result.status == 2, "\(name)")
            #expect(result.stdout.contains(reason), "\(name): \(result.stdout)")
        }
        #expect(try library.run(["certify", "exam.json", "--plan", "pruefung", "--store", store, "--out", "out-ok"]).status == 0)
    }

    @Test("bad usage: a path for PLAN, an unknown plan, an answers file already there exit 2")
    func usage() throws {
        let library = try Self.library()
        #expect(try library.run(["exam", "../grundlagen", "--agent", "A", "--store", Binary.newStorePath()]).status == 2)
        #expect(try library.run(["exam", "nope", "--agent", "A", "--store", Binary.newStorePath()]).status == 2)
        let taken = try library.run(["exam", "pruefung", "--agent", "A", "--store", Binary.newStorePath(), "--out", "anna.yaml"])
        #expect(taken.status == 2)
        #expect(taken.stderr.contains("anna.yaml is already there"))
    }
}
