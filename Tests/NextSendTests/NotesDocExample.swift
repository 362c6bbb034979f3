import NextSend

/// The library example of docs/notes.md, compiled here so it cannot rot; `NotesDocExampleTests`
/// checks that the page shows exactly the lines between the markers.
enum NotesDocExample {
    static func run(taxonomy: Taxonomy, group: BuyingGroup, text: String) -> [String] {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        // --- docs example starts
        let reader = NoteReader(taxonomy: taxonomy, stakeholders: group.stakeholders)
        let reading = reader.read(NoteDocument(text: text, format: .email))
        for claim in reading.claims { print(claim.stakeholder, claim.topic, claim.value, claim.quote) }
        for statement in reading.skipped { print(statement.why.rawValue, statement.quote) }
        // --- docs example ends
        return printed
    }
}
