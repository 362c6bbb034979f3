import NextSend

extension SQLStore {
    /// The mapping the last import from `crm` (`salesforce`, `hubspot`) used, and where it came from.
    public func crmMapping(for crm: String) throws -> (yaml: String, source: String)? {
        try read { db in
            try db.rows("SELECT yaml, source FROM crmMappingFor WHERE crm = ?", [crm]).first.map { (try $0.string("yaml"), try $0.string("source")) }
        }
    }

    public func saveCRMMapping(_ yaml: String, source: String, for crm: String) throws {
        _ = try write(changesData: false) { db in
            try db.execute(db.dialect.insertOrReplace("crmMappingFor", key: "crm", ["crm", "yaml", "source"], "?, ?, ?"), [crm, yaml, source])
        }
    }
}
