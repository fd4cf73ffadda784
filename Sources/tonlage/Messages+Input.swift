import TonlageCore

extension Messages {
    /// What the REPL says about a reply `InputHygiene` refused: not scored, not stored, asked for again.
    func refused(_ problem: InputHygiene.Problem) -> String {
        switch problem {
        case .invalidUTF8: return invalidUTF8
        case let .controlCharacter(scalar, _): return controlCharacter(InputHygiene.escape(scalar))
        }
    }
}
