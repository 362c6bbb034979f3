/// A kept catalog's outcome evidence, by need key, each need's records read only when a match
/// asks for them.
///
/// A large catalog's evidence is over 100,000 records (asset × need); a group has a few needs,
/// so a call reads those and leaves the rest as bytes. Rebuilding every record into two
/// dictionaries was a fifth of a CLI call at 100,000 assets.
final class KeptEvidence: Sendable {
    /// The need keys that have records, in order.
    let needs: [String]
    /// Each need's records as ``write(_:to:)`` laid them out: a count, then asset id, sends and
    /// successes for each, checked whole when read.
    private let sections: [String: [UInt8]]

    static func write(_ evidence: OutcomeEvidence, to writer: inout PackedWriter) {
        var byNeed: [String: [(asset: String, record: OutcomeEvidence.Record)]] = [:]
        for (asset, needs) in evidence.records {
            for (need, record) in needs { byNeed[need, default: []].append((asset, record)) }
        }
        writer.int(byNeed.count)
        for need in byNeed.keys.sorted() {
            let entries = byNeed[need]!.sorted { $0.asset < $1.asset }
            var section = PackedWriter(capacity: entries.count * 16)
            section.int(entries.count)
            for entry in entries {
                section.string(entry.asset)
                section.int(entry.record.sends)
                section.int(entry.record.successes)
            }
            writer.string(need)
            writer.run(section.bytes)
        }
    }

    /// The evidence ``write(_:to:)`` wrote, or `nil` when a section does not read whole.
    init?(reading reader: inout PackedReader) {
        guard let count = reader.count() else { return nil }
        var needs: [String] = [], sections: [String: [UInt8]] = [:]
        for _ in 0..<count {
            guard let need = reader.string(), let section = reader.run(), needs.last.map({ $0 < need }) ?? true,
                  KeptEvidence.isWhole(section) else { return nil }
            needs.append(need)
            sections[need] = section
        }
        self.needs = needs
        self.sections = sections
    }

    func records(forNeed key: String) -> [String: OutcomeEvidence.Record]? {
        guard let section = sections[key] else { return nil }
        return section.withUnsafeBytes { bytes -> [String: OutcomeEvidence.Record]? in
            var reader = PackedReader(bytes)
            guard let count = reader.count() else { return nil }
            var records: [String: OutcomeEvidence.Record] = [:]
            records.reserveCapacity(count)
            for _ in 0..<count {
                guard let asset = reader.string(), let sends = reader.int(), let successes = reader.int() else { return nil }
                records[asset] = OutcomeEvidence.Record(sends: sends, successes: successes)
            }
            return records
        }
    }

    private static func isWhole(_ section: [UInt8]) -> Bool {
        section.withUnsafeBytes { bytes in
            var reader = PackedReader(bytes)
            guard let count = reader.count() else { return false }
            for _ in 0..<count {
                guard reader.skipString(), reader.int() != nil, reader.int() != nil else { return false }
            }
            return reader.isAtEnd
        }
    }
}
