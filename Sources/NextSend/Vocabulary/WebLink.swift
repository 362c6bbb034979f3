/// An asset's url as every surface may show it: only `http` and `https` links, with characters
/// that could end a Markdown link or an HTML attribute percent-encoded. A `javascript:` or `data:`
/// url in an asset file is never a link anywhere; its title is then shown as plain text.
public enum WebLink {
    /// The link to show for `url`, or `nil` when it is not a web link.
    public static func safe(_ url: String?) -> String? {
        guard let url, let scheme = url.split(separator: ":").first?.lowercased(), ["http", "https"].contains(scheme) else { return nil }
        return url.unicodeScalars.map { scalar -> String in
            switch scalar {
            case " ": return "%20"
            case "(": return "%28"
            case ")": return "%29"
            case "<": return "%3C"
            case ">": return "%3E"
            case "\"": return "%22"
            case "'": return "%27"
            default: return scalar.properties.generalCategory == .control ? "" : String(scalar)
            }
        }.joined()
    }
}
