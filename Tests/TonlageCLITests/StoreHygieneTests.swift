import Foundation
import Testing

/// The progress store through the binary: a newer schema refused, a read-only store read,
/// a failing store that does not end the REPL, and demo data kept out of real stores.
@Suite("store hygiene")
struct StoreHygieneCLITests {
    /// Changes a store behind Tonlage's back, as another program (or a newer Tonlage) would.
    func sqlite(_ store: String, _ script: String) throws {
        // Checkpointed, so that the database file alone holds every change.
        let code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit(); "
            + "c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()"
        let result = try Binary.runProcess("/usr/bin/env", ["python3", "-c", code, store, script])
        try #require(result.status == 0, "python3 and its sqlite3 module are needed: \(result.stderr)")
    }

    /// Agents, runs and turns, read past Tonlage (which refuses a newer store).
    func rows(_ store: String) throws -> String {
        let code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            + "print([c.execute('SELECT COUNT(*) FROM ' + t).fetchone()[0] for t in ('agent', 'run', 'turn', 'grdb_migrations')])"
        return try Binary.runProcess("/usr/bin/env", ["python3", "-c", code, store]).stdout
    }

    func playedStore(agent: String = "Anna") throws -> String {
        let store = Binary.newStorePath()
        let played = try Binary.run(["play", "paket-verspaetet", "--agent", agent, "--store", store],
                                    stdin: Data((PlayCommandTests.goodFirst + "\n").utf8))
        try #require(played.status == 0, "\(played.stderr)")
        return store
    }

    func turns(_ store: String) throws -> Int {
        let json = try Binary.run(["progress", "--format", "json", "--store", store])
        let agents = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json.stderr)")
        return agents.reduce(0) { $0 + ($1["turns"] as? Int ?? 0) }
    }

    @Test("a store from a newer Tonlage is refused by every command before any row is written, exit 2")
    func newerSchema() throws {
        let store = try playedStore()
        try sqlite(store, "INSERT INTO grdb_migrations VALUES ('v6'); ALTER TABLE turn ADD COLUMN channel TEXT NOT NULL DEFAULT 'x';")
        let before = try rows(store)
        #expect(before == "[1, 1, 1, 6]\n")
        let commands: [[String]] = [["play", "paket-verspaetet", "--agent", "Anna"], ["progress"], ["report"],
                                    ["demo-data", "--force"], ["certify", CertifyCommandTests.example, "--out",
                                                               Binary.sandbox.appendingPathComponent("newer-\(UUID())").path]]
        for command in commands {
            let result = try Binary.run(command + ["--store", store], stdin: Data((PlayCommandTests.goodFirst + "\n").utf8))
            #expect(result.status == 2, "\(command[0]): \(result.stderr)")
            #expect(result.stderr.contains("tonlage: the progress store \(store) was written by a newer Tonlage (schema v6; this one knows up to v5)"),
                    "\(command[0]): \(result.stderr)")
            #expect(!result.stderr.contains("SQLite error"))
            #expect(try rows(store) == before, "\(command[0]) wrote to the store")
        }
    }

    @Test("progress and report read a store that cannot be written, and leave it untouched")
    func readOnly() throws {
        let store = try playedStore(agent: "Lesend")
        let folder = (store as NSString).deletingLastPathComponent + "/readonly-\(UUID())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/progress.sqlite"
        try FileManager.default.moveItem(atPath: store, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        // Permissions do not bind root: as root, the commands run as `nobody`.
        let asReader: ([String]) throws -> Binary.Result = { arguments in
            getuid() == 0
                ? try Binary.runProcess("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Binary.path] + arguments)
                : try Binary.run(arguments)
        }
        let progress = try asReader(["progress", "--store", path])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.hasPrefix("Lesend · 1 Durchläufe · 1 Antworten"), "\(progress.stdout)")
        let report = try asReader(["report", "--format", "json", "--store", path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"name\" : \"Lesend\""), "\(report.stdout)")
        let play = try asReader(["play", "paket-verspaetet", "--agent", "X", "--store", path])
        #expect(play.status == 3, "writing is an I/O error: \(play.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["progress.sqlite"])
    }

    @Test("a store that fails mid-session: the REPL goes on, says so, and writes the turn with the next one")
    func failedWriteCaughtUp() throws {
        let store = try playedStore()
        // A turn of step `nummer` unlocks the gate that a turn of step `beschwerde` needs; the
        // check is deferred to the commit, so `beschwerde` alone fails and the two together pass.
        try sqlite(store, """
            CREATE TABLE gate_key (k TEXT PRIMARY KEY);
            CREATE TABLE gate (k TEXT REFERENCES gate_key(k) DEFERRABLE INITIALLY DEFERRED);
            CREATE TRIGGER lock AFTER INSERT ON turn WHEN NEW.step = 'beschwerde' BEGIN INSERT INTO gate VALUES ('open'); END;
            CREATE TRIGGER unlock AFTER INSERT ON turn WHEN NEW.step = 'nummer' BEGIN INSERT OR IGNORE INTO gate_key VALUES ('open'); END;
            """)
        let input = PlayCommandTests.goodFirst + "\n" + PlayCommandTests.goodSecond + "\n"
        let result = try Binary.run(["play", "paket-verspaetet", "--agent", "Voll", "--store", store], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Nicht gespeichert – der Fortschritt wird mit der nächsten Antwort nachgetragen (1 vorgemerkt)."),
                "\(result.stdout)")
        #expect(result.stdout.contains("Nachgetragen: 1 vorgemerkte Einträge sind jetzt gespeichert."))
        #expect(result.stdout.contains("Ausgang: gelöst"))
        let csv = try Binary.run(["progress", "--format", "csv", "--store", store])
        #expect(csv.stdout.contains("Voll,paket-verspaetet,1,100,100,resolved,100"), "\(csv.stdout)")
        #expect(try turns(store) == 3, "Anna's earlier turn and both of Voll's")
    }

    @Test("a store that keeps failing: every turn is scored, the trainee told, and the end is exit 3 with the reason")
    func failedWriteAtTheEnd() throws {
        let store = try playedStore()
        try sqlite(store, "CREATE TRIGGER full BEFORE INSERT ON turn BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;")
        let input = PlayCommandTests.goodFirst + "\n" + PlayCommandTests.goodSecond + "\n"
        let result = try Binary.run(["play", "paket-verspaetet", "--agent", "Anna", "--store", store], stdin: Data(input.utf8))
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "Ergebnis: 100/100").count - 1 == 2, "the session went on: \(result.stdout)")
        #expect(result.stdout.contains("(2 vorgemerkt)"))
        #expect(result.stdout.contains("3 Einträge konnten nicht gespeichert werden."), "\(result.stdout)")
        #expect(result.stderr.hasSuffix("database or disk is full\n"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try turns(store) == 1, "the earlier session's turn, nothing half-written")
    }

    @Test("demo-data refuses a store with real runs unless --force, and fills a demo store again")
    func demoData() throws {
        let real = try playedStore()
        let refused = try Binary.run(["demo-data", "--store", real, "--agents", "2", "--weeks", "1"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already holds 1 real run; demo data would mix with them"), "\(refused.stderr)")
        #expect(try turns(real) == 1)
        let forced = try Binary.run(["demo-data", "--store", real, "--agents", "2", "--weeks", "1", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try turns(real) > 1)

        let demo = Binary.newStorePath()
        for _ in 0..<2 {
            let filled = try Binary.run(["demo-data", "--store", demo, "--agents", "2", "--weeks", "1"])
            #expect(filled.status == 0, "a store of demo runs only takes more: \(filled.stderr)")
        }
    }
}
