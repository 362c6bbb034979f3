import Foundation

/// Numbers as people read them: `120,000`, `0.25`, `$310,000`. Locale-independent, so output is stable.
///
/// Every formatter here is total: any `Double` — NaN, infinities, subnormals, 1e308 — gives a
/// string. A figure outside ``largestFigure`` cannot enter through any import or form, but a
/// database written before that check may still hold one, and one stored figure must never take
/// down a page, a `next` or a whole digest run.
public enum NumberText {
    /// The largest magnitude a figure may have where it enters (a claim's value, a CRM amount):
    /// 10¹⁵, well above any deal and small enough that every figure prints as whole digits.
    public static let largestFigure: Double = 1e15

    /// Whether `text` is written as a plain decimal numeral (digits, a point, a sign, an exponent):
    /// `Double(_:)` alone also reads "0x10" as 16 and takes "nan" and "infinity".
    public static func isPlainNumeral(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
    }

    /// Whether a figure may be stored: finite and within ±``largestFigure``.
    public static func isAcceptable(_ value: Double) -> Bool { value.isFinite && abs(value) <= largestFigure }

    /// `120000` → "120000", `0.25` → "0.25": no grouping, no trailing zeros.
    public static func plain(_ value: Double) -> String {
        if let special = outOfRange(value) { return special }
        if value == value.rounded() { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `120000` → "120,000"; fractions keep up to two decimals.
    public static func grouped(_ value: Double) -> String {
        if let special = outOfRange(value) { return special }
        // Round to cents first, so 1.999 reads "2", not "1".
        let cents = Int64((abs(value) * 100).rounded())
        if cents == 0 { return "0" }
        let (whole, fractionCents) = cents.quotientAndRemainder(dividingBy: 100)
        var fraction = ""
        if fractionCents > 0 {
            fraction = "." + (fractionCents < 10 ? "0\(fractionCents)" : "\(fractionCents)")
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        var digits = Array(String(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(String(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",") + fraction
    }

    /// A figure with its unit: "$120,000" for USD, "12 weeks", "25%". Other units are printed
    /// as the taxonomy spells them ("800 kW").
    public static func withUnit(_ value: Double, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return grouped(value) }
        let sign = value < 0 ? "-" : ""
        switch unit.lowercased() {
        case "usd": return sign + "$" + grouped(abs(value))
        case "eur": return sign + "€" + grouped(abs(value))
        case "gbp": return sign + "£" + grouped(abs(value))
        case "percent", "%": return grouped(value) + "%"
        default: return grouped(value) + " " + unit
        }
    }

    /// What a figure too large to print as digits reads as: NaN, ±∞, or a short scientific form
    /// ("1.8e+308"). Nil for a figure that prints normally.
    private static func outOfRange(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        guard abs(value) >= largestFigure * 10 else { return nil }
        return String(format: "%.3g", value)
    }
}
