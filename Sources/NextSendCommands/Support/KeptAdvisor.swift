import NextSend
import Synchronization

/// Holds the last advisor a command made until the next command makes one.
///
/// An advisor owns the catalog index (at 10,000 assets, tens of thousands of strings and arrays).
/// Released when its command returns, it is freed object by object just before the process exits
/// anyway; held here, the process exits without that work. Commands run in process (the tests)
/// replace it, so no more than one is ever held.
enum KeptAdvisor {
    private static let last = Mutex<Advisor?>(nil)

    static func keep(_ advisor: Advisor) -> Advisor {
        let previous = last.withLock { held in
            defer { held = advisor }
            return held
        }
        // The one it replaces is freed here, outside the lock.
        _ = previous
        return advisor
    }
}
