import TonlageCertify
import TonlageStore

/// Whether an answers file may be certified against a plan: a plan with `requires: exam`
/// takes only answers from a supervised exam, and an answers file that names an exam session
/// must match what the store recorded for it (that agent, that plan, those answers).
enum ExamCheck {
    /// Why the file is refused, or nil.
    static func refusal(of file: String, answers: AnswersFile, plan: CertificationPlan, store: (any ProgressStore)?) -> String? {
        guard let exam = answers.exam else {
            return plan.requiresExam
                ? "the plan `\(plan.name)` requires the answers of a supervised exam (`tonlage exam`), and this file names no exam session"
                : nil
        }
        guard let store else { return "its exam session can only be checked in the progress store (drop --no-store)" }
        let record: ExamRecord?
        do {
            record = try store.exam(session: exam.session)
        } catch {
            return "its exam session cannot be checked: \(error)"
        }
        guard let record else { return "its exam session \(exam.session.prefix(40)) is not in the progress store" }
        if record.agent != answers.agent { return "the exam session \(exam.session) was taken by another agent" }
        if record.plan != plan.name { return "the exam session \(exam.session) was an exam of the plan `\(record.plan)`" }
        if record.answersDigest != answers.answersDigest { return "its answers are not those given in the exam session \(exam.session)" }
        return nil
    }
}
