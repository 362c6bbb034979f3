import Foundation
import NextSendTestSupport

/// Runs the real `nextsend` binary, as a user would, and captures what it prints.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        // The test bundle sits beside the products it was built with.
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nextsend"),
            Bundle.main.bundleURL.appendingPathComponent("nextsend"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/nextsend"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    let folder: TemporaryFolder
    var database: String { folder.path("nextsend.sqlite") }

    init(folder: TemporaryFolder = TemporaryFolder()) { self.folder = folder }

    /// Runs `nextsend args…` in the temporary folder with `NEXTSEND_DB` pointing into it.
    ///
    /// - Parameter executable: another program to start instead (a wrapper such as `setpriv`
    ///   whose arguments then name the binary).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil,
             in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? folder.url
        var env = ProcessInfo.processInfo.environment
        env["NEXTSEND_DB"] = database
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    /// Runs the sqlite3 shell on the test database and returns what it printed.
    func sqlite(_ arguments: String...) throws -> String { try sqlite(at: database, arguments) }

    /// Runs the sqlite3 shell on the database at `path`.
    func sqlite(at path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `PRAGMA integrity_check`: "ok" for a healthy database.
    func integrityCheck() throws -> String {
        try sqlite("PRAGMA integrity_check").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The whole database as SQL text (`.dump`), to prove a failed command changed nothing.
    func dump() throws -> String { try sqlite(".dump") }

    /// Starts the sqlite3 shell on the test database running `sql` (a transaction it leaves open);
    /// write "COMMIT;" or "ROLLBACK;" and ".quit" to `input` to let go.
    func holdWriteLock(_ sql: String) throws -> (Process, Pipe) {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", database]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data((sql + "\n").utf8))
        return (holder, input)
    }

    /// The repository's own content folder, for tests on the shipped catalog.
    static var repositoryContent: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content").path
    }
}
