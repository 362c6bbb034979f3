import Foundation
import NextSend
import NextSendDigest
import NextSendMail
import NextSendStore
import NextSendTestSupport
import Testing

/// Delivery's bookkeeping against a mail server stand-in (issue #30): once per (week, recipient),
/// refusals reported without stopping the rest, temporary failures left for the next run. The
/// real SMTP server is exercised through the binary in the full suite (DeliveryCommandTests).
@Suite struct DigestDeliveryTests {
    let folder = TemporaryFolder()
    let week = IsoWeek("2026-W48")!

    /// A mail server stand-in: records what it accepted, refuses some addresses for good, and
    /// some for a while (a 451 the first `n` times).
    actor FakeServer: MailTransport, MailSession {
        var accepted: [MailMessage] = []
        var refuse: Set<String> = []
        var busy: [String: Int] = [:]
        var connections = 0

        init(refuse: Set<String> = [], busy: [String: Int] = [:]) {
            self.refuse = refuse
            self.busy = busy
        }

        func connect() async throws -> any MailSession {
            connections += 1
            return self
        }

        func send(_ message: MailMessage) async throws {
            if refuse.contains(message.to.address) {
                throw MailError(.permanent, "\(message.to.address) was refused", reply: SMTPReply(code: 550, lines: ["No such user"]))
            }
            if let left = busy[message.to.address], left > 0 {
                busy[message.to.address] = left - 1
                throw MailError(.temporary, "\(message.to.address) was refused", reply: SMTPReply(code: 451, lines: ["Try again later"]))
            }
            accepted.append(message)
        }

        func close() async {}
        func clearBusy() { busy = [:] }
    }

    func makeStore(owners: [String] = ["alice@vendor.example", "bob@vendor.example", "carmen@vendor.example"]) throws -> Store {
        let store = try SQLiteStore(path: folder.path("db.sqlite"))
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        try store.importGroups(owners.enumerated().map { index, owner in
            var group = Samples.group
            group.id = "group-\(index)"
            group.owner = owner
            return group
        })
        _ = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("out")))
        return store
    }

    func options(_ change: (inout DigestDelivery.Options) -> Void = { _ in }) -> DigestDelivery.Options {
        var options = DigestDelivery.Options(week: week, outDirectory: folder.path("out"), from: MailAddress("digest@vendor.example", name: "NextSend"),
                                             marketingTo: ["maria@vendor.example"], now: Date(timeIntervalSince1970: 1_796_400_000),
                                             retryDelay: 0)
        change(&options)
        return options
    }

    @Test func eachRepAndMarketingGetOneMessageAndARerunSendsNothing() async throws {
        let store = try makeStore()
        let server = FakeServer()
        let first = try await DigestDelivery.run(store: store, options: options(), transport: server)
        #expect(first.delivered == ["rep:alice@vendor.example", "rep:bob@vendor.example", "rep:carmen@vendor.example", "marketing:maria@vendor.example"])
        let sent = await server.accepted
        #expect(sent.map(\.to.address) == ["alice@vendor.example", "bob@vendor.example", "carmen@vendor.example", "maria@vendor.example"])
        #expect(await server.connections == 1, "one connection for every message")
        let alice = try #require(sent.first)
        #expect(alice.text == (try String(contentsOfFile: folder.path("out/2026-W48/reps/alice@vendor.example.md"), encoding: .utf8)))
        #expect(alice.html == (try String(contentsOfFile: folder.path("out/2026-W48/reps/alice@vendor.example.html"), encoding: .utf8)))
        #expect(alice.subject.hasPrefix("W48: ") && alice.subject.hasSuffix(" — NextSend"), "\(alice.subject)")
        #expect(alice.subject.contains("1 deal stalled") && alice.subject.contains("open conflict"), "\(alice.subject)")
        #expect(sent.last?.subject.hasPrefix("W48 marketing: ") == true)
        let again = try await DigestDelivery.run(store: store, options: options(), transport: server)
        #expect(again.delivered.isEmpty)
        #expect(again.alreadyDelivered.count == 4)
        #expect(await server.accepted.count == 4)
        // --force sends again, with the same Message-IDs (a mail client folds the copies).
        let forced = try await DigestDelivery.run(store: store, options: options { $0.force = true }, transport: server)
        #expect(forced.delivered.count == 4)
        let all = await server.accepted
        #expect(all[4...].map(\.messageID) == all[..<4].map(\.messageID))
    }

    @Test func aRefusalIsReportedAndTheOthersStillGo() async throws {
        let store = try makeStore()
        let server = FakeServer(refuse: ["bob@vendor.example"])
        let summary = try await DigestDelivery.run(store: store, options: options(), transport: server)
        #expect(summary.refused.map(\.recipient) == ["rep:bob@vendor.example"])
        #expect(summary.refused.first?.reason.contains("550") == true)
        #expect(summary.delivered.count == 3)
        #expect(try store.deliveries(week: "2026-W48")["rep:bob@vendor.example"] == nil, "a refused message is not in the ledger")
    }

    @Test func aTemporaryFailureIsRetriedThenLeftForTheNextRun() async throws {
        let store = try makeStore()
        // Busy for two tries: the third (the run's last) gets through.
        let patient = FakeServer(busy: ["carmen@vendor.example": 2])
        let retried = try await DigestDelivery.run(store: store, options: options(), transport: patient)
        #expect(retried.delivered.contains("rep:carmen@vendor.example") && retried.retryLater.isEmpty)

        try store.clearDeliveries(week: "2026-W48", recipients: ["rep:carmen@vendor.example"])
        let stubborn = FakeServer(busy: ["carmen@vendor.example": 5])
        let left = try await DigestDelivery.run(store: store, options: options(), transport: stubborn)
        #expect(left.retryLater.map(\.recipient) == ["rep:carmen@vendor.example"])
        #expect(left.retryLater.first?.reason.contains("451") == true)
        await stubborn.clearBusy()
        let next = try await DigestDelivery.run(store: store, options: options(), transport: stubborn)
        #expect(next.delivered.contains("rep:carmen@vendor.example"), "the next run delivers it")
    }

    @Test func anOwnerThatIsNotAnAddressIsSkippedWithWhy() async throws {
        let store = try makeStore(owners: ["alice@vendor.example", "Bob Smith"])
        let server = FakeServer()
        let summary = try await DigestDelivery.run(store: store, options: options { $0.marketingTo = [] }, transport: server)
        #expect(summary.delivered == ["rep:alice@vendor.example"])
        #expect(summary.skipped.map(\.recipient) == ["Bob Smith"])
        #expect(summary.skipped.first?.reason.contains("not an e-mail address") == true)
    }

    @Test func aDryRunWritesEMLFilesAndRecordsNothing() async throws {
        let store = try makeStore()
        let summary = try await DigestDelivery.run(store: store, options: options { $0.dryRun = true }, transport: EMLFolder(path: folder.path("eml")))
        #expect(summary.delivered.count == 4)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("eml")).sorted()
        #expect(files.count == 4 && files.allSatisfy { $0.hasSuffix(".eml") })
        #expect(try store.deliveries(week: "2026-W48").isEmpty)
    }

    @Test func shardsSplitTheRepsAndOnlyTheFirstSendsMarketing() async throws {
        let store = try makeStore(owners: (0..<9).map { "rep\($0)@vendor.example" })
        var delivered: [String] = []
        for index in 1...3 {
            let summary = try await DigestDelivery.run(store: store, options: options { $0.shard = Shard("\(index)/3") }, transport: FakeServer())
            delivered += summary.delivered
            #expect(summary.delivered.contains("marketing:maria@vendor.example") == (index == 1))
        }
        #expect(delivered.sorted() == ((0..<9).map { "rep:rep\($0)@vendor.example" } + ["marketing:maria@vendor.example"]).sorted())
    }

    @Test func aWeekNeverWrittenSaysHowToWriteIt() async throws {
        let store = try makeStore()
        let error = await #expect(throws: ContentError.self) {
            try await DigestDelivery.run(store: store, options: options { $0.week = IsoWeek("2026-W40")! }, transport: FakeServer())
        }
        #expect(error?.description.contains("nextsend digest --week 2026-W40") == true)
    }
}
