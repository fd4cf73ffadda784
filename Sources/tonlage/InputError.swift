import Foundation

/// Bad input (a broken guide, invalid UTF-8, an unknown channel): one clear message on
/// standard error and exit code 2.
struct InputError: Error, CustomStringConvertible {
    let description: String
}

extension InputError {
    /// Prints the message and exits 2.
    func exit() -> Never {
        Output.message(description)
        Output.exit(ExitStatus.badInput)
    }
}
