/// The deal a buying group belongs to, as the CRM keeps it: two deals at one account are told
/// apart by their name, and a rep sees the stage and size they know the deal by.
public struct Deal: Sendable, Hashable, Codable {
    public var name: String?
    /// The CRM's own stage name ("Negotiation/Review").
    public var stage: String?
    public var amount: Double?
    /// ISO code of the amount's currency (`USD`, `EUR`).
    public var currency: String?
    public var closeDate: Day?

    public init(name: String? = nil, stage: String? = nil, amount: Double? = nil, currency: String? = nil, closeDate: Day? = nil) {
        self.name = name
        self.stage = stage
        self.amount = amount
        self.currency = currency
        self.closeDate = closeDate
    }

    /// "usd" → "USD"; `nil` for anything that is not three letters.
    public static func currencyCode(_ text: String) -> String? {
        text.count == 3 && text.allSatisfy(\.isLetter) ? text.uppercased() : nil
    }

    public var isEmpty: Bool { name == nil && stage == nil && amount == nil && currency == nil && closeDate == nil }
}

extension BuyingGroup {
    /// How people name the group: "Bayshore Health — Float Pool Expansion" when the deal has a
    /// name other than the account's, else the account.
    public var title: String {
        guard let name = deal?.name, !name.isEmpty, name != account else { return account }
        return "\(account) — \(name)"
    }
}

extension Deal {
    /// "Negotiation/Review · $480,000 · closes 2027-02-27": the deal as a rep knows it, in one line.
    public var summary: String? {
        var parts: [String] = []
        if let stage { parts.append(stage) }
        if let amount { parts.append(NumberText.withUnit(amount, unit: currency ?? "USD")) }
        if let closeDate { parts.append("closes \(closeDate)") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
