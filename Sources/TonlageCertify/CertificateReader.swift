import Foundation
import TonlageCore

/// Reads a certificate strictly: it must be exactly what this Tonlage writes. A key given
/// twice, a key the format does not have, a missing one, a value of the wrong type or a
/// number spelt differently (`85.0` for `85`) makes it invalid, with the reason: a field
/// that verify does not check must not be there to be believed.
public enum CertificateReader {
    public struct Invalid: Error, Sendable, Equatable {
        public let reason: String
    }

    public static func read(_ data: Data) -> Result<Certificate, Invalid> {
        let given: JSONValue
        do {
            given = try JSONValue.parse(data)
        } catch {
            return .failure(Invalid(reason: "not valid JSON: \(error.message)"))
        }
        guard case let .object(members) = given else { return .failure(Invalid(reason: "not a JSON object")) }
        guard case let .string(format)? = members["format"], format == Certificate.currentFormat else {
            return .failure(Invalid(reason: "not a certificate of the format \(Certificate.currentFormat)"))
        }
        let certificate: Certificate
        do {
            certificate = try JSONDecoder().decode(Certificate.self, from: data)
        } catch let error as DecodingError {
            return .failure(Invalid(reason: describe(error)))
        } catch {
            return .failure(Invalid(reason: "not a certificate"))
        }
        if let difference = difference(given, certificate.jsonValue(), at: "") {
            return .failure(Invalid(reason: difference))
        }
        return .success(certificate)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            name((context.codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue })
        }
        switch error {
        case let .typeMismatch(type, context): return "`\(path(context))` has the wrong type (expected \(type))"
        case let .valueNotFound(_, context): return "`\(path(context))` is null"
        case let .keyNotFound(key, context): return "`\(path(context, key))` is missing"
        case let .dataCorrupted(context): return "`\(path(context))` is malformed"
        @unknown default: return "not a certificate"
        }
    }

    private static func name(_ parts: [String]) -> String {
        parts.reduce("") { path, part in
            part.hasPrefix("[") || path.isEmpty ? path + part : path + "." + part
        }.prefix(120).description
    }

    /// The first place where the file says something other than the certificate read from it.
    private static func difference(_ given: JSONValue, _ model: JSONValue, at path: String) -> String? {
        func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        switch (given, model) {
        case let (.object(file), .object(read)):
            if let unknown = file.keys.sorted().first(where: { read[$0] == nil }) {
                return "the key `\(child(unknown).prefix(120))` is not part of a certificate"
            }
            if let missing = read.keys.sorted().first(where: { file[$0] == nil }) { return "`\(child(missing))` is missing" }
            for key in file.keys.sorted() {
                if let found = difference(file[key]!, read[key]!, at: child(key)) { return found }
            }
            return nil
        case let (.array(file), .array(read)):
            guard file.count == read.count else { return "`\(path)` does not hold what a certificate holds" }
            for (index, (item, readItem)) in zip(file, read).enumerated() {
                if let found = difference(item, readItem, at: path + "[\(index)]") { return found }
            }
            return nil
        case let (.number(text), .number):
            return given == model ? nil : "`\(path)` is the number \(text.prefix(30)), not an integer as certificates write them"
        default:
            return given == model ? nil : "`\(path)` has the wrong type or form"
        }
    }
}
