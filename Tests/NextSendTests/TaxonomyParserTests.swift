import Foundation
import NextSend
import NextSendTestSupport
import Testing

@Suite struct TaxonomyParserTests {
    @Test func readsEverySection() throws {
        let taxonomy = try TaxonomyParser.parse(Samples.taxonomyYAML, file: "taxonomy.yaml")
        #expect(taxonomy.roles.count == 8)
        #expect(taxonomy.influence["champion"] == 0.8)
        #expect(taxonomy.stallThreshold(for: .validation) == 10)
        #expect(taxonomy.stallThreshold(for: .problemIdentification) == 14)
        let deployment = try #require(taxonomy.topic("deployment"))
        #expect(deployment.positions == ["cloud-only", "hybrid", "on-prem-required"])
        #expect(deployment.areCompatible("hybrid", "cloud-only"))
        #expect(!deployment.areCompatible("hybrid", "on-prem-required"))
        let tco = try #require(taxonomy.topic("tco"))
        #expect(tco.kind == .number(unit: "USD", tolerance: 0.2))
        #expect(tco.jobs == [.validation, .consensusCreation])
    }

    /// The shipped taxonomy says how each topic is spoken of, so the notes reader can find it.
    @Test func theShippedTaxonomyHasPhrasesForEveryTopicAndPosition() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content/taxonomy.yaml")
        let taxonomy = try TaxonomyParser.parse(String(contentsOf: url, encoding: .utf8), file: "content/taxonomy.yaml")
        for topic in taxonomy.topics {
            if topic.isNumber {
                #expect(!(topic.says[Topic.topicPhrases] ?? []).isEmpty, "\(topic.id)")
            } else {
                #expect(Set(topic.says.keys) == Set(topic.positions), "\(topic.id)")
            }
        }
    }

    /// Each broken taxonomy must be refused with the field and the line of the offending key.
    @Test(arguments: [
        ("roles: [finance]\nbogus: 1\ninfluence: {user: 0.4}\nformats: [tool]\ntopics: {}", "bogus", 2, "unknown field"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  deployment:\n    kind: choice\n    jobs: [validation]", "topics.deployment.positions", 5, "at least two positions"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  deployment:\n    kind: choice\n    positions: [a, b]\n    compatible: [[a, c]]", "topics.deployment.compatible[0]", 8, "'c' is not a position"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  tco:\n    kind: number\n    tolerance: 0", "topics.tco.tolerance", 7, "above 0"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  tco:\n    kind: number\n    tolerance: -0.1", "topics.tco.tolerance", 7, "above 0"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\nstallDays:\n  default: 0\ntopics: {}", "stallDays.default", 5, "above 0"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\nstallDays:\n  validaton: 10\ntopics: {}", "stallDays.validaton", 5, "buying job"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  tco:\n    kind: numeric\n    tolerance: 0.2", "topics.tco.kind", 6, "expected 'choice' or 'number'"),
        ("roles: [Finance Team]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics: {}", "roles", 1, "kebab-case"),
        ("roles: [finance]\ninfluence: {user: 1.5}\nformats: [tool]\ntopics: {}", "influence.user", 2, "at most 1"),
        ("roles: [finance\ninfluence: {user: 0.4}", nil, 2, "invalid YAML"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  deployment:\n    kind: choice\n    positions: [a, b]\n    says:\n      c: [cee]",
         "topics.deployment.says.c", 9, "'c' is not a position"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  deployment:\n    kind: choice\n    positions: [a, b]\n    says: [on-prem]",
         "topics.deployment.says", 8, "phrases per position"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  tco:\n    kind: number\n    tolerance: 0.2\n    says: {a: [b]}",
         "topics.tco.says", 8, "list of phrases"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  deployment:\n    kind: choice\n    positions: [a, b]\n    says:\n      a: [annual]\n      b: [Annual]",
         "topics.deployment.says.b", 10, "also a phrase of 'a'"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  term:\n    kind: choice\n    positions: [a, b]\n    says: {a: [annual]}\n  tco:\n    kind: number\n    tolerance: 0.2\n    says: [annual]",
         "topics.tco.says", 9, "also a phrase of topic 'term'"),
        ("roles: [finance]\ninfluence: {user: 0.4}\nformats: [tool]\ntopics:\n  tco:\n    kind: number\n    tolerance: 0.2\n    says: [' - ']",
         "topics.tco.says", 8, "no words"),
    ] as [(String, String?, Int, String)])
    func rejectsBrokenTaxonomies(_ yaml: String, _ field: String?, _ line: Int, _ message: String) throws {
        let error = try #require(throws: ValidationFailure.self) { try TaxonomyParser.parse(yaml, file: "t.yaml") }
        let match = error.errors.first { $0.field == field && $0.message.contains(message) }
        #expect(match != nil, "expected \(field ?? "-"): \(message) in \(error)")
        #expect(match?.line == line, "\(error)")
        #expect(match?.file == "t.yaml")
    }

    /// The taxonomy is stored as JSON; the same taxonomy must give the same bytes in every run,
    /// which a dictionary keyed by an enum (encoded as a list in hash order) would not.
    @Test func storedJSONIsTheSameBytesInEveryRun() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(Samples.taxonomy), as: UTF8.self)
        #expect(json.contains(#""stallDays":{"validation":10}"#), "\(json)")
        #expect(try JSONDecoder().decode(Taxonomy.self, from: Data(json.utf8)) == Samples.taxonomy)
    }

    @Test func compatibilityIsSymmetric() throws {
        let taxonomy = Samples.taxonomy
        let topic = try #require(taxonomy.topic("deployment"))
        for a in topic.positions {
            for b in topic.positions {
                #expect(topic.areCompatible(a, b) == topic.areCompatible(b, a))
            }
        }
    }
}
