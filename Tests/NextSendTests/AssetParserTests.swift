import NextSend
import NextSendTestSupport
import Testing

@Suite struct AssetParserTests {
    let taxonomy = Samples.taxonomy

    func parse(_ text: String, id: String = "tco-model") -> AssetParser.Result {
        AssetParser.parse(text, id: id, file: "catalog/\(id).md", taxonomy: taxonomy, asOf: Samples.asOf)
    }

    @Test func readsEveryFieldOfTheBrief() throws {
        let result = parse(Samples.assetFile(["industries": "[healthcare]"]))
        let asset = try #require(result.asset, "\(result.diagnostics)")
        #expect(asset.id == "tco-model")
        #expect(asset.title == "Three-year TCO model")
        #expect(asset.summary == "A shared model finance and IT fill in together.")
        #expect(asset.url == "https://example.com/assets/tco-model")
        #expect(asset.format == "tool")
        #expect(asset.jobs == [.validation, .consensusCreation])
        #expect(asset.primaryJob == .validation)
        #expect(asset.roles == ["finance", "it"])
        #expect(asset.topics == ["tco", "deployment"])
        #expect(asset.resolves == [.init(topic: "tco"), .init(topic: "deployment", positions: ["cloud-only", "on-prem-required"])])
        #expect(asset.shareable)
        #expect(asset.channel == .selfServe)
        #expect(asset.minutes == 15)
        #expect(asset.industries == ["healthcare"])
        #expect(asset.published == Day("2026-03-01"))
        #expect(asset.reviewBy == Day("2027-03-01"))
        #expect(asset.owner == "maria@vendor.example")
        #expect(asset.status == .published)
        #expect(asset.body.hasPrefix("Finance and IT"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func acceptsBlockListsCRLFAndAByteOrderMark() throws {
        let text = "\u{FEFF}" + Samples.assetFile(["roles": "\n  - finance\n  - it"]).replacingOccurrences(of: "\n", with: "\r\n")
        let asset = try #require(parse(text).asset)
        #expect(asset.roles == ["finance", "it"])
    }

    /// One rule per row: the edit to a valid file, the field and the key whose line must be reported.
    @Test(arguments: [
        (["jobs": "[validaton]"], "jobs", "jobs", "did you mean 'validation'"),
        (["jobs": "[]"], "jobs", "jobs", "at least one buying job"),
        (["jobs": nil], "jobs", nil, "at least one buying job"),
        (["title": nil], "title", nil, "required field is missing"),
        (["format": nil], "format", nil, "required field is missing"),
        (["status": nil], "status", nil, "required field is missing"),
        (["format": "podcast"], "format", "format", "unknown format 'podcast'"),
        (["roles": "[finance, marketing]"], "roles", "roles", "unknown role 'marketing'"),
        (["topics": "[tco, pricing]"], "topics", "topics", "unknown topic 'pricing'"),
        (["status": "live"], "status", "status", "unknown status 'live'"),
        (["channel": "email"], "channel", "channel", "unknown channel 'email'"),
        (["minutes": "ten"], "minutes", "minutes", "expected a whole number"),
        (["minutes": "0"], "minutes", "minutes", "above 0"),
        (["shareable": "maybe"], "shareable", "shareable", "expected true or false"),
        (["published": "March 2026"], "published", "published", "expected a date YYYY-MM-DD"),
        (["reviewBy": "2025-01-01"], "reviewBy", "reviewBy", "before the publication date"),
        (["url": "not a url"], "url", "url", "http or https URL"),
        (["url": "javascript:alert(1)"], "url", "url", "http or https URL"),
        (["audience": "[finance]"], "audience", "audience", "unknown field"),
        (["resolves": "\n  - topic: pricing"], "resolves[0].topic", "resolves", "unknown topic 'pricing'"),
        (["resolves": "\n  - topic: deployment\n    positions: [cloud-only, on-prem]"], "resolves[0].positions", "resolves", "unknown position of deployment 'on-prem'"),
        (["resolves": "\n  - topic: tco\n    positions: [low, high]"], "resolves[0].positions", "resolves", "number topic"),
        (["title": "[a, b]"], "title", "title", "expected a single value"),
    ] as [([String: String?], String, String?, String)])
    func reportsEachRuleAtTheOffendingLine(_ edit: [String: String?], _ field: String, _ key: String?, _ message: String) throws {
        let text = Samples.assetFile(edit)
        let result = parse(text)
        #expect(result.asset == nil)
        let error = result.diagnostics.first { $0.severity == .error && $0.field == field && $0.message.contains(message) }
        #expect(error != nil, "expected \(field): \(message), got \(result.diagnostics)")
        if let key {
            let expected = try #require(Samples.line(of: key, in: text))
            // Nested fields point at their own line, at or below their parent key.
            #expect(error.map { $0.line! >= expected && $0.line! <= expected + 2 } == true, "\(String(describing: error)) vs line \(expected)")
        }
        #expect(error?.description.hasPrefix("catalog/tco-model.md:") == true)
    }

    @Test func reportsEveryErrorOfAFileNotJustTheFirst() {
        let result = parse(Samples.assetFile(["jobs": "[validaton]", "format": "podcast", "roles": "[marketing]"]))
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 3)
    }

    @Test func brokenYAMLIsAnErrorAtItsLine() {
        let text = "---\ntitle: ok\njobs: [validation\nformat: tool\n---\nbody\n"
        let result = parse(text)
        let error = result.diagnostics.first { $0.severity == .error }
        #expect(error?.message.contains("invalid YAML") == true)
        #expect(error?.line.map { (3...5).contains($0) } == true, "\(result.diagnostics)")
    }

    @Test func aFileWithoutFrontMatterIsRefused() {
        let result = parse("# Just markdown\n\nNo fields.\n")
        #expect(result.diagnostics.first?.line == 1)
        #expect(result.diagnostics.first?.message.contains("front matter") == true)
    }

    @Test func theFileNameMustBeAKebabCaseID() {
        let result = parse(Samples.assetFile(), id: "TCO Model")
        #expect(result.diagnostics.contains { $0.field == "id" && $0.severity == .error })
    }

    @Test func warnsWithoutBlockingOnReviewSummaryAndBody() throws {
        let text = Samples.assetFile(["reviewBy": "2026-12-15", "summary": nil], body: "Too short.")
        let result = parse(text)
        #expect(result.asset != nil, "warnings must not block")
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.contains { $0.field == "reviewBy" && $0.message.contains("within 30 days") && $0.line == Samples.line(of: "reviewBy", in: text) })
        #expect(warnings.contains { $0.field == "summary" })
        #expect(warnings.contains { $0.field == "body" && $0.message.contains("almost empty") })
    }

    @Test func anExpiredAssetWarnsAndIsNotLive() throws {
        let result = parse(Samples.assetFile(["published": "2024-01-01", "reviewBy": "2025-12-31"]))
        let asset = try #require(result.asset)
        #expect(result.diagnostics.contains { $0.field == "reviewBy" && $0.message.contains("expired") })
        #expect(asset.isExpired(asOf: Samples.asOf))
        #expect(!asset.isLive(asOf: Samples.asOf))
        #expect(asset.isLive(asOf: Day("2025-12-31")!), "the review day itself is still valid")
    }

    @Test func diagnosticsPrintAsPathLineSeverityFieldMessage() {
        let diagnostic = Diagnostic(.error, file: "content/catalog/x.md", line: 6, field: "jobs", message: "unknown buying job 'foo'")
        #expect(diagnostic.description == "content/catalog/x.md:6: error: jobs: unknown buying job 'foo'")
    }

    @Test func aliasBombsAreRefusedQuickly() {
        var yaml = "---\ntitle: bomb\na: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 0..<20 {
            let name = "l\(level)"
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        yaml += "format: tool\njobs: [validation]\nstatus: published\n---\nbody\n"
        let result = parse(yaml)
        #expect(result.asset == nil)
        #expect(result.diagnostics.contains { $0.message.contains("aliases") })
    }
}
