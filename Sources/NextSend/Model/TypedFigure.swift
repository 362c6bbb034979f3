import Foundation

/// A figure as a person types it into a box: `$150k`, `150,000`, `1.2M`, `€2.5 million`, `25%`.
///
/// Stricter than it looks: a comma must separate groups of three digits (`1,5` is refused
/// rather than read as 15 or 1.5), and only one unit may be named. The unit it names, if any,
/// is kept so the caller can refuse `€150k` on a topic counted in USD instead of storing it as dollars.
///
/// ```swift
/// TypedFigure("$150k")      // value 150000, unit "USD"
/// TypedFigure("1.2M")       // value 1200000, unit nil
/// TypedFigure("about 5")    // nil
/// ```
public struct TypedFigure: Sendable, Equatable {
    public var value: Double
    /// `USD`, `EUR`, `GBP` or `percent` when the text named one of those; any other unit as typed.
    public var unit: String?

    public init(value: Double, unit: String? = nil) {
        self.value = value
        self.unit = unit
    }

    public init?(_ text: String) {
        let trimmed = TypedFigure.joiningSpacedThousands(text.trimmingCharacters(in: .whitespaces))
        // Plain and scientific notation first ("1e19", "-0.5"); not hex ("0x10"), NaN or infinities.
        let digitsOnly = trimmed.replacingOccurrences(of: "_", with: "")
        if NumberText.isPlainNumeral(digitsOnly), let plain = Double(digitsOnly) {
            guard plain.isFinite else { return nil }
            self.init(value: plain)
            return
        }
        var rest = Substring(trimmed)
        var negative = false
        if rest.first == "-" || rest.first == "−" {
            negative = true
            rest = rest.dropFirst()
        }
        var unit: String?
        // A currency before the number: "$150k", "USD 150,000", "€ 2.5m".
        for (prefix, code) in TypedFigure.currencyPrefixes where rest.lowercased().hasPrefix(prefix) {
            unit = code
            rest = rest.dropFirst(prefix.count)
            break
        }
        rest = Substring(rest.trimmingCharacters(in: .whitespaces))
        if !negative, rest.first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        // The digits: 150000, 150,000, 1.25, .5
        var digits = ""
        var seenPoint = false
        var sinceComma: Int?
        while let character = rest.first {
            if character.isASCII, character.isNumber {
                digits.append(character)
                if let count = sinceComma { sinceComma = count + 1 }
            } else if character == ",", !seenPoint, !digits.isEmpty, sinceComma == nil || sinceComma == 3 {
                sinceComma = 0
            } else if character == "_", !digits.isEmpty {
                // 150_000, as YAML writes it.
            } else if character == ".", !seenPoint {
                if let count = sinceComma, count != 3 { return nil }
                sinceComma = nil
                seenPoint = true
                digits.append(".")
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        if let count = sinceComma, count != 3 { return nil }
        guard digits.contains(where: \.isNumber), var value = Double(digits) else { return nil }
        // A multiplier and a unit after the number: "k", " million", "M USD", "%", " percent".
        var suffix = Substring(rest.trimmingCharacters(in: .whitespaces))
        for (word, factor) in TypedFigure.multipliers where suffix.lowercased().hasPrefix(word) {
            let after = suffix.dropFirst(word.count)
            // "k" must not be the start of a word ("kW", "km").
            guard after.first.map({ !$0.isLetter }) ?? true else { continue }
            value *= factor
            suffix = Substring(after.trimmingCharacters(in: .whitespaces))
            break
        }
        if !suffix.isEmpty {
            // A known currency or percent is named by its code; any other unit as typed ("kW"),
            // for the caller to compare with the topic's.
            let code = TypedFigure.unitSuffixes[suffix.lowercased()] ?? String(suffix)
            // A unit is a word ("kW", "weeks"); "0x10" is not 0 of "x10".
            guard unit == nil || unit == code, code.first?.isLetter == true || code == "%", !code.contains(where: \.isNumber) else { return nil }
            unit = code
        }
        guard value.isFinite else { return nil }
        self.init(value: negative ? -value : value, unit: unit)
    }

    /// "150 000" → "150000": a space between digit groups of three is a thousands separator.
    static func joiningSpacedThousands(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, characters[index - 1].isNumber, index + 3 < characters.count + 0,
               characters[(index + 1)...].prefix(3).count == 3, characters[(index + 1)...].prefix(3).allSatisfy(\.isNumber),
               index + 4 >= characters.count || !characters[index + 4].isNumber {
                continue
            }
            result.append(character)
        }
        return result
    }

    private static let currencyPrefixes: [(String, String)] = [
        ("us$", "USD"), ("$", "USD"), ("usd", "USD"), ("€", "EUR"), ("eur", "EUR"), ("£", "GBP"), ("gbp", "GBP"),
    ]
    // Longest first, so "million" is not read as "m" followed by "illion".
    private static let multipliers: [(String, Double)] = [
        ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("mm", 1e6), ("bn", 1e9), ("k", 1e3), ("m", 1e6), ("b", 1e9),
    ]
    private static let unitSuffixes: [String: String] = [
        "usd": "USD", "$": "USD", "dollars": "USD", "eur": "EUR", "€": "EUR", "euros": "EUR", "gbp": "GBP", "£": "GBP",
        "%": "percent", "percent": "percent", "per cent": "percent",
    ]
}
