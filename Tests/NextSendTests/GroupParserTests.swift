import NextSend
import NextSendTestSupport
import Testing

@Suite struct GroupParserTests {
    let taxonomy = Samples.taxonomy

    @Test func readsAGroupFileIntoTheModel() throws {
        let result = GroupParser.parseYAML(Samples.groupYAML, file: "acme.yaml", taxonomy: taxonomy, knownAssets: ["tco-model"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.groups == [Samples.group])
    }

    @Test func readsJSONLinesWithTheLineOfEachRecord() throws {
        let good = #"{"id": "a", "account": "A", "owner": "rep@x.example", "stakeholders": [{"id": "p", "name": "P", "role": "it", "influence": "user"}]}"#
        let bad = #"{"id": "b", "account": "B", "owner": "rep@x.example", "stakeholders": [{"id": "q", "name": "Q", "role": "wizard", "influence": "user"}]}"#
        let text = good + "\n\n" + bad + "\n{not json\n"
        let result = GroupParser.parseJSONLines(text, file: "groups.jsonl", taxonomy: taxonomy)
        #expect(result.groups.map(\.id) == ["a"])
        #expect(result.lines["a"] == 1)
        let role = try #require(result.diagnostics.first { $0.field == "stakeholders[0].role" })
        #expect(role.line == 3)
        #expect(role.message.contains("unknown role 'wizard'"))
        #expect(result.diagnostics.contains { $0.line == 4 && $0.message.contains("invalid JSON") })
    }

    /// A large export is parsed on every core; what comes back must not depend on it: groups in
    /// file order with their own line numbers, each error on its own line, in line order.
    @Test func aLargeExportKeepsFileOrderAndLines() throws {
        let good = (0..<400).map { index in
            #"{"id": "g-\#(String(format: "%03d", 399 - index))", "account": "A", "owner": "rep@x.example", "stakeholders": [{"id": "p", "name": "P", "role": "it", "influence": "user"}]}"#
        }
        var lines = good
        // Bad records spread over the file (line numbers are index + 1), and a blank line.
        lines[4] = "{not json"
        lines[150] = lines[150].replacingOccurrences(of: #""role": "it""#, with: #""role": "wizard""#)
        lines[151] = ""
        lines[399] = lines[399].replacingOccurrences(of: #""account": "A""#, with: #""acount": "A""#)
        let result = GroupParser.parseJSONLines(lines.joined(separator: "\n"), file: "groups.jsonl", taxonomy: taxonomy)
        let kept = lines.indices.filter { ![4, 150, 151, 399].contains($0) }
        // Ids run backwards in the file, so any sorting by id would show.
        #expect(result.groups.map(\.id) == kept.map { "g-\(String(format: "%03d", 399 - $0))" })
        for index in kept { #expect(result.lines["g-\(String(format: "%03d", 399 - index))"] == index + 1) }
        let errorLines = result.diagnostics.filter { $0.severity == .error }.compactMap(\.line)
        #expect(Set(errorLines) == [5, 151, 400])
        #expect(errorLines == errorLines.sorted(), "diagnostics in line order: \(errorLines)")
    }

    @Test(arguments: [1, 2, 3, 8])
    func parallelMapKeepsTheOrderOfMap(workers: Int) {
        let values = Array(0..<1_001)
        // Uneven work per element, so stripes finish out of order.
        let mapped = values.parallelMap(workers: workers) { value in (0..<(value % 7) * 50).reduce(value) { $0 &+ $1 } }
        #expect(mapped == values.map { value in (0..<(value % 7) * 50).reduce(value) { $0 &+ $1 } })
    }

    /// Ten and more kinds of bad input, each with the field and the line that must be reported.
    @Test(arguments: [
        ("claims:\n  - {stakeholder: zoe, topic: tco, value: 1, date: 2026-10-01}", "claims[0].stakeholder", "unknown stakeholder 'zoe'"),
        ("claims:\n  - {stakeholder: dana, topic: pricing, value: 1, date: 2026-10-01}", "claims[0].topic", "unknown topic 'pricing'"),
        ("claims:\n  - {stakeholder: dana, topic: deployment, position: on-prem, date: 2026-10-01}", "claims[0].position", "unknown position of deployment 'on-prem'"),
        ("claims:\n  - {stakeholder: dana, topic: deployment, value: 3, date: 2026-10-01}", "claims[0].value", "choice topic; give a position"),
        ("claims:\n  - {stakeholder: dana, topic: tco, position: high, date: 2026-10-01}", "claims[0].position", "number topic"),
        ("claims:\n  - {stakeholder: dana, topic: tco, value: lots, date: 2026-10-01}", "claims[0].value", "expected a number"),
        ("claims:\n  - {stakeholder: dana, topic: tco, value: 1, date: 2026-13-01}", "claims[0].date", "expected a date YYYY-MM-DD"),
        ("claims:\n  - {stakeholder: dana, topic: tco, value: 1}", "claims[0].date", "required field is missing"),
        ("events:\n  - {job: negotiation, type: started, date: 2026-10-01}", "events[0].job", "unknown buying job 'negotiation'"),
        ("events:\n  - {job: validation, type: paused, date: 2026-10-01}", "events[0].type", "unknown event type 'paused'"),
        ("touches:\n  - {asset: tco-model, to: [zoe], date: 2026-10-01}", "touches[0].to", "unknown stakeholder 'zoe'"),
        ("touches:\n  - {asset: no-such-asset, to: [dana], date: 2026-10-01}", "touches[0].asset", "not in the catalog"),
        ("touches:\n  - {asset: tco-model, to: [], date: 2026-10-01}", "touches[0].to", "at least one stakeholder"),
        ("stakeholders2: []", "stakeholders2", "unknown field"),
    ] as [(String, String, String)])
    func rejectsBadInputPrecisely(_ extra: String, _ field: String, _ message: String) throws {
        let base = "id: g\naccount: G\nowner: rep@x.example\nstakeholders:\n  - {id: dana, name: Dana, role: finance, influence: decision-maker}\n"
        let text = base + extra + "\n"
        let result = GroupParser.parseYAML(text, file: "g.yaml", taxonomy: taxonomy, knownAssets: ["tco-model"])
        #expect(result.groups.isEmpty)
        let error = try #require(result.diagnostics.first { $0.field == field && $0.message.contains(message) }, "\(result.diagnostics)")
        #expect(error.line == 7 || (error.line == 6 && field == "stakeholders2"), "\(error)")
    }

    @Test(arguments: [
        ("id: Bad Id\naccount: A\nowner: r@x.example\nstakeholders: [{id: a, role: it, influence: user}]", "id"),
        ("id: g\naccount: A\nowner: \"rep\\tone\"\nstakeholders: [{id: a, role: it, influence: user}]", "owner"),
        ("id: g\naccount: A\nowner: r@x.example\nstakeholders: [{id: a, role: it, influence: boss}]", "stakeholders[0].influence"),
        ("id: g\naccount: A\nowner: r@x.example\nstakeholders: [{id: a, role: it, influence: user}, {id: a, role: it, influence: user}]", "stakeholders[1].id"),
        ("id: g\naccount: A\nowner: r@x.example", "stakeholders"),
        ("account: A\nowner: r@x.example\nstakeholders: [{id: a, role: it, influence: user}]", "id"),
    ] as [(String, String)])
    func rejectsBadGroupFields(_ text: String, _ field: String) {
        let result = GroupParser.parseYAML(text, file: "g.yaml", taxonomy: taxonomy)
        #expect(result.groups.isEmpty)
        #expect(result.diagnostics.contains { $0.field == field && $0.severity == .error }, "\(result.diagnostics)")
    }

    @Test func checksCommandLineFieldsWithTheSameRules() throws {
        let group = Samples.group
        let claim = try GroupParser.claim(["stakeholder": "kim", "topic": "deployment", "position": "hybrid", "date": "2026-11-20"],
                                          in: group, taxonomy: taxonomy)
        #expect(claim.value == .position("hybrid"))
        let failure = try #require(throws: ValidationFailure.self) {
            try GroupParser.claim(["stakeholder": "kim", "topic": "deployment", "value": "3", "date": "2026-11-20"], in: group, taxonomy: taxonomy)
        }
        #expect(failure.errors.first?.description == "<command line>: error: value: deployment is a choice topic; give a position (one of cloud-only, hybrid, on-prem-required), not a value")
        #expect(throws: ValidationFailure.self) {
            try GroupParser.stakeholder(["id": "kim", "name": "Kim", "role": "it", "influence": "user"], in: group, taxonomy: taxonomy)
        }
    }
}

/// A figure that cannot be stored is refused where it enters, naming the file, line and field.
@Suite struct GroupFigureLimitTests {
    @Test(arguments: ["1e19", "1e308", "-2e15", "1e400", ".inf", "-.inf", ".nan"])
    func aFigureOutOfRangeIsAnErrorWithItsLine(figure: String) throws {
        let yaml = Samples.groupYAML.replacingOccurrences(of: "value: 120000", with: "value: \(figure)")
        try #require(yaml != Samples.groupYAML, "the sample group has a claim of 120000")
        let result = GroupParser.parseYAML(yaml, file: "acme.yaml", taxonomy: Samples.taxonomy, knownAssets: ["tco-model"])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.file == "acme.yaml")
        #expect(error.field?.hasSuffix(".value") == true, "\(error)")
        #expect(error.line == yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("value: \(figure)") }.map { $0 + 1 })
        #expect(error.message.contains("out of range") || error.message.contains("expected a number"), "\(error.message)")
        #expect(result.groups.isEmpty)
    }

    @Test func theLargestFigureIsAccepted() throws {
        let yaml = Samples.groupYAML.replacingOccurrences(of: "value: 120000", with: "value: 1000000000000000")
        let result = GroupParser.parseYAML(yaml, file: "acme.yaml", taxonomy: Samples.taxonomy, knownAssets: ["tco-model"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}

/// A group file may carry its CRM deal, checked like every other field.
@Suite struct GroupDealTests {
    @Test func aDealIsReadFromTheGroupFile() throws {
        let yaml = Samples.groupYAML.replacingOccurrences(of: "owner: alice@vendor.example",
            with: "owner: alice@vendor.example\ndeal: {name: Acme - Renewal, stage: Negotiation/Review, amount: 480000, currency: eur, closeDate: 2027-02-27}")
        try #require(yaml != Samples.groupYAML)
        let result = GroupParser.parseYAML(yaml, file: "acme.yaml", taxonomy: Samples.taxonomy, knownAssets: ["tco-model"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let deal = try #require(result.groups.first?.deal)
        #expect(deal == Deal(name: "Acme - Renewal", stage: "Negotiation/Review", amount: 480_000, currency: "EUR", closeDate: Day("2027-02-27")))
        #expect(result.groups.first?.title == "Acme Health — Acme - Renewal")
        #expect(deal.summary == "Negotiation/Review · €480,000 · closes 2027-02-27")
    }

    @Test(arguments: [("amount: -5", "cannot be negative"), ("currency: dollars", "ISO currency code"), ("closeDate: soon", "expected a date"),
                      ("size: big", "size")])
    func aBadDealFieldIsAnErrorAtItsLine(field: String, message: String) throws {
        let yaml = Samples.groupYAML.replacingOccurrences(of: "owner: alice@vendor.example", with: "owner: alice@vendor.example\ndeal:\n  \(field)")
        let result = GroupParser.parseYAML(yaml, file: "acme.yaml", taxonomy: Samples.taxonomy, knownAssets: ["tco-model"])
        let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(field)")
        #expect(error.message.contains(message) || (error.field ?? "").contains(message), "\(error)")
        #expect(error.line == yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(field) }.map { $0 + 1 })
    }
}
