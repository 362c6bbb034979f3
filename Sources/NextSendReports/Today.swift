import Foundation
import NextSend

extension Day {
    /// Today in UTC: the one reading of the clock in NextSend, made by the CLI and the service
    /// when no `--as-of` / `asOf` is given. The library and the store only ever receive days.
    public static func today() -> Day {
        Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
