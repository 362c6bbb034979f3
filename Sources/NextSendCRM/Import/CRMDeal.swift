import NextSend

/// The deal as the CRM keeps it — name, stage, amount, currency, close date — read from an
/// export row. An amount that is not a figure a deal can have is left out, never guessed.
enum CRMDeal {
    static func read(name: String?, stage: String?, amount: String?, currency: String?, closeDate: String?, mapping: CRMMapping,
                     days: CRMDays) -> Deal? {
        let figure = amount.flatMap { TypedFigure($0) }.map(\.value).flatMap { NumberText.isAcceptable($0) && $0 >= 0 ? $0 : nil }
        let code = currency.flatMap(Deal.currencyCode) ?? mapping.currency ?? "USD"
        let deal = Deal(name: name, stage: stage, amount: figure, currency: figure == nil ? nil : code, closeDate: closeDate.flatMap(days.day))
        return deal.isEmpty ? nil : deal
    }
}
