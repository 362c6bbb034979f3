import NextSend

/// Claims a deal's own fields hold (the mapping's `claims:`): a budget field is its Economic
/// Buyer's figure, a deployment picklist its Technical Buyer's position.
struct CRMClaimFields {
    let mapping: CRMMapping
    let days: CRMDays

    /// The claims of one deal record for its people (`roles`: each person's CRM role labels), dated
    /// by the record's last change. Fields that are empty are no claim; one that cannot be read
    /// for its topic, or whose role no contact has, is reported.
    func claims(_ record: CSVRecord, people roles: [(person: String, labels: [String])], dateColumns: [String],
                report: inout CRMImportReport) -> [Claim] {
        guard !mapping.claimFields.isEmpty else { return [] }
        var claims: [Claim] = []
        for field in mapping.claimFields {
            guard let text = record[field.field], !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let value = CRMMapping.claimValue(text, topic: field.topic) else {
                report.skip(record.file, line: record.line, "\(field.field) '\(text)' is not a value of \(field.topic.id)"
                    + (field.topic.isNumber ? "" : " (expected one of \(field.topic.positions.joined(separator: ", ")) or one of its says: phrases)"),
                            kind: "claim fields NextSend cannot read")
                continue
            }
            let wanted = field.contactRole.lowercased()
            let holders = roles.filter { $0.labels.contains { $0.lowercased() == wanted } }.map(\.person)
            guard let holder = holders.first else {
                report.skip(record.file, line: record.line, "\(field.field): no contact of the deal has the role '\(field.contactRole)'",
                            kind: "claim fields whose holder is not on the deal")
                continue
            }
            guard let day = days.firstDay(dateColumns.map { record[$0] }) else {
                report.skip(record.file, line: record.line, "\(field.field): the record has no date to date the claim by (\(dateColumns.joined(separator: ", ")))",
                            kind: "claim fields without a date")
                continue
            }
            claims.append(Claim(stakeholder: holder, topic: field.topic.id, value: value, source: "crm field \(field.field)", date: day))
        }
        return claims
    }
}
