import Foundation

/// The JSON that NextSend prints and writes for other tools: pretty, keys sorted, slashes as is.
///
/// One encoder configuration for every output, so the same data always gives the same bytes.
public enum JSONOutput {
    /// - Parameter omitBody: leave asset bodies out (listings of many assets).
    public static func encode<T: Encodable>(_ value: T, omitBody: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if omitBody { encoder.userInfo[Asset.omitBodyKey] = true }
        return try encoder.encode(value)
    }
}
