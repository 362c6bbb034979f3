import Foundation
import Synchronization

/// What a command reads from and writes to outside its arguments: standard output and error, standard
/// input, the environment, and whether a person is watching the terminal.
///
/// The binary runs with the process's own (`CommandIO.process`). A caller running a command in process —
/// the tests, a tool embedding `nextsend` — binds another with `CommandIO.$current.withValue(_:operation:)`,
/// so commands running side by side never share an output or an environment.
public struct CommandIO: Sendable {
    public var environment: [String: String]
    public var standardOutput: @Sendable (Data) -> Void
    public var standardError: @Sendable (Data) -> Void
    public var standardInput: @Sendable () -> Data
    /// Whether stdout and stderr are a terminal (colour, progress bars).
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool

    public init(environment: [String: String], standardOutput: @escaping @Sendable (Data) -> Void,
                standardError: @escaping @Sendable (Data) -> Void, standardInput: @escaping @Sendable () -> Data = { Data() },
                stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false) {
        self.environment = environment
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardInput = standardInput
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The process's streams and environment, as the binary has them.
    public static var process: CommandIO {
        CommandIO(environment: ProcessInfo.processInfo.environment,
                  standardOutput: { FileHandle.standardOutput.write($0) },
                  standardError: { FileHandle.standardError.write($0) },
                  standardInput: { FileHandle.standardInput.readDataToEndOfFile() },
                  stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, stderrIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    @TaskLocal public static var current: CommandIO = .process

    /// A non-empty environment variable, else `nil`.
    func variable(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Output a command wrote, kept in memory: what `CommandIO.capturing` hands a caller back.
public final class CapturedOutput: Sendable {
    private let buffers = Mutex<(out: Data, err: Data)>((Data(), Data()))

    public init() {}

    public var standardOutput: String { buffers.withLock { String(decoding: $0.out, as: UTF8.self) } }
    public var standardError: String { buffers.withLock { String(decoding: $0.err, as: UTF8.self) } }

    func appendOutput(_ data: Data) { buffers.withLock { $0.out.append(data) } }
    func appendError(_ data: Data) { buffers.withLock { $0.err.append(data) } }
}

extension CommandIO {
    /// Streams kept in `output`, the given environment and standard input, no terminal.
    public static func capturing(into output: CapturedOutput, environment: [String: String], input: Data = Data()) -> CommandIO {
        CommandIO(environment: environment, standardOutput: { output.appendOutput($0) }, standardError: { output.appendError($0) },
                  standardInput: { input })
    }
}

/// A command's stderr as a stream, for the log handler.
struct CommandErrorStream: TextOutputStream, Sendable {
    let io: CommandIO

    mutating func write(_ string: String) { io.standardError(Data(string.utf8)) }
}
