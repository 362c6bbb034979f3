import Foundation

/// Where the PostgreSQL client's tasks run: Dispatch threads, apart from the cooperative pool that
/// callers of the synchronous store may be blocking.
final class PostgresExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = PostgresExecutor()
    private let queue = DispatchQueue(label: "nextsend.postgres", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
