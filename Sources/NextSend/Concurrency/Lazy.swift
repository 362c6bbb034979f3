import Foundation

/// A value built once on first use and shared by its copies (an advisor's index and evidence,
/// a store's kept catalog).
package final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Value?
    private let load: @Sendable () throws -> Value

    package init(_ value: Value) {
        loaded = value
        load = { value }
    }

    package init(_ load: @escaping @Sendable () throws -> Value) { self.load = load }

    package func value() throws -> Value {
        try lock.withLock {
            if let loaded { return loaded }
            let value = try load()
            loaded = value
            return value
        }
    }
}
