import NextSend

/// Finds the asset an activity is about: its url, or its id as a whole word, in the text.
struct AssetMentions {
    private let byURL: [(url: String, id: String)]
    private let ids: Set<String>

    init(_ assets: [Asset]) {
        // Longest urls first, so a url that extends another is not taken for it.
        byURL = assets.compactMap { asset in asset.url.map { ($0.lowercased(), asset.id) } }.sorted { ($0.url.count, $0.id) > ($1.url.count, $1.id) }
        ids = Set(assets.map(\.id))
    }

    func asset(in text: String) -> String? {
        let lowered = text.lowercased()
        if let hit = byURL.first(where: { lowered.contains($0.url) }) { return hit.id }
        // Ids are kebab-case: split on anything else and look each word up.
        let words = lowered.split { !($0.isLetter || $0.isNumber || $0 == "-") }
        return words.map(String.init).first(where: ids.contains)
    }
}
