import Foundation
import Testing

/// The dashboard end to end: demo data through the real engine, the HTML rendered in a real
/// browser (headless Chromium), and the JSON figures.
@Suite("tonlage report")
struct ReportCommandTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func demoStore() throws -> String {
        let store = Binary.newStorePath()
        let result = try Binary.run(["demo-data", "--store", store, "--agents", "6", "--weeks", "3", "--seed", "9"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("6 agents,"))
        return store
    }

    @Test("demo data is reproducible and the JSON figures cover every agent")
    func json() throws {
        let first = try Binary.run(["report", "--format", "json", "--store", try demoStore()])
        let second = try Binary.run(["report", "--format", "json", "--store", try demoStore()])
        #expect(first.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect((object["agents"] as? [Any])?.count == 6)
        #expect(((object["scenarios"] as? [Any])?.count ?? 0) > 3)
        #expect(first.stdout == second.stdout)
    }

    @Test("the HTML is self-contained and renders in headless Chromium with its charts and figures",
          .enabled(if: ReportCommandTests.chromium != nil))
    func browser() throws {
        let store = try demoStore()
        let folder = Binary.sandbox.appendingPathComponent("report-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let html = folder.appendingPathComponent("report.html").path
        let result = try Binary.run(["report", "--html", html, "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(!page.contains("<link"))

        let chromium = ReportCommandTests.chromium!
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder.path)/profile",
                     "--enable-logging=stderr", "--v=0"]
        let dom = try Binary.runProcess(chromium, flags + ["--dump-dom", "file://\(html)"])
        #expect(dom.stdout.contains("id=\"heatmap\""))
        #expect(dom.stdout.contains("id=\"scenario-chart\""))
        #expect(dom.stdout.components(separatedBy: "class=\"chart timeline\"").count - 1 == 6)
        #expect(dom.stdout.contains("<span class=\"value\">6</span><span class=\"label\">Agents</span>"))
        #expect(!dom.stderr.contains("CONSOLE"), "console messages: \(dom.stderr)")
        let screenshot = folder.appendingPathComponent("report.png").path
        let shot = try Binary.runProcess(chromium, flags + ["--screenshot=\(screenshot)", "--window-size=1280,2000", "file://\(html)"])
        #expect(shot.status == 0)
        let size = (try FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int) ?? 0
        #expect(size > 50_000, "the screenshot is nearly empty")
        // Printing: A4 pages (595 × 842 points), one or more per agent.
        let pdf = folder.appendingPathComponent("report.pdf").path
        _ = try Binary.runProcess(chromium, flags + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"])
        let document = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let pages = document.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(pages.count >= 7, "the cohort and a page per agent")
        #expect(pages.allSatisfy { $0 == "0 0 594.95996 841.91998" }, "not A4: \(Set(pages))")
    }

    @Test("a missing store and a bad date are input errors")
    func badInput() throws {
        #expect(try Binary.run(["report", "--store", Binary.newStorePath()]).status == 2)
        #expect(try Binary.run(["report", "--since", "last week", "--store", Binary.newStorePath()]).status == 2)
        #expect(try Binary.run(["demo-data"]).status == 2)
    }
}
