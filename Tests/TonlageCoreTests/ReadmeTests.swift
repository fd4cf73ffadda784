import Foundation
import Testing
@testable import TonlageCore

/// The README's table of the German guide's rules is the guide: same rules, kinds, severities
/// and points, in the same order.
@Suite("README")
struct ReadmeTests {
    @Test("the rules table matches the German guide")
    func rulesTable() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains(".") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.count == 5 && Family(rawValue: String($0[0].dropFirst().prefix { $0 != "." })) != nil }
        let documented = rows.map { "\($0[0]) \($0[1]) \($0[2]) \($0[3])" }
        let guide = Fixtures.germanGuide.rules.map { "`\($0.id)` \($0.kind) \($0.severity.rawValue) \($0.weight)" }
        #expect(documented == guide)
    }

    /// The kinds table is generated (`tonlage guide --kinds --format markdown`); when a kind's
    /// description changes, paste the command's output over the table.
    @Test("the kinds table is the kinds' descriptions")
    func kindsTable() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("| kind | checks | parameters |") })
        let table = lines[start...].prefix { $0.hasPrefix("|") }.map { $0 + "\n" }.joined()
        #expect(table == KindCatalogue.markdownTable())
        for kind in RuleKinds.all {
            let row = try #require(lines[start...].first { $0.hasPrefix("| `\(kind.name)` |") }, "no row for `\(kind.name)`")
            for parameter in kind.parameters { #expect(row.contains("`\(parameter)`"), "`\(kind.name)` row lacks `\(parameter)`") }
        }
    }
}
