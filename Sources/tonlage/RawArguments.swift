import Foundation

/// The command line's arguments as the bytes that were passed. `CommandLine.arguments` (and so
/// ArgumentParser) replaces invalid UTF-8 with U+FFFD unseen; `InputHygiene` must see it.
enum RawArguments {
    /// The bytes of the argument Swift decoded as `text`; `text`'s own when none matches.
    static func bytes(_ text: String) -> [UInt8] {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let raw = Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
            // Bytes, not `==`: String equality would also match another normalisation.
            if String(decoding: raw, as: UTF8.self).utf8.elementsEqual(text.utf8) { return raw }
        }
        return Array(text.utf8)
    }
}
