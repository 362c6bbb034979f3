import Foundation
import Testing

extension Tag {
    /// Suites that take a real browser, schemathesis, killed processes or many requests: run by
    /// `Scripts/test --full` (and CI), left out of a plain `swift test` so it stays quick.
    @Tag public static var slow: Self
}

/// Whether this run includes the slow suites (`Scripts/test --full` sets NEXTSEND_FULL_TESTS=1).
public enum SlowTests {
    public static var enabled: Bool { ProcessInfo.processInfo.environment["NEXTSEND_FULL_TESTS"] == "1" }
}
