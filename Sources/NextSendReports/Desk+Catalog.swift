import NextSend
import NextSendCRM
import NextSendStore

/// One asset's tag suggestions (`catalog suggest`).
public struct AssetSuggestions: Sendable, Hashable, Encodable {
    public var asset: String
    public var title: String
    public var suggestions: [TagSuggester.Suggestion]

    /// The `catalog tag` command that would apply every suggestion.
    public var command: String? {
        guard !suggestions.isEmpty else { return nil }
        let options = ["jobs": "--add-job", "roles": "--add-role", "topics": "--add-topic", "industries": "--add-industry"]
        return (["nextsend catalog tag", asset] + suggestions.map { "\(options[$0.field]!) \($0.value)" }).joined(separator: " ")
    }

    enum CodingKeys: String, CodingKey { case asset, title, suggestions, command }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asset, forKey: .asset)
        try container.encode(title, forKey: .title)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encodeIfPresent(command, forKey: .command)
    }
}

/// How an asset would fare in a group (`catalog preview`), with the people named.
public struct PreviewAnswer: Sendable, Hashable, Encodable {
    public var preview: AssetPreview
    /// Send-to as a rep reads it: "Dana Reyes (finance)".
    public var sendToNames: [String]
    public var account: String
}

extension Desk {
    /// `catalog suggest`: tags the assets' own words point to, from the taxonomy's phrases and the
    /// stored CRM mappings' title words for each role. `ids` empty: every asset not retired.
    public func tagSuggestions(ids: [String]) throws -> [AssetSuggestions] {
        let taxonomy = try store.taxonomy()
        var roleWords: [String: [String]] = [:]
        for crm in ["salesforce", "hubspot"] {
            guard let stored = try store.crmMapping(for: crm),
                  let mapping = try? CRMMappingParser.parse(stored.yaml, file: stored.source, taxonomy: taxonomy) else { continue }
            for rule in mapping.roles { roleWords[rule.role, default: []] += rule.titleWords }
        }
        let suggester = TagSuggester(taxonomy: taxonomy, roleWords: roleWords)
        let assets = ids.isEmpty ? try store.assets().filter { $0.status != .retired } : try ids.map { try asset(id: $0) }
        return assets.map { AssetSuggestions(asset: $0.id, title: $0.title, suggestions: suggester.suggestions(for: $0)) }
    }

    /// `catalog preview`: the reason and send-to the asset would get in the group, or why it would not be picked.
    public func preview(assetID: String, groupID: String, asOf: Day) throws -> PreviewAnswer {
        let asset = try asset(id: assetID)
        let group = try store.existingGroup(id: groupID)
        let advisor = try advisor(asOf: asOf)
        let preview = try advisor.preview(asset, for: group, asOf: asOf)
        var names = Vocabulary(advisor.taxonomy).names(in: group)
        return PreviewAnswer(preview: preview, sendToNames: preview.sendTo.map { names.mention($0) }, account: group.title)
    }
}
