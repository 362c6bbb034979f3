import Foundation
import NextSend

/// Helpers for moving NextSend's reports into the types generated from openapi.yaml (see
/// `Reports+Wire.swift`).
enum Wire {
    /// One of the contract's enumerations from the report's text; a value the contract lacks is
    /// a defect, answered as a server error rather than sent off-contract.
    static func value<T: RawRepresentable>(_ raw: T.RawValue, as type: T.Type = T.self) throws -> T {
        guard let value = T(rawValue: raw) else { throw WireMismatch(value: "\(raw)", type: "\(T.self)") }
        return value
    }

    struct WireMismatch: Error, CustomStringConvertible {
        var value: String
        var type: String
        var description: String { "'\(value)' is not a value of \(type) in openapi.yaml" }
    }

    /// A figure from a JSON body as the CLI's `--value` would spell it: `120000`, not `120000.0`.
    static func figure(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
