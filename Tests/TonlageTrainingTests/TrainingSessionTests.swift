import Foundation
import Testing
@testable import TonlageCore
import TonlageScenarios
import TonlageStore
@testable import TonlageTraining

/// The training layer: one session over a scenario run, recorded through the one loop.
@Suite("training session")
struct TrainingSessionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let guide = try! GuideLoader.load(path: root.appendingPathComponent("guide/de-social.yaml").path)
    static let scenarios = ScenarioLoader.loadLibrary(directory: root.appendingPathComponent("scenarios").path, language: guide.scenarioLanguage).scenarios

    func recorder() throws -> SessionRecorder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-training-\(UUID())/p.sqlite").path
        return SessionRecorder(store: try SQLiteStore(path: path))
    }

    func session(_ id: String, recorder: SessionRecorder, earlier: [String: Set<String>]? = nil) throws -> TrainingSession {
        let scenario = try #require(Self.scenarios.first { $0.id == id })
        return TrainingSession(scenario: scenario, guide: Self.guide, scorer: Scorer(guide: Self.guide), agent: "Anna", mode: .practice,
                               recorder: recorder, ownSentences: earlier)
    }

    @Test(":hint names what the step's channel and mood ask for, and leaves out the plain public reply")
    func hintPerStep() throws {
        let recorder = try recorder()
        // Nina is angry: empathy belongs in the hint, and the step wants a public reply.
        var angry = try self.session("paket-verspaetet", recorder: recorder)
        let hint = try #require(Optional(angry.hint()) ?? nil)
        #expect(hint.rules.first?.id == "content.empathie")
        #expect(hint.actions.isEmpty)
        #expect(hint.targetSeconds == 1800)
        // Praise: thanks, not empathy.
        var praise = try self.session("lob-mantel", recorder: recorder)
        let praiseHint = try #require(Optional(praise.hint()) ?? nil)
        #expect(praiseHint.rules.map(\.id).contains("content.dank_bei_lob"))
        #expect(!praiseHint.rules.map(\.id).contains("content.empathie"))
        // A review site: disclosure.
        var review = try self.session("bewertung-ein-stern", recorder: recorder)
        #expect(try #require(Optional(review.hint()) ?? nil).rules.map(\.id).contains("disclosure.mitarbeiter"))
    }

    @Test("a played scenario is recorded turn by turn, with hints, retries, the outcome and three things to practise")
    func played() throws {
        let recorder = try recorder()
        var session = try self.session("paket-verspaetet", recorder: recorder)
        #expect(session.startFailure == nil)
        let first = session.answer(Answer(text: "lol, das steht doch auf der Website 😂😂😂😂 MFG"))
        #expect(first != nil && first?.failure == nil)
        let retried = session.retry()
        #expect(retried)
        let hint = try #require(Optional(session.hint()) ?? nil)
        #expect(!hint.rules.isEmpty)
        _ = session.answer(Answer(text: "Hallo Nina, das ist wirklich ärgerlich, sorry! Schick mir bitte per Privatnachricht deine Bestellnummer, dann finde ich heraus, wo die Waschmaschine hängt. Viele Grüße, Paul"))
        _ = session.answer(Answer(text: "Danke, Nina! Die Waschmaschine kommt am Freitag, die Spedition meldet sich morgen mit der Uhrzeit. ^PL"))
        #expect(session.isFinished)
        let ended = session.finish()
        let (summary, failure) = (ended.summary, ended.failure)
        #expect(failure == nil)
        #expect(summary.outcome == .resolved)
        #expect(summary.hintsUsed == 1 && summary.retries == 1)
        // The score is each step's first answer, as in an exam; the best attempt beside it.
        #expect(summary.averageScore == (session.run.turns[0].card.score + session.run.turns[2].card.score + 1) / 2)
        #expect(summary.bestScore == (session.run.turns[1].card.score + session.run.turns[2].card.score + 1) / 2)
        #expect((summary.bestScore ?? 0) > summary.averageScore)
        #expect((1...3).contains(summary.practise.count))
        #expect(summary.practise.map(\.points) == summary.practise.map(\.points).sorted(by: >))
        let stored = try recorder.store.turns()
        #expect(stored.count == 3)
        #expect(stored.map(\.hintUsed) == [false, true, false])
        #expect(try recorder.store.progress().first?.scenarios.first?.lastOutcome == "resolved")
    }

    @Test("a sentence from two other scenarios is a hint finding, worth no points; the scorer alone finds nothing")
    func ownBoilerplate() throws {
        let pasted = "Wir kümmern uns sofort um dein Anliegen und melden uns."
        let fingerprint = try #require(OwnSentences.sentences(of: pasted, guide: Self.guide).first?.fingerprint)
        let reply = "Hallo Nina, das tut mir leid! " + pasted
        var played = try session("paket-verspaetet", recorder: try recorder(), earlier: [fingerprint: ["a", "b", "paket-verspaetet"]])
        let answered = played.answer(Answer(text: reply))
        let card = try #require(answered?.turn.card)
        let hint = try #require(card.findings.first { $0.rule == "template.eigener_textbaustein" })
        #expect(hint.severity == .hint && hint.deduction == 0)
        #expect(hint.excerpt == pasted)
        #expect(hint.message.contains("3 verschiedenen Szenarien"))
        var once = try session("paket-verspaetet", recorder: try recorder(), earlier: [fingerprint: ["a", "paket-verspaetet"]])
        let findings = once.answer(Answer(text: reply))?.turn.card.findings ?? []
        #expect(!findings.contains { $0.rule == "template.eigener_textbaustein" })
        let plain = Scorer(guide: Self.guide).score(reply, context: ReplyContext(channel: .facebook))
        #expect(!plain.findings.contains { $0.rule == "template.eigener_textbaustein" })
    }

    @Test("turns scored elsewhere are recorded as they are (certify): nothing is scored twice")
    func replay() throws {
        let recorder = try recorder()
        let scenario = try #require(Self.scenarios.first { $0.id == "paket-verspaetet" })
        let played = ScenarioRun.play(scenario, answers: try #require(scenario.examples.first { $0.isGood }).answers,
                                      scorer: Scorer(guide: Self.guide))
        var session = TrainingSession(scenario: scenario, guide: Self.guide, scorer: Scorer(guide: Self.guide), agent: "Cert",
                                      mode: .certify, recorder: recorder)
        #expect(session.replay(played) == nil)
        _ = session.finish(outcome: .resolved)
        let stored = try recorder.store.turns()
        #expect(stored.map(\.score) == played.turns.map(\.card.score))
        #expect(try recorder.store.progress().first?.assessment.runs == 1)
    }
}
