import Foundation
import Testing
@testable import TonlageCore

/// The README's code table under "checking your files" is the catalogue: every code listed
/// once, at its level, and no code the program cannot report.
@Suite("diagnostic catalogue")
struct DiagnosticCatalogueTests {
    @Test("the README's code table lists every code with its level")
    func readmeTable() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("| code | level | meaning |") })
        var documented: [String: String] = [:]
        for row in lines[(start + 2)...].prefix(while: { $0.hasPrefix("|") }) {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            try #require(cells.count == 3, "\(row)")
            for code in cells[0].split(separator: ",") {
                let name = code.trimmingCharacters(in: CharacterSet(charactersIn: " `"))
                #expect(documented[name] == nil, "`\(name)` is listed twice")
                documented[name] = cells[1]
            }
        }
        for code in DiagnosticCode.allCases {
            #expect(documented[code.rawValue] == code.level.rawValue, "`\(code.rawValue)` should be listed as \(code.level.rawValue)")
        }
        let unknown = Set(documented.keys).subtracting(DiagnosticCode.allCases.map(\.rawValue))
        #expect(unknown.isEmpty, "the README lists codes the program never reports: \(unknown.sorted())")
    }

    @Test("every code has a summary, and its diagnostic prints as before")
    func summaries() {
        for code in DiagnosticCode.allCases { #expect(!code.summary.isEmpty) }
        let diagnostic = Diagnostic(file: "g.yaml", line: 3, column: 5, message: "no such kind", code: .unknownKind)
        #expect(diagnostic.description == "g.yaml:3:5: error: no such kind [unknown-kind]")
        let warning = Diagnostic(file: "s.yaml", line: 1, column: 1, message: "later", code: .todo)
        #expect(warning.description == "s.yaml:1:1: warning: later [todo]")
    }
}
