/// The mapping NextSend ships (`content/crm.yaml`): Salesforce's standard stages and contact
/// roles, HubSpot's default pipeline and buying roles. A first import with no `--mapping` and
/// nothing stored for that CRM uses it, and says so.
public enum ShippedMapping {
    public static let name = "content/crm.yaml (shipped with NextSend)"
    public static var yaml: String { String(decoding: PackageResources.crm_yaml, as: UTF8.self) }
}
