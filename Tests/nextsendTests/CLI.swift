import Foundation
import NextSendCommands
import NextSendTestSupport

/// Runs `nextsend` commands the way a user would and captures what they print: in process by default
/// (`run`, through `NextSendCommand.run` with the test's own output and environment), or through the
/// real binary (`runBinary`) for what only a process shows — exit statuses set by the OS, signals,
/// kills, serving, the store's process-wide settings.
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

    /// Runs `nextsend args…` in process, in the temporary folder (or `directory`) with `NEXTSEND_DB`
    /// pointing into it; `input` is its standard input.
    ///
    /// The working directory belongs to the whole process, so commands run in process take turns;
    /// everything else (output, environment, input) is the command's own.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], input: Data = Data(), in directory: URL? = nil) async throws -> Result {
        precondition(environment["NEXTSEND_BUSY_TIMEOUT"] == nil, "the store reads NEXTSEND_BUSY_TIMEOUT from the process: use runBinary")
        var env = ProcessInfo.processInfo.environment
        env["NEXTSEND_DB"] = database
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        let output = CapturedOutput()
        let io = CommandIO.capturing(into: output, environment: env, input: input)
        let status = await WorkingDirectory.shared.with(directory ?? folder.url) {
            await CommandIO.$current.withValue(io) { await NextSendCommand.run(arguments) }
        }
        return Result(status: status, stdout: output.standardOutput, stderr: output.standardError)
    }

    @discardableResult
    func run(_ arguments: String...) async throws -> Result { try await run(arguments) }

    /// Runs the `nextsend` binary (or `executable`, a wrapper such as `setpriv` whose arguments then
    /// name the binary) in the temporary folder with `NEXTSEND_DB` pointing into it.
    @discardableResult
    func runBinary(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil,
                   in directory: URL? = nil) throws -> Result {
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
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

    @discardableResult
    func runBinary(_ arguments: String...) throws -> Result { try runBinary(arguments) }

    /// Runs the sqlite3 shell on the test database and returns what it printed.
    func sqlite(_ arguments: String...) throws -> String { try sqlite(at: database, arguments) }

    /// Runs the sqlite3 shell on the database at `path`.
    func sqlite(at path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
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
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        holder.currentDirectoryURL = FileManager.default.temporaryDirectory
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

/// The process's working directory, lent to one in-process command at a time.
actor WorkingDirectory {
    static let shared = WorkingDirectory()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` with the process in `directory`, after any other borrower has finished.
    func with<T: Sendable>(_ directory: URL, _ body: @Sendable () async -> T) async -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(directory.path)
        let value = await body()
        _ = FileManager.default.changeCurrentDirectoryPath(previous)
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        return value
    }
}

/// The shipped catalog and groups imported once per test run (both as of 2026-11-29), for the
/// suites that start from them: each test gets a copy of the file instead of importing again.
actor ShippedDatabase {
    static let shared = ShippedDatabase()
    /// Where the template lives; removed when the test process exits.
    nonisolated static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nextsend-shipped-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ShippedDatabase.folder) }
        return url
    }()

    private var made: Task<String, any Error>?

    /// The template database, made on first use.
    func path() async throws -> String {
        if made == nil {
            made = Task {
                let database = Self.folder.appendingPathComponent("shipped.sqlite").path
                // Through the binary: its store is closed, and the file complete, when it exits.
                let cli = CLI(folder: TemporaryFolder())
                for arguments in [["catalog", "import", CLI.repositoryContent + "/catalog"], ["group", "import", CLI.repositoryContent + "/groups"]] {
                    let result = try cli.runBinary(arguments + ["--as-of", "2026-11-29"], environment: ["NEXTSEND_DB": database])
                    guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["output": result.stderr]) }
                }
                return database
            }
        }
        return try await made!.value
    }
}

extension CLI {
    /// This test's database starts as the shipped catalog and groups, imported as of 2026-11-29.
    func importShippedContent() async throws {
        let template = try await ShippedDatabase.shared.path()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template + suffix) {
            try? FileManager.default.removeItem(atPath: database + suffix)
            try FileManager.default.copyItem(atPath: template + suffix, toPath: database + suffix)
        }
    }
}
