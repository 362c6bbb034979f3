import NextSend

extension SQLStore {
    public func crmMapping() throws -> (yaml: String, source: String)? {
        try read { db in
            try db.rows("SELECT yaml, source FROM crmMapping WHERE id = 1", []).first.map { (try $0.string("yaml"), try $0.string("source")) }
        }
    }

    public func saveCRMMapping(_ yaml: String, source: String) throws {
        try write(changesData: false) { db in
            try db.execute(db.dialect.insertOrReplace("crmMapping", key: "id", ["id", "yaml", "source"], "1, ?, ?"), [yaml, source])
        }
    }
}
