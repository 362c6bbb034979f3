import Foundation
import NextSend
import NextSendReports
import NextSendStore
import Testing

/// One kind per error, whoever raised it: the CLI and the service each map kinds, not error types.
@Suite struct FailureKindTests {
    @Test func everyNextSendErrorHasTheKindAPersonCanActOn() {
        let cases: [(any Error, FailureKind?)] = [
            (ValidationFailure([Diagnostic(.error, file: "a.md", line: 2, field: "jobs", message: "unknown")]), .badInput),
            (DeskError.badInput(field: "to", "no one called 'x'"), .badInput),
            (DeskError.notFound("no asset 'x'"), .notFound),
            (StoreError(.notFound, "no group"), .notFound),
            (StoreError(.busy, "locked"), .busy),
            (StoreError(.duplicate, "taken"), .conflict),
            (StoreError(.sourceOwned, "from a file"), .conflict),
            (StoreError(.refused, "say --allow-retire"), .conflict),
            (StoreError(.damaged, "not a database"), .unusable),
            (StoreError(.newerSchema, "newer"), .unusable),
            (StoreError(.cannotOpen, "read-only"), .cannotCreate),
            (StoreError(.unreachable, "connection refused"), .unavailable),
            (StoreError(.ioFailure, "disk full"), .ioError),
            (ContentError(.missingInput, "no such file"), .notFound),
            (ContentError(.cannotCreate, "no such folder"), .cannotCreate),
            (ContentError(.writeFailed, "disk full"), .ioError),
            (CocoaError(.fileReadUnknown), nil),
        ]
        for (error, kind) in cases {
            #expect(FailureKind.of(error) == kind, "\(error)")
        }
    }
}
