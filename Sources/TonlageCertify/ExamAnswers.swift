import Foundation
import TonlageCore
import TonlageScenarios

/// The answers file `tonlage exam` writes: the agent, the exam session (id, plan, times) and
/// every answer with its time, in JSON (which the answers loader reads as YAML).
public enum ExamAnswers {
    /// The answers of the played runs, per scenario and step; a step answered twice (a
    /// conversation that came back to it) keeps the last answer, as `certify` replays it.
    /// Times are kept to the millisecond, as the loader reads them.
    public static func answers(of runs: [ScenarioRun]) -> [String: [String: Answer]] {
        var out: [String: [String: Answer]] = [:]
        for run in runs {
            for turn in run.turns {
                var answer = turn.answer
                answer.seconds = answer.seconds.map { ($0 * 1000).rounded() / 1000 }
                out[run.scenario.id, default: [:]][turn.stepID] = answer
            }
        }
        return out
    }

    public static func file(agent: String, exam: ExamReference, answers: [String: [String: Answer]]) -> Data {
        struct Entry: Encodable {
            let text: String
            let action: String
            let seconds: Double?
        }
        struct File: Encodable {
            let agent: String
            let exam: [String: String]
            let answers: [String: [String: Entry]]
        }
        let file = File(agent: agent,
                        exam: ["session": exam.session, "plan": exam.plan, "started": exam.started, "finished": exam.finished],
                        answers: answers.mapValues { steps in
                            steps.mapValues { Entry(text: $0.text, action: $0.action.rawValue, seconds: $0.seconds) }
                        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(file)) ?? Data()) + Data("\n".utf8)
    }
}
