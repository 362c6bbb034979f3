import Foundation

/// Numbers as people read them: `120,000`, `0.25`, `$310,000`. Locale-independent, so output is stable.
public enum NumberText {
    /// `120000` → "120000", `0.25` → "0.25": no grouping, no trailing zeros.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `120000` → "120,000"; fractions keep up to two decimals.
    public static func grouped(_ value: Double) -> String {
        let negative = value < 0
        let magnitude = abs(value)
        let whole = Int64(magnitude.rounded(.down))
        var fraction = ""
        if magnitude != magnitude.rounded(.down) {
            let cents = Int64(((magnitude - Double(whole)) * 100).rounded())
            if cents > 0 && cents < 100 {
                fraction = "." + (cents < 10 ? "0\(cents)" : "\(cents)")
                while fraction.hasSuffix("0") { fraction.removeLast() }
            }
        }
        var digits = Array(String(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(String(digits), at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + fraction
    }

    /// A figure with its unit: "$120,000" for USD, "12 weeks", "25%".
    public static func withUnit(_ value: Double, unit: String?) -> String {
        switch unit?.lowercased() {
        case "usd": return (value < 0 ? "-$" : "$") + grouped(abs(value))
        case "eur": return "€" + grouped(value)
        case "percent", "%": return grouped(value) + "%"
        case let unit?: return grouped(value) + " " + unit
        case nil: return grouped(value)
        }
    }
}
