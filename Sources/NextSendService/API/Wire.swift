import Foundation
import NextSend

/// Moves NextSend's reports into the types generated from openapi.yaml.
///
/// The reports are the one definition of each JSON shape (the CLI prints them); encoding one and
/// decoding it as the generated type checks, on every response, that the contract describes what
/// the CLI prints — a field the spec lacks fails the router tests' comparison with the CLI.
enum Wire {
    static func convert<T: Decodable>(_ value: some Encodable, omitBody: Bool = false, as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: try JSONOutput.encode(value, omitBody: omitBody))
    }

    /// A figure from a JSON body as the CLI's `--value` would spell it: `120000`, not `120000.0`.
    static func figure(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
