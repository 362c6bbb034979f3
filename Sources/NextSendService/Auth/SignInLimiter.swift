import Foundation
import Synchronization

/// Counts failed sign-ins per client and refuses more than a few a minute, so a token cannot be
/// guessed by trying many from one machine.
final class SignInLimiter: Sendable {
    /// Failed attempts a client may make within ``window`` before it must wait.
    let attempts: Int
    let window: TimeInterval

    private let failures = Mutex<[String: [Date]]>([:])

    init(attempts: Int = 10, window: TimeInterval = 60) {
        self.attempts = attempts
        self.window = window
    }

    /// Seconds the client must wait before trying again, or `nil` when it may try now.
    func wait(for client: String, now: Date = Date()) -> Int? {
        failures.withLock { all in
            let recent = (all[client] ?? []).filter { now.timeIntervalSince($0) < window }
            all[client] = recent.isEmpty ? nil : recent
            guard recent.count >= attempts, let oldest = recent.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }

    func recordFailure(for client: String, now: Date = Date()) {
        failures.withLock { all in
            // Forget clients whose failures are all old, so the table stays as small as the attack.
            if all.count > 10_000 { all = all.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            all[client, default: []].append(now)
        }
    }
}
