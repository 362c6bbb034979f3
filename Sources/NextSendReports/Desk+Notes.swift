import NextSend
import NextSendStore

extension Desk {
    /// The most text one note may hold (about a hundred pages).
    public static let noteCharacterLimit = 200_000

    /// Reads claims out of a note, an e-mail or a transcript and records them (`nextsend note`,
    /// `POST /v1/groups/{id}/notes`, the page's paste box).
    ///
    /// - Parameters:
    ///   - format: `note`, `markdown`, `email`, `vtt`, `srt` or `transcript`; detected from the
    ///     file name and the text when `nil`.
    ///   - date: the day the claims are dated; by default an e-mail's `Date:` header, else `today`.
    ///   - from: who wrote a first-person note or sent the e-mail (an id or a name).
    ///   - origin: where the text came from; by default a hash of the text, so the same text pasted
    ///     again adds nothing.
    /// - Throws: ``DeskError`` naming the field (`text`, `format`, `date`, `from`).
    public func readNote(groupID: String, text: String, fileName: String? = nil, format: String? = nil, date: Day? = nil,
                         from: String? = nil, origin: String? = nil, today: Day, by recorder: Recorder, dryRun: Bool) throws -> Recorded<NoteReport> {
        let group = try store.existingGroup(id: groupID)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DeskError.badInput(field: "text", "is empty; paste the notes, the e-mail or the transcript") }
        guard text.count <= Self.noteCharacterLimit else {
            throw DeskError.badInput(field: "text", "is \(text.count) characters; at most \(Self.noteCharacterLimit) in one note")
        }
        var noteFormat = NoteFormat.detect(fileName: fileName, text: text)
        if let format {
            guard let given = NoteFormat(rawValue: format) else {
                throw DeskError.badInput(field: "format", "'\(format)' is not a note format; expected one of "
                    + NoteFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            noteFormat = given
        }
        let day = date ?? (noteFormat == .email ? NoteFormat.emailDay(in: text) : nil) ?? today
        guard day <= today else {
            throw DeskError.badInput(field: "date", "\(day) is after \(today); a note cannot be dated later than the day it is read")
        }
        let author = try from.map { try Desk.person($0, in: group, field: "from") }
        let taxonomy = try store.taxonomy()
        let reader = NoteReader(taxonomy: taxonomy, stakeholders: group.stakeholders)
        guard reader.canRead else {
            throw DeskError.badInput(field: "text", "the taxonomy has no says: phrases, so no topic can be found in text; "
                + "add them to content/taxonomy.yaml (see docs/notes.md) and import the catalog again")
        }
        let reading = reader.read(NoteDocument(text: text, format: noteFormat, from: author, inbound: author == nil ? nil : true))
        // The reader only returns figures the store takes (within 10^15, right for their unit).
        let skipped = reading.skipped
        let claims = reading.claims.map { read in
            Claim(stakeholder: read.stakeholder, topic: read.topic, value: read.value, source: noteFormat.claimSource, date: min(read.date ?? day, day), quote: read.quote)
        }
        let quotes = reading.claims.map(\.quote)
        let noteOrigin = origin ?? Origin.pastedNote(text)
        let outcome = try store.recordNoteClaims(claims, to: group.id, origin: noteOrigin, by: recorder, dryRun: dryRun)

        let words = Vocabulary(taxonomy)
        var rows: [NoteReport.ClaimRow] = []
        var lines: [String] = []
        let what = "\(claims.count) claim\(claims.count == 1 ? "" : "s")"
        var stored = [(outcome.added, "new"), (outcome.changed, "changed"), (outcome.unchanged, "already recorded"),
                      (outcome.keptRetracted, "retracted before and left out")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        if dryRun { stored = (stored.isEmpty ? "" : "would be \(stored); ") + "nothing stored (--dry-run)" }
        lines.append("Read \(what) from the \(noteFormat.rawValue) of \(day) for \(group.title) (\(group.id))"
            + (claims.isEmpty ? "." : "; \(stored.isEmpty ? "nothing to store" : stored)."))
        for (index, claim) in claims.enumerated() {
            var names = words.names(in: group)
            let state = index < outcome.each.count ? outcome.each[index] : "added"
            let (position, value): (String?, Double?) = switch claim.value {
            case let .position(text): (text, nil)
            case let .number(number): (nil, number)
            }
            rows.append(NoteReport.ClaimRow(stakeholder: claim.stakeholder, topic: claim.topic, position: position, value: value,
                                            date: day.description, origin: noteOrigin, quote: quotes[index], recordedBy: recorder.name,
                                            stored: state))
            let mark = ["added": "+", "changed": "~", "retracted": "×"][state] ?? "="
            lines.append("  \(mark) \(names.mention(claim.stakeholder)): \(words.value(claim.value, topic: claim.topic)) on "
                + "\(words.topic(claim.topic)) — “\(quotes[index])”")
        }
        if !skipped.isEmpty {
            lines.append("Not read as claims (\(skipped.count)):")
            for statement in skipped { lines.append("  - \(statement.why.rawValue): “\(statement.quote)”") }
        }
        let report = NoteReport(group: group.id, format: noteFormat.rawValue, date: day.description, origin: noteOrigin, dryRun: dryRun,
                                claims: rows, skipped: skipped, added: outcome.added, unchanged: outcome.unchanged, changed: outcome.changed,
                                keptRetracted: outcome.keptRetracted, lines: lines)
        return Recorded(report: report, isNew: !dryRun && outcome.added + outcome.changed > 0)
    }
}
