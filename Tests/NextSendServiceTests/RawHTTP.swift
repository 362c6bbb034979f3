import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends bytes exactly as written to a server on loopback and reads the answer, for requests no
/// HTTP client would send as they are: a foreign `Host`, a chunked body, a raw method.
enum RawHTTP {
    struct Answer {
        var status: Int
        var head: String
        var body: String

        func header(_ name: String) -> String? {
            for line in head.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() { return parts[1].trimmingCharacters(in: .whitespaces) }
            }
            return nil
        }
    }

    /// `request` is the whole request; `Connection: close` is added so the answer ends with the connection.
    ///
    /// The socket blocks, so it runs on a thread of its own: on the cooperative pool it would hold
    /// one of the (on two cores, two) threads the server under test needs to answer.
    static func send(_ request: String, port: Int) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try sendBlocking(request, port: port) }) }
        }
    }

    private static func sendBlocking(_ request: String, port: Int) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        // Generous: the full run drives a browser, PostgreSQL and the load tests on two cores at once,
        // and a first answer that builds the catalog index can take seconds then.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var text = request
        if let end = text.range(of: "\r\n\r\n"), !text[..<end.lowerBound].lowercased().contains("connection:") {
            text.insert(contentsOf: "\r\nConnection: close", at: end.lowerBound)
        }
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }  // the server may answer and close before reading everything
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let answer = String(decoding: received, as: UTF8.self)
        let parts = answer.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Answer(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
