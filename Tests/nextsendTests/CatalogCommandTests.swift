import Foundation
import NextSendTestSupport
import Testing

/// End to end: the built `nextsend` binary on real files in a temporary folder.
@Suite struct CatalogCommandTests {
    let cli = CLI()

    @Test func theShippedCatalogLintsClean() async throws {
        let result = try await cli.run("catalog", "lint", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains(": error:"))
        #expect(!result.stdout.contains(".says:"), "every shipped topic says how people speak of it: \(result.stdout)")
    }

    @Test func theShippedCatalogImportsAndCoversEveryJob() async throws {
        let imported = try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29", "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(((summary?["added"] as? [String])?.count ?? 0) >= 48)
        #expect(summary?["drafts"] as? [String] == ["consensus-workshop-facilitator-guide"])
        let coverage = try await cli.run("catalog", "coverage", "--json", "--as-of", "2026-11-29")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 6)
        for row in rows {
            let counts = try #require(row["counts"] as? [String: Int])
            #expect(counts.values.reduce(0, +) >= 6, "every job has assets: \(row)")
        }
    }

    /// An import reads in a few lines (#33): counts, the first ids of each change with drafts
    /// marked, every id only with --verbose.
    @Test func anImportReportIsReadableAndMarksDrafts() async throws {
        let plan = try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29", "--dry-run")
        #expect(plan.status == 0, "\(plan.stderr)")
        let lines = plan.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Would import "))
        #expect(lines[0].hasSuffix("added, 0 updated, 0 retired, 0 unchanged; 1 draft (stored, not recommended until published)."), "\(lines[0])")
        let added = try #require(lines.first { $0.hasPrefix("  added: ") })
        #expect(added.split(separator: ",").count == 8, "eight ids, then a count: \(added)")
        #expect(added.range(of: #" and \d+ more$"#, options: .regularExpression) != nil)
        #expect(lines.contains("  (--verbose names every id)"))
        #expect(plan.stdout.count < 800, "not every id on one line")
        let every = try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29", "--verbose")
        #expect(every.stdout.contains("consensus-workshop-facilitator-guide (draft)"))
        #expect(!every.stdout.contains(" more"))
    }

    @Test func aBadFolderFailsWith65NamesEveryFileAndLeavesTheDatabaseAsItWas() async throws {
        cli.folder.makeContent(assets: ["keep": Samples.assetFile()])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let before = try cli.dump()
        let listBefore = try await cli.run("catalog", "list", "--json").stdout

        cli.folder.write("content/catalog/good.md", Samples.assetFile(["title": "Good"]))
        let badJob = Samples.assetFile(["jobs": "[validaton]"])
        cli.folder.write("content/catalog/bad-job.md", badJob)
        cli.folder.write("content/catalog/broken-yaml.md", "---\ntitle: Broken\njobs: [validation\nformat: tool\n---\nbody\n")
        cli.folder.write("content/catalog/no-title.md", Samples.assetFile(["title": nil]))

        let result = try await cli.run("catalog", "import", "content/catalog")
        #expect(result.status == 65)
        #expect(result.stderr.contains("content/catalog/bad-job.md:\(Samples.line(of: "jobs", in: badJob)!): error: jobs: unknown buying job 'validaton'"), "\(result.stderr)")
        #expect(result.stderr.contains("content/catalog/broken-yaml.md:"))
        #expect(result.stderr.contains("content/catalog/no-title.md:2: error: title: required field is missing"), "\(result.stderr)")
        #expect(try await cli.run("catalog", "list", "--json").stdout == listBefore)
        #expect(try await cli.run("catalog", "show", "good").status == 66)
        #expect(try cli.dump() == before, "the database is exactly as it was")
    }

    @Test func lintReportsErrorsWithExit65AndWarningsWithExit0() async throws {
        cli.folder.makeContent(assets: ["ok": Samples.assetFile(["summary": nil])])
        let warnings = try await cli.run("catalog", "lint", "content/catalog", "--as-of", "2026-11-29")
        #expect(warnings.status == 0)
        #expect(warnings.stdout.contains("content/catalog/ok.md:2: warning: summary:"), "\(warnings.stdout)")
        // A taxonomy without says: phrases still lints, with a warning per topic that notes cannot name it.
        #expect(warnings.stdout.contains("content/taxonomy.yaml:"), "\(warnings.stdout)")
        #expect(warnings.stdout.contains("warning: topics.tco.says: no phrases: a claim on tco is never read from notes"), "\(warnings.stdout)")
        cli.folder.write("content/catalog/bad.md", Samples.assetFile(["roles": "[finanse]"]))
        let errors = try await cli.run("catalog", "lint", "content/catalog", "--as-of", "2026-11-29")
        #expect(errors.status == 65)
        #expect(errors.stdout.contains("content/catalog/bad.md:7: error: roles: unknown role 'finanse'; did you mean 'finance'?"), "\(errors.stdout)")
    }

    @Test func listFiltersAndPrintsJSONWithFrontMatterFields() async throws {
        cli.folder.makeContent(assets: [
            "tco-model": Samples.assetFile(),
            "security-faq": Samples.assetFile(["title": "Security FAQ", "format": "faq", "jobs": "[requirements-building]", "roles": "[security]", "topics": "[deployment]", "resolves": nil]),
        ])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let result = try await cli.run("catalog", "list", "--role", "security", "--json")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array[0]["id"] as? String == "security-faq")
        #expect(array[0]["jobs"] as? [String] == ["requirements-building"])
        #expect(array[0]["status"] as? String == "published")
        #expect(array[0]["body"] == nil, "listings leave the body out")
        let search = try await cli.run("catalog", "list", "--search", "subscription fees")
        #expect(search.stdout.contains("tco-model"))
        let show = try await cli.run("catalog", "show", "tco-model")
        #expect(show.stdout.contains("Three-year TCO model"))
        #expect(show.stdout.contains("tco; deployment (cloud-only vs on-prem-required)"))
    }

    /// `catalog tag` keeps an asset consistent and edits every tag a marketer keeps (#33):
    /// resolves with its positions, industries, shareable; several ids all or nothing; a topic
    /// resolves names is refused with the way out, at the resolves line.
    @Test func tagEditsResolvesIndustriesAndShareableAcrossSeveralAssetsAllOrNothing() async throws {
        cli.folder.makeContent(assets: [
            "tco-model": Samples.assetFile(),
            "security-faq": Samples.assetFile(["title": "Security FAQ", "format": "faq", "jobs": "[requirements-building]", "roles": "[security]",
                                               "topics": "[deployment]", "resolves": nil]),
        ])
        cli.folder.write("content/taxonomy.yaml", Samples.taxonomyYAML + "\nindustries: [hospital-system, behavioral-health]\n")
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let original = cli.folder.read("content/catalog/tco-model.md")

        let refused = try await cli.run("catalog", "tag", "tco-model", "--remove-topic", "deployment")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("tco-model.md:\(Samples.line(of: "resolves", in: original)!): error: topics: 'deployment' is still named by resolves; pass --with-resolves"),
                "\(refused.stderr)")
        #expect(cli.folder.read("content/catalog/tco-model.md") == original)

        let both = try await cli.run("catalog", "tag", "tco-model", "--remove-topic", "deployment", "--with-resolves")
        #expect(both.status == 0, "\(both.stderr)")
        let edited = cli.folder.read("content/catalog/tco-model.md")
        #expect(edited.contains("topics: [tco]") && !edited.contains("deployment") && !edited.contains("positions:"), "the item goes with its positions")
        #expect(edited.contains("resolves:\n  - topic: tco\nshareable: true"))

        // Several ids, one edit: both files and the store, or neither.
        let many = try await cli.run("catalog", "tag", "tco-model", "security-faq", "--add-industry", "behavioral-health", "--shareable", "false",
                               "--add-resolves", "tco")
        #expect(many.status == 0, "\(many.stderr)")
        for id in ["tco-model", "security-faq"] {
            let text = cli.folder.read("content/catalog/\(id).md")
            #expect(text.contains("industries: [behavioral-health]") && text.contains("shareable: false"), "\(id)")
            #expect(text.contains("  - topic: tco") && text.contains("tco"), "\(id): resolves and topics")
        }
        let listed = try await cli.run("catalog", "list", "--json")
        let assets = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(assets.allSatisfy { $0["shareable"] as? Bool == false }, "the store follows the files")
        #expect(cli.folder.read("content/catalog/security-faq.md").contains("topics: [deployment, tco]"), "a topic it resolves is a topic it is about")

        // One bad id among good ones: nothing changes anywhere.
        let before = (cli.folder.read("content/catalog/tco-model.md"), cli.folder.read("content/catalog/security-faq.md"))
        let mixed = try await cli.run("catalog", "tag", "tco-model", "security-faq", "--remove-job", "requirements-building")
        #expect(mixed.status == 65, "security-faq would lose its last job")
        #expect(mixed.stderr.contains("security-faq.md:") && mixed.stderr.contains("would leave no job"))
        #expect((cli.folder.read("content/catalog/tco-model.md"), cli.folder.read("content/catalog/security-faq.md")) == before)
    }

    @Test func aSearchLongerThanAFewWordsIsRefusedWhereItIsTyped() async throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let long = try await cli.run("catalog", "list", "--search", String(repeating: "cost ", count: 60))
        #expect(long.status == 64)
        #expect(long.stderr.contains("--search: is 300 characters; a search takes at most 200"), "\(long.stderr)")
    }

    @Test func tagEditsTheFileInPlaceAndUntagGivesItBack() async throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let original = cli.folder.read("content/catalog/tco-model.md")

        let tagged = try await cli.run("catalog", "tag", "tco-model", "--add-role", "legal", "--add-job", "supplier-selection")
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(cli.folder.read("content/catalog/tco-model.md").contains("roles: [finance, it, legal]"))
        let list = try await cli.run("catalog", "list", "--role", "legal")
        #expect(list.stdout.contains("tco-model"), "the store follows the file")

        let untagged = try await cli.run("catalog", "tag", "tco-model", "--remove-role", "legal", "--remove-job", "supplier-selection")
        #expect(untagged.status == 0)
        #expect(cli.folder.read("content/catalog/tco-model.md") == original)
    }

    @Test func tagFindsTheFileWhereTheCatalogWasImportedFromAnyFolder() async throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        // Run from another folder, with a decoy content/ of its own: the stored path wins.
        let elsewhere = cli.folder.url.appendingPathComponent("elsewhere")
        let decoy = cli.folder.write("elsewhere/content/catalog/tco-model.md", Samples.assetFile())
        let tagged = try await cli.run(["catalog", "tag", "tco-model", "--add-role", "legal"], in: elsewhere)
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(cli.folder.read("content/catalog/tco-model.md").contains("roles: [finance, it, legal]"))
        #expect(cli.folder.read("elsewhere/content/catalog/tco-model.md") == Samples.assetFile(), "\(decoy) untouched")
        // An id the catalog does not have is missing input, named as such.
        let unknown = try await cli.run(["catalog", "tag", "no-such-asset", "--add-role", "legal"], in: elsewhere)
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no asset 'no-such-asset'"), "\(unknown.stderr)")
    }

    @Test func generateWorksFromAnyFolderAndItsDatasetImports() async throws {
        let result = try await cli.run("generate", "--assets", "30", "--groups", "20", "--reps", "3", "--out", "dataset")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try await cli.run("catalog", "import", "dataset/catalog").status == 0)
        let groups = try await cli.run("group", "import", "dataset/groups.jsonl")
        #expect(groups.status == 0, "\(groups.stderr)")
        #expect(groups.stdout.contains("20 new groups"), "\(groups.stdout)")
    }

    @Test func verboseImportsLogTheirStepsOnStderrOnly() async throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        let quiet = try await cli.run("catalog", "import", "content/catalog")
        #expect(!quiet.stderr.contains("catalog checked"))
        let verbose = try await cli.run("catalog", "import", "content/catalog", "--verbose")
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("catalog checked"), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("catalog stored"), "\(verbose.stderr)")
        #expect(!verbose.stdout.contains("catalog checked"), "results stay on stdout, logs on stderr")
    }

    @Test func tagRefusesAnUnknownValueAndWritesNothing() async throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let original = cli.folder.read("content/catalog/tco-model.md")
        let result = try await cli.run("catalog", "tag", "tco-model", "--add-role", "marketing")
        #expect(result.status == 65)
        #expect(result.stderr.contains("unknown role 'marketing'"))
        #expect(cli.folder.read("content/catalog/tco-model.md") == original)
        #expect(try await cli.run("catalog", "list", "--role", "marketing").stdout.isEmpty)
    }

    /// Removing a topic its resolves still names, or its last job, is refused at the line that
    /// says it; the file is left as it was.
    @Test func tagRefusesToLeaveAnAssetSayingWhatItNoLongerMeans() async throws {
        let file = Samples.assetFile(["jobs": "[validation]"])
        cli.folder.makeContent(assets: ["tco-model": file])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let original = cli.folder.read("content/catalog/tco-model.md")
        let topic = try await cli.run("catalog", "tag", "tco-model", "--remove-topic", "tco")
        #expect(topic.status == 65)
        #expect(topic.stderr.contains("tco-model.md:\(Samples.line(of: "resolves", in: file)!): error: topics: 'tco' is still named by resolves"),
                "\(topic.stderr)")
        let job = try await cli.run("catalog", "tag", "tco-model", "--remove-job", "validation")
        #expect(job.status == 65)
        #expect(job.stderr.contains("tco-model.md:\(Samples.line(of: "jobs", in: file)!): error: jobs: removing validation would leave no job"),
                "\(job.stderr)")
        #expect(cli.folder.read("content/catalog/tco-model.md") == original)
        // Adding a job while removing the last one is fine.
        #expect(try await cli.run("catalog", "tag", "tco-model", "--remove-job", "validation", "--add-job", "consensus-creation").status == 0)
    }

    @Test func missingInputsAndUsageErrorsUseSysexits() async throws {
        #expect(try await cli.run("catalog", "import", "no/such/folder").status == 66)
        #expect(try await cli.run("catalog", "list", "--job", "not-a-job").status == 64)
        #expect(try await cli.run("catalog", "tag", "x").status == 64)
    }

    @Test func coverageMarksEmptyCells() async throws {
        cli.folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        #expect(try await cli.run("catalog", "import", "content/catalog").status == 0)
        let result = try await cli.run("catalog", "coverage", "--as-of", "2026-11-29")
        #expect(result.stdout.contains("validation"))
        #expect(result.stdout.contains("--"))
        #expect(result.stdout.contains("empty cells"))
    }

    /// `catalog suggest` and `catalog preview` (#33): what a marketer reads, and the JSON.
    @Test func suggestionsAndPreviewsReadAsAMarketerNeeds() async throws {
        #expect(try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("group", "import", CLI.repositoryContent + "/groups", "--as-of", "2026-11-29").status == 0)
        let suggest = try await cli.run("catalog", "suggest", "cost-of-vacancy-calculator")
        #expect(suggest.status == 0, "\(suggest.stderr)")
        #expect(suggest.stdout.contains("  topic overtime-savings: “Estimate what each open nursing position costs per month in overtime"))
        #expect(suggest.stdout.contains("  to apply: nextsend catalog tag cost-of-vacancy-calculator --add-job consensus-creation --add-topic overtime-savings"))
        let json = try await cli.run("catalog", "suggest", "--all", "--json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 50, "every asset not retired, the draft included")
        #expect(try await cli.run("catalog", "suggest").status == 64)

        let picked = try await cli.run("catalog", "preview", "tco-model", "--group", "mercy-valley-health", "--as-of", "2026-11-29")
        #expect(picked.stdout.hasPrefix("tco-model is pick 1 for Mercy Valley Health (mercy-valley-health).\n  reason   Dana Reyes (finance)"))
        let draft = try await cli.run("catalog", "preview", "consensus-workshop-facilitator-guide", "--group", "mercy-valley-health", "--as-of", "2026-11-29", "--json")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(draft.stdout.utf8)) as? [String: Any])
        let preview = try #require(answer["preview"] as? [String: Any])
        #expect(preview["verdict"] as? String == "not-picked")
        let typo = try await cli.run("catalog", "preview", "tco-modle", "--group", "mercy-valley-health")
        #expect(typo.status == 66 && typo.stderr.contains("did you mean 'tco-model'?"), "\(typo.status) \(typo.stderr)")
    }
}
