/// An asset's url as every surface may show it: only `http` and `https` links, with characters
/// that could end a Markdown link or an HTML attribute percent-encoded. A `javascript:` or `data:`
/// url in an asset file is never a link anywhere; its title is then shown as plain text.
public enum WebLink {
    /// The link to show for `url`, or `nil` when it is not a web link: its scheme (what comes before
    /// the first colon) must be `http` or `https`.
    ///
    /// Most links change nothing and come back as they are; the digest asks for one per pick, and
    /// building a string per character was a third of writing a pick's row.
    public static func safe(_ url: String?) -> String? {
        guard let url, let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = url.utf8[..<colon].lazy.map { $0 | 0x20 }
        guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) else { return nil }
        guard url.unicodeScalars.contains(where: changed) else { return url }
        var link = String.UnicodeScalarView()
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": link.append(contentsOf: "%20".unicodeScalars)
            case "(": link.append(contentsOf: "%28".unicodeScalars)
            case ")": link.append(contentsOf: "%29".unicodeScalars)
            case "<": link.append(contentsOf: "%3C".unicodeScalars)
            case ">": link.append(contentsOf: "%3E".unicodeScalars)
            case "\"": link.append(contentsOf: "%22".unicodeScalars)
            case "'": link.append(contentsOf: "%27".unicodeScalars)
            case _ where scalar.properties.generalCategory == .control: continue
            default: link.append(scalar)
            }
        }
        return String(link)
    }

    /// Whether `safe` encodes or drops the scalar.
    private static func changed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "(", ")", "<", ">", "\"", "'": true
        default: scalar.properties.generalCategory == .control
        }
    }
}
