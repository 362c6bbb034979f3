import NextSend

/// A CRM's export folder, read into buying groups: ``SalesforceExport`` and ``HubSpotExport``
/// take the same inputs and give the same kind of answer, so a caller picks one by name.
public protocol CRMExport {
    /// - Parameters:
    ///   - assets: the catalog, to find assets named in activities.
    ///   - today: activities after this day are plans, not facts.
    ///   - includeClosed: closed deals become groups too.
    init(directory: String, mapping: CRMMapping, assets: [Asset], today: Day, includeClosed: Bool)

    func read() throws -> CRMImport
}

extension SalesforceExport: CRMExport {}
extension HubSpotExport: CRMExport {}
