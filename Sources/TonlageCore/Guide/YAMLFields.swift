import Foundation
import Yams

/// Collects diagnostics while a file is read, so one pass reports every problem.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    public let file: String

    public init(file: String) { self.file = file }

    public var hasErrors: Bool { diagnostics.contains { $0.level == .error } }

    /// The code decides the level (`DiagnosticCode.level`), so a code is never an error in one
    /// place and a warning in another.
    public func report(_ message: String, code: DiagnosticCode, at mark: Mark?) {
        report(message, code: code, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    public func report(_ message: String, code: DiagnosticCode, line: Int, column: Int) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message, code: code))
    }
}

/// Reads a YAML file into a node tree, turning syntax errors into a diagnostic with line and column.
public enum YAMLSource {
    /// The most nodes a file may expand to, an alias counted with everything it stands for
    /// each time it is used. Aliases are shared in the tree Yams builds, but every reader walks
    /// them in full: a list of 5,000 phrases used through 2,000 aliases took 17 s and 1.8 GB
    /// to load. The German guide is a few thousand nodes.
    public static let maxExpandedNodes = 500_000

    public static func compose(_ text: String, sink: DiagnosticSink) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                sink.report("the file is empty", code: .emptyFile, at: nil)
                return nil
            }
            if expandsBeyondLimit(node) {
                sink.report("the file expands to more than \(maxExpandedNodes) YAML nodes, aliases (*name) counted each time "
                            + "they are used; refused as an alias bomb: use large lists once, or fewer aliases of them",
                            code: .aliasLimit, at: nil)
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                sink.report("YAML syntax: \(text)", code: .yamlSyntax, at: mark)
            case let .reader(problem, _, _, _):
                sink.report("cannot read the file: \(problem)", code: .yamlSyntax, at: nil)
            default:
                sink.report("YAML syntax: \(error)", code: .yamlSyntax, at: nil)
            }
            return nil
        } catch {
            sink.report("YAML syntax: \(error)", code: .yamlSyntax, at: nil)
            return nil
        }
    }
}

extension YAMLSource {
    /// Counts nodes as the readers will meet them, stopping at the limit: the walk costs at
    /// most the limit however far the aliases would expand.
    static func expandsBeyondLimit(_ root: Node, limit: Int = maxExpandedNodes) -> Bool {
        var pending = [root]
        var count = 0
        while let node = pending.popLast() {
            count += 1
            if count > limit { return true }
            switch node {
            case .scalar, .alias:
                break
            case let .sequence(sequence):
                pending.append(contentsOf: sequence)
            case let .mapping(mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            }
        }
        return false
    }
}

/// The fields of one YAML mapping, read with type checks and positions.
///
/// Every read marks its key as known; `reportUnknownKeys` then names the rest, with a
/// "did you mean" for a near miss.
public struct YAMLFields {
    public let mark: Mark?
    let sink: DiagnosticSink
    private var entries: [(key: String, keyMark: Mark?, value: Node)] = []

    /// Nil (with a diagnostic) when the node is not a mapping.
    public init?(_ node: Node, sink: DiagnosticSink, what: String) {
        self.sink = sink
        self.mark = node.mark
        guard case let .mapping(mapping) = node else {
            sink.report("\(what) must be a mapping of keys to values", code: .wrongType, at: node.mark)
            return nil
        }
        var seen = Set<String>()
        for (key, value) in mapping {
            let name = key.string ?? ""
            if !seen.insert(name).inserted {
                sink.report("duplicate key `\(name)`", code: .duplicateKey, at: key.mark)
                continue
            }
            entries.append((name, key.mark, value))
        }
    }

    /// The keys in the order written.
    public var keys: [String] { entries.map(\.key) }

    /// The mapping under `key` as fields of their own, or nil (reported) when it is not one.
    public func mapping(_ key: String, what: String) -> YAMLFields? {
        guard let node = node(key) else { return nil }
        return YAMLFields(node, sink: sink, what: what)
    }

    public func node(_ key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    public func reportUnknownKeys(allowed: [String], what: String) {
        for entry in entries where !allowed.contains(entry.key) {
            sink.report("unknown key `\(entry.key)` in \(what)" + NameSuggestion.didYouMean(entry.key, in: allowed),
                        code: .unknownKey, at: entry.keyMark)
        }
    }

    public func missing(_ key: String, what: String) {
        sink.report("\(what) lacks the required key `\(key)`", code: .missingField, at: mark)
    }

    public func string(_ key: String, required: Bool = false, what: String = "this mapping") -> String? {
        guard let node = node(key) else {
            if required { missing(key, what: what) }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            sink.report("`\(key)` must be text", code: .wrongType, at: node.mark)
            return nil
        }
        if required && scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
            sink.report("`\(key)` must not be empty", code: .badValue, at: node.mark)
            return nil
        }
        return scalar.string
    }

    public func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .scalar = node, let value = node.int else {
            sink.report("`\(key)` must be a whole number", code: .wrongType, at: node.mark)
            return nil
        }
        if let range, !range.contains(value) {
            sink.report("`\(key)` must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
                        code: .badValue, at: node.mark)
            return nil
        }
        return value
    }

    public func double(_ key: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let node = node(key) else { return nil }
        guard case .scalar = node, let value = node.float else {
            sink.report("`\(key)` must be a number", code: .wrongType, at: node.mark)
            return nil
        }
        if let range, !range.contains(value) {
            sink.report("`\(key)` must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
                        code: .badValue, at: node.mark)
            return nil
        }
        return value
    }

    /// A list of texts; a single text counts as a list of one.
    public func strings(_ key: String, required: Bool = false, what: String = "this mapping") -> [(text: String, mark: Mark?)] {
        guard let node = node(key) else {
            if required { missing(key, what: what) }
            return []
        }
        switch node {
        case let .scalar(scalar):
            return [(scalar.string, node.mark)]
        case let .sequence(sequence):
            var result: [(String, Mark?)] = []
            for item in sequence {
                if case let .scalar(scalar) = item {
                    result.append((scalar.string, item.mark))
                } else {
                    sink.report("every entry of `\(key)` must be text", code: .wrongType, at: item.mark)
                }
            }
            if required && result.isEmpty {
                sink.report("`\(key)` must not be empty", code: .badValue, at: node.mark)
            }
            return result
        default:
            sink.report("`\(key)` must be a list of texts", code: .wrongType, at: node.mark)
            return []
        }
    }

    /// A mapping of text to text, in file order.
    public func stringPairs(_ key: String, required: Bool = false, what: String = "this mapping") -> [(key: String, value: String, mark: Mark?)] {
        guard let node = node(key) else {
            if required { missing(key, what: what) }
            return []
        }
        guard case let .mapping(mapping) = node else {
            sink.report("`\(key)` must be a mapping of texts to texts", code: .wrongType, at: node.mark)
            return []
        }
        var result: [(String, String, Mark?)] = []
        for (k, v) in mapping {
            guard let name = k.string, case let .scalar(scalar) = v else {
                sink.report("every entry of `\(key)` must map a text to a text", code: .wrongType, at: k.mark)
                continue
            }
            result.append((name, scalar.string, k.mark))
        }
        return result
    }

    /// A value that must be one of a fixed set of names.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        sink.report("`\(text)` is not a valid \(key); expected one of \(names.joined(separator: ", "))"
                    + NameSuggestion.didYouMean(text, in: names), code: .badValue, at: node(key)?.mark)
        return nil
    }

    /// A list of names from a fixed set.
    public func choices<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> [T]? where T.RawValue == String {
        guard node(key) != nil else { return nil }
        let names = T.allCases.map(\.rawValue)
        var result: [T] = []
        for (text, mark) in strings(key) {
            if let value = T(rawValue: text) {
                result.append(value)
            } else {
                sink.report("`\(text)` in `\(key)` is unknown; expected one of \(names.joined(separator: ", "))"
                            + NameSuggestion.didYouMean(text, in: names), code: .badValue, at: mark)
            }
        }
        return result
    }

    public func error(_ message: String, code: DiagnosticCode, at key: String) {
        sink.report(message, code: code, at: node(key)?.mark ?? mark)
    }
}
