import Foundation
import NextSendTestSupport
import Testing

/// `nextsend note`: claims read from text, recorded with their quotes, idempotent, and a rep's
/// retraction respected — through the real binary.
@Suite struct NoteCommandTests {
    let cli = CLI()

    /// A group with no claims at all: whatever conflict it shows came from the note.
    static let quietGroup = """
        id: riverbend-health
        account: Riverbend Health
        owner: alice@rosterline.example
        industry: hospital-system
        stakeholders:
          - {id: dana, name: Dana Reyes, role: finance, influence: decision-maker, email: dana.reyes@riverbend.example}
          - {id: lee, name: Lee Park, role: it, influence: influencer}
          - {id: rosa, name: Rosa Alvarez, role: clinical, influence: champion}
        events:
          - {job: problem-identification, type: completed, date: 2026-09-01}
          - {job: validation, type: started, date: 2026-11-20}
        """

    static let callNote = """
        Riverbend - call notes 11/24 (Dana, Lee, Rosa)

        Lee thinks the three-year cost is closer to $310k; Dana budgeted $120k.
        Tom asked if we could do a pilot first.
        I told them our three-year cost is around $140k.
        """

    func prepare() async throws {
        #expect(try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        let file = cli.folder.write("groups/riverbend-health.yaml", Self.quietGroup)
        let imported = try await cli.run("group", "import", file, "--as-of", "2026-11-29")
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func json(_ result: CLI.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func aConflictFoundOnlyInACallNoteIsServedByPickOne() async throws {
        try await prepare()
        let note = cli.folder.write("call.txt", Self.callNote)
        let read = try await cli.run("note", "riverbend-health", note, "--date", "2026-11-24", "--as-of", "2026-11-29")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Read 2 claims"), "\(read.stdout)")
        #expect(read.stdout.contains("question: “Tom asked if we could do a pilot first.”"), "\(read.stdout)")
        #expect(read.stdout.contains("vendor: “I told them our three-year cost is around $140k.”"), "\(read.stdout)")

        let group = try json(try await cli.run("group", "show", "riverbend-health", "--as-of", "2026-11-29", "--json"))
        let conflicts = group["conflicts"] as? [[String: Any]] ?? []
        #expect(conflicts.map { $0["topic"] as? String } == ["tco"])
        let claims = group["claims"] as? [[String: Any]] ?? []
        #expect(claims.count == 2)
        #expect(claims.allSatisfy { ($0["origin"] as? String ?? "").hasPrefix("note:file:") && $0["source"] as? String == "note" })
        #expect(claims.contains { $0["stakeholder"] as? String == "lee" && $0["value"] as? Double == 310_000
            && $0["quote"] as? String == "Lee thinks the three-year cost is closer to $310k" })

        let next = try json(try await cli.run("next", "riverbend-health", "--as-of", "2026-11-29", "--json"))
        let first = try #require((next["recommendations"] as? [[String: Any]])?.first)
        let addresses = first["addresses"] as? [[String: Any]] ?? []
        #expect(addresses.contains { $0["kind"] as? String == "conflict" && $0["topic"] as? String == "tco" }, "\(first)")
        // The reason says where the view came from.
        #expect((first["reason"] as? String ?? "").contains("2026-11-24 note"), "\(first["reason"] ?? "")")
    }

    @Test func readingAgainAddsNothingAndARetractedClaimStaysRetracted() async throws {
        try await prepare()
        let note = cli.folder.write("call.txt", Self.callNote)
        #expect(try await cli.run("note", "riverbend-health", note, "--date", "2026-11-24", "--as-of", "2026-11-29").status == 0)
        let again = try json(try await cli.run("note", "riverbend-health", note, "--date", "2026-11-24", "--as-of", "2026-11-29", "--json"))
        #expect(again["added"] as? Int == 0 && again["unchanged"] as? Int == 2)

        let origin = "note:file:" + URL(fileURLWithPath: note).standardizedFileURL.path
        let retract = try await cli.run("retract", "riverbend-health", "claim", "--stakeholder", "lee", "--topic", "tco", "--date", "2026-11-24",
                                  "--origin", origin)
        #expect(retract.status == 0, "\(retract.stderr)")
        let third = try json(try await cli.run("note", "riverbend-health", note, "--date", "2026-11-24", "--as-of", "2026-11-29", "--json"))
        #expect(third["added"] as? Int == 0 && third["keptRetracted"] as? Int == 1)
        let group = try json(try await cli.run("group", "show", "riverbend-health", "--as-of", "2026-11-29", "--json"))
        #expect((group["conflicts"] as? [Any])?.isEmpty == true)
        #expect((group["claims"] as? [[String: Any]])?.map { $0["stakeholder"] as? String } == ["dana"])

        // Pasted through standard input, the same words are one record: pasting them again adds nothing.
        let script = "printf 'Rosa expects overtime to come down about 25%%.' | \"$0\" note riverbend-health - --as-of 2026-11-29"
        let piped = try cli.runBinary(["-c", script, CLI.binary.path], executable: "/bin/sh")
        #expect(piped.status == 0 && piped.stdout.contains("Read 1 claim") && piped.stdout.contains("1 new"), "\(piped.stdout)\(piped.stderr)")
        let repeated = try cli.runBinary(["-c", script, CLI.binary.path], executable: "/bin/sh")
        #expect(repeated.stdout.contains("1 already recorded"), "\(repeated.stdout)")
    }

    @Test func aDryRunStoresNothingAndBadInputIsNamed() async throws {
        try await prepare()
        let note = cli.folder.write("call.txt", Self.callNote)
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let dry = try json(try await cli.run("note", "riverbend-health", note, "--dry-run", "--as-of", "2026-11-29", "--json"))
        // What would be stored is said, and nothing is.
        #expect(dry["dryRun"] as? Bool == true && (dry["claims"] as? [Any])?.count == 2 && dry["added"] as? Int == 2)
        let text = try await cli.run("note", "riverbend-health", note, "--dry-run", "--as-of", "2026-11-29")
        #expect(text.stdout.contains("would be 2 new; nothing stored (--dry-run)"), "\(text.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)

        let missing = try await cli.run("note", "riverbend-health", cli.folder.path("nope.txt"), "--as-of", "2026-11-29")
        #expect(missing.status == 66 && missing.stderr.contains("nope.txt: no such file"))
        let format = try await cli.run("note", "riverbend-health", note, "--format", "pdf", "--as-of", "2026-11-29")
        #expect(format.status == 65 && format.stderr.contains("--format: 'pdf' is not a note format"), "\(format.stderr)")
        let empty = try await cli.run("note", "riverbend-health", cli.folder.write("empty.txt", "  \n"), "--as-of", "2026-11-29")
        #expect(empty.status == 65 && empty.stderr.contains("empty.txt: is empty"), "\(empty.stderr)")
        let later = try await cli.run("note", "riverbend-health", note, "--date", "2026-12-01", "--as-of", "2026-11-29")
        #expect(later.status == 65 && later.stderr.contains("--date: 2026-12-01 is after 2026-11-29"), "\(later.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    }

    /// A rep may name a person by their e-mail address, as the CRM knows them.
    @Test func nextTakesAnEmailAddressForTo() async throws {
        try await prepare()
        let picks = try await cli.run("next", "riverbend-health", "--to", "Dana.Reyes@riverbend.example", "--as-of", "2026-11-29", "--json")
        #expect(picks.status == 0, "\(picks.stderr)")
        let json = try json(picks)
        #expect((json["recommendations"] as? [[String: Any]] ?? []).allSatisfy { $0["sendTo"] as? [String] == ["dana"] })
        let unknown = try await cli.run("next", "riverbend-health", "--to", "nobody@riverbend.example", "--as-of", "2026-11-29")
        #expect(unknown.status == 65 && unknown.stderr.contains("Dana Reyes (dana)"), "\(unknown.stderr)")
    }

    @Test func anEmailIsDatedByItsHeaderAndReadAsItsSenders() async throws {
        try await prepare()
        let mail = cli.folder.write("mail.eml", """
            From: Dana Reyes <dana.reyes@riverbend.example>
            To: Alice Moreno <alice@rosterline.example>
            Date: Wed, 18 Nov 2026 07:05:41 -0500
            Subject: my numbers

            My three-year total comes to $125k, not the $310k IT has been floating.
            """)
        let read = try json(try await cli.run("note", "riverbend-health", mail, "--as-of", "2026-11-29", "--json"))
        let claims = read["claims"] as? [[String: Any]] ?? []
        #expect(claims.count == 1)
        #expect(claims.first?["stakeholder"] as? String == "dana" && claims.first?["value"] as? Double == 125_000)
        #expect(claims.first?["date"] as? String == "2026-11-18" && read["format"] as? String == "email")
    }
}
