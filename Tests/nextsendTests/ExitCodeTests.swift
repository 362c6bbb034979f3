import Foundation
import NextSendTestSupport
import Testing

/// Each sysexits code the brief promises, for the failure a user actually meets, through the real
/// binary: the code says what the user can do (fix the data, free space, try again), and the
/// database is left as it was.
@Suite(.serialized) struct ExitCodeTests {
    let cli = CLI()

    static let isRoot = getuid() == 0

    func importShippedContent() throws {
        #expect(try cli.runBinary("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try cli.runBinary("group", "import", CLI.repositoryContent + "/groups").status == 0)
    }

    func tmpfs(_ options: String, at path: String) throws -> Bool {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return try command("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", options, "tmpfs", path]) == 0
    }

    @discardableResult
    func command(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try cli.runBinary("--version")
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    /// The in-process runner the other command tests use is faithful: the binary prints the same bytes
    /// on both streams and exits with the same status, for an answer, help, a usage error, bad data and
    /// a missing group.
    @Test func theBinaryAndACommandRunInProcessSayTheSame() async throws {
        try importShippedContent()
        let lines: [[String]] = [
            ["next", "mercy-valley-health", "--as-of", "2026-11-29"],
            ["next", "mercy-valley-health", "--as-of", "2026-11-29", "--json"],
            ["catalog", "--help"],
            ["next", "--limit", "many", "mercy-valley-health"],
            ["group", "stakeholder", "add", "mercy-valley-health", "--id", "dana", "--name", "Dana Other", "--role", "finance", "--influence", "user"],
            ["group", "show", "no-such-group"],
        ]
        var statuses: Set<Int32> = []
        for line in lines {
            let binary = try cli.runBinary(line)
            let inProcess = try await cli.run(line)
            #expect(inProcess.status == binary.status, "\(line)")
            #expect(inProcess.stdout == binary.stdout, "\(line)")
            #expect(inProcess.stderr == binary.stderr, "\(line)")
            statuses.insert(binary.status)
        }
        #expect(statuses == [0, 64, 65, 66], "each kind of outcome is compared: \(statuses)")
    }

    @Test func aDuplicateStakeholderIsBadData65() throws {
        try importShippedContent()
        let before = try cli.dump()
        let result = try cli.runBinary("group", "stakeholder", "add", "mercy-valley-health", "--id", "dana", "--name", "Dana Other",
                                 "--role", "finance", "--influence", "user")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("stakeholder 'dana' is already in mercy-valley-health"), "\(result.stderr)")
        #expect(try cli.dump() == before)
    }

    @Test func aStoredRowNextSendCannotReadIsADamagedDatabaseNotADefault() throws {
        try importShippedContent()
        // Something other than NextSend wrote a status NextSend never writes.
        _ = try cli.sqlite("PRAGMA ignore_check_constraints = ON; UPDATE asset SET status = 'archived' WHERE id = 'tco-model'")
        let list = try cli.runBinary("catalog", "list")
        #expect(list.status == 65, "\(list.stderr)")
        #expect(list.stderr.contains("cannot read (tco-model): status 'archived'"), "\(list.stderr)")
        // A claim without a value is as unreadable: `next` says so instead of dropping the claim.
        _ = try cli.sqlite("UPDATE asset SET status = 'published' WHERE id = 'tco-model'")
        _ = try cli.sqlite("PRAGMA ignore_check_constraints = ON; UPDATE claim SET value = NULL, position = NULL WHERE groupId = 'mercy-valley-health' AND stakeholderId = 'lee'")
        let next = try cli.runBinary("next", "mercy-valley-health", "--as-of", "2026-11-29")
        #expect(next.status == 65, "\(next.stderr)")
        #expect(next.stderr.contains("neither a position nor a value"), "\(next.stderr)")
    }

    @Test(.enabled(if: ExitCodeTests.isRoot)) func aFullDiskUnderTheDatabaseIs74AndTheLastCommitStands() throws {
        let disk = cli.folder.path("tiny")
        // Room for the empty schema as migrations write it (the log of every rebuilt table before it is checkpointed: 896k fit,
        // 768k did not once the fact tables were rebuilt), not for the catalog (1152k held it).
        guard try tmpfs("size=960k", at: disk) else { return }
        defer { try? command("/usr/bin/env", ["umount", disk]) }
        let db = disk + "/nextsend.sqlite"
        // The empty schema fits; the catalog does not.
        #expect(try cli.runBinary(["catalog", "list", "--db", db]).status == 0)
        let result = try cli.runBinary(["catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29", "--db", db])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("disk is full") || result.stderr.contains("I/O error"), "\(result.stderr)")
        #expect(try cli.sqlite(at: db, ["PRAGMA integrity_check"]).trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        #expect(try cli.sqlite(at: db, ["SELECT count(*) FROM asset"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test(.enabled(if: ExitCodeTests.isRoot)) func aFullDiskUnderAGeneratedDatasetIs74Not73() throws {
        let disk = cli.folder.path("tiny")
        guard try tmpfs("size=960k", at: disk) else { return }
        defer { try? command("/usr/bin/env", ["umount", disk]) }
        let result = try cli.runBinary("generate", "--assets", "200", "--groups", "200", "--out", disk + "/dataset")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write"), "\(result.stderr)")
    }

    @Test func anOutputFolderThatCannotBeMadeIs73() throws {
        try importShippedContent()
        // A file where the folder should be: nothing can be created under it.
        FileManager.default.createFile(atPath: cli.folder.path("taken"), contents: Data("x".utf8))
        let result = try cli.runBinary("digest", "--week", "2026-W48", "--out", cli.folder.path("taken"))
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot create"), "\(result.stderr)")
    }

    @Test(.enabled(if: ExitCodeTests.isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aFolderThatCannotBeListedIsAnErrorNotAnEmptyImport() throws {
        // Root reads every folder, so the import runs as nobody against a folder nobody may list.
        try importShippedContent()
        let groups = cli.folder.path("locked")
        try FileManager.default.createDirectory(atPath: groups, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.repositoryContent + "/groups/mercy-valley-health.yaml",
                                         toPath: groups + "/mercy-valley-health.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o311], ofItemAtPath: groups)
        for path in [cli.folder.url.path, cli.database] {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path)
        }
        for path in [cli.database + "-wal", cli.database + "-shm"] where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
        }
        let before = try cli.dump()
        let result = try cli.runBinary(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path,
                                  "group", "import", groups].dropFirst().map { $0 }, executable: "/usr/bin/setpriv")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot list"), "\(result.stderr)")
        #expect(try cli.dump() == before)
    }
}
