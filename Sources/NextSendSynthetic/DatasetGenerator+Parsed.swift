import NextSend

extension DatasetGenerator {
    /// The generated catalog and groups, parsed in memory as an import would read them (assets
    /// that fail to parse and groups that name unknown assets are left out, as an import reports
    /// them): for tests and measurements that need the data, not the files.
    public func parsed() -> (assets: [Asset], groups: [BuyingGroup]) {
        var assets: [Asset] = []
        generateAssets { id, text in
            if let asset = AssetParser.parse(text, id: id, file: "\(id).md", taxonomy: taxonomy, asOf: asOf).asset { assets.append(asset) }
        }
        var lines: [String] = []
        generateGroups { lines.append($0) }
        let groups = GroupParser.parseJSONLines(lines.joined(separator: "\n"), file: "groups.jsonl", taxonomy: taxonomy,
                                                knownAssets: Set(assets.map(\.id))).groups
        return (assets, groups)
    }
}
