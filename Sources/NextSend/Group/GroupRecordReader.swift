import Foundation

/// The fast way through a JSON Lines group record: decoded straight into typed fields and checked
/// against the taxonomy, without the node tree the general reader builds.
///
/// It only ever answers for a record the general reader (``GroupParser/parseJSONRecord``) would
/// accept without a word: a group, or `nil` for "ask the general reader". Anything it is not sure
/// of — a field it does not know, a `null`, a string where a number goes, text with spaces around
/// it, any value the general reader would report — makes it step aside, so every message an
/// import prints still comes from the one general reader, and a bad line reads exactly as before.
/// `GroupRecordReaderTests` holds the two to the same groups on generated and fuzzed records.
enum GroupRecordReader {
    /// Reads `line` as a valid group, or gives `nil` when the general reader must decide.
    static func group(_ line: String, taxonomy: Taxonomy, knownAssets: Set<String>?, latest: Day?) -> BuyingGroup? {
        var line = line
        let record = line.withUTF8 { bytes -> GroupRecord? in
            var scanner = GroupRecordScanner(bytes)
            return try? scanner.record()
        }
        guard let record else { return nil }
        var check = Check(taxonomy: taxonomy, knownAssets: knownAssets, latest: latest)
        return check.group(record)
    }

    /// Thrown while scanning: the record needs the general reader.
    struct StepAside: Error {}

    // MARK: Typed fields, exactly as a valid record spells them

    struct GroupRecord {
        var id = "", account = "", owner = ""
        var industry: String?
        var stakeholders: [StakeholderRecord] = []
        var claims: [ClaimRecord] = []
        var events: [EventRecord] = []
        var touches: [TouchRecord] = []
        var deal: DealRecord?
    }

    struct StakeholderRecord {
        var id = "", role = "", influence = ""
        var name, title, email: String?
    }

    struct ClaimRecord {
        var stakeholder = "", topic = "", date = ""
        var position, source, quote: String?
        var value: Double?
    }

    struct EventRecord {
        var job = "", type = "", date = ""
        var note: String?
    }

    struct TouchRecord {
        var asset = "", date = ""
        var to: [String] = []
        var channel: String?
        var consumed: Bool?
    }

    struct DealRecord {
        var name, stage, currency, closeDate: String?
        var amount: Double?
    }

    // MARK: The general reader's checks, as yes or no

    struct Check {
        let taxonomy: Taxonomy
        let knownAssets: Set<String>?
        let latest: Day?
        /// Topics by id, looked up once per record rather than searched per claim.
        private var topics: [String: Topic] = [:]

        init(taxonomy: Taxonomy, knownAssets: Set<String>?, latest: Day?) {
            self.taxonomy = taxonomy
            self.knownAssets = knownAssets
            self.latest = latest
        }

        mutating func group(_ record: GroupRecord) -> BuyingGroup? {
            guard Identifier.isValid(record.id), RepID.problem(record.owner) == nil else { return nil }
            if let industry = record.industry, !taxonomy.industries.isEmpty, !taxonomy.industries.contains(industry) { return nil }
            var people: [Stakeholder] = []
            var ids = Set<String>()
            for person in record.stakeholders {
                guard Identifier.isValid(person.id), taxonomy.roles.contains(person.role), taxonomy.influence[person.influence] != nil,
                      person.email.map(EmailAddress.isValid) ?? true, ids.insert(person.id).inserted else { return nil }
                people.append(Stakeholder(id: person.id, name: person.name ?? person.id, role: person.role, influence: person.influence,
                                          title: person.title, email: person.email))
            }
            var claims: [Claim] = []
            claims.reserveCapacity(record.claims.count)
            for claim in record.claims {
                guard ids.contains(claim.stakeholder), let value = value(of: claim), let date = day(claim.date) else { return nil }
                if let quote = claim.quote, quote.count > NoteReader.quoteLimit { return nil }
                claims.append(Claim(stakeholder: claim.stakeholder, topic: claim.topic, value: value, source: claim.source, date: date,
                                    quote: claim.quote))
            }
            var events: [JobEvent] = []
            for event in record.events {
                guard let job = BuyingJob(rawValue: event.job), let kind = JobEvent.Kind(rawValue: event.type), let date = day(event.date) else {
                    return nil
                }
                events.append(JobEvent(job: job, type: kind, date: date, note: event.note))
            }
            var touches: [Touch] = []
            for touch in record.touches {
                // The general reader trims each name in a list, and keeps an empty one to report.
                let to = touch.to.map(MappingReader.trimmed)
                guard knownAssets?.contains(touch.asset) ?? true, !to.isEmpty, to.allSatisfy(ids.contains), let date = day(touch.date) else {
                    return nil
                }
                touches.append(Touch(asset: touch.asset, to: to, date: date, channel: touch.channel, consumed: touch.consumed ?? false))
            }
            var deal: Deal?
            if let record = record.deal {
                var read = Deal(name: record.name, stage: record.stage, amount: nil, currency: nil, closeDate: nil)
                if let amount = record.amount {
                    guard let figure = Self.figure(amount), figure >= 0 else { return nil }
                    read.amount = figure
                }
                if let currency = record.currency {
                    guard let code = Deal.currencyCode(currency) else { return nil }
                    read.currency = code
                }
                if let text = record.closeDate {
                    guard let closeDate = Day(text) else { return nil }
                    read.closeDate = closeDate
                }
                deal = read.isEmpty ? nil : read
            }
            return BuyingGroup(id: record.id, account: record.account, owner: record.owner, industry: record.industry, stakeholders: people,
                               claims: claims, events: events, touches: touches, deal: deal)
        }

        private mutating func value(of claim: ClaimRecord) -> Claim.Value? {
            let topic: Topic
            if let known = topics[claim.topic] {
                topic = known
            } else {
                guard let found = taxonomy.topic(claim.topic) else { return nil }
                topics[claim.topic] = found
                topic = found
            }
            if topic.isNumber {
                guard claim.position == nil, let number = claim.value, let figure = Self.figure(number) else { return nil }
                if case let .number(unit, _) = topic.kind, FigureUnit.problem(figure, unit: unit) != nil { return nil }
                return .number(figure)
            }
            guard claim.value == nil, let position = claim.position, topic.positions.contains(position) else { return nil }
            return .position(position)
        }

        /// A day the general reader accepts: a valid date, not after `latest`.
        private func day(_ text: String) -> Day? {
            guard let day = Day(text) else { return nil }
            if let latest, day > latest { return nil }
            return day
        }

        /// A JSON number as the general reader takes it: written out plainly and read back, within
        /// the limits every stored figure keeps.
        static func figure(_ number: Double) -> Double? {
            let plain = NumberText.plain(number)
            guard NumberText.isPlainNumeral(plain), let value = Double(plain), !value.isNaN, NumberText.isAcceptable(value) else { return nil }
            return value
        }
    }
}
