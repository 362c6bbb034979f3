import NextSendStore
import PostgresNIO

/// PostgreSQL's errors as the store's: what the user can do about each, never the password.
enum PostgresErrors {
    static func translate(_ error: any Error, location: String) -> any Error {
        if error is StoreError { return error }
        guard let error = error as? PSQLError else {
            return StoreError(.unreachable, "cannot reach the PostgreSQL server of \(location): \(error)")
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "an error"
            switch state {
            case "40001", "40P01", "55P03":
                return StoreError(.busy, "\(location) is busy: another nextsend is writing the same rows; try again in a moment")
            case "23505":
                return StoreError(.duplicate, "\(location): \(message)")
            case "28P01", "28000":
                return StoreError(.unreachable, "\(location) refused the connection: \(message)")
            case "3D000":
                return StoreError(.unreachable, "\(location): \(message); create it first (createdb)")
            case "53300":
                return StoreError(.busy, "\(location) has no connection to spare (\(message)); try again in a moment")
            case let state where state.hasPrefix("08") || state.hasPrefix("57P"):
                return StoreError(.unreachable, "lost the connection to \(location): \(message)")
            default:
                return StoreError(.other, "\(location): PostgreSQL said: \(message) (SQLSTATE \(state))")
            }
        }
        let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return StoreError(.unreachable, "cannot reach the PostgreSQL server of \(location): \(reason)")
    }
}
