import AsyncHTTPClient
import Foundation
import NIOCore

/// Posts a message to a chat webhook (Slack's and Microsoft Teams' incoming webhooks both take
/// `{"text": "…"}`). A 429 is retried after its `Retry-After` (at most a minute, three times). The
/// URL holds the secret, so no message ever shows it.
///
/// Over AsyncHTTPClient rather than Foundation's URLSession: URLSession on Linux is libcurl, which
/// the static binary would have to load from the system (and the container image to install).
public struct Webhook: Sendable {
    public var url: URL
    public var attempts = 3

    public init(url: URL) { self.url = url }

    /// A webhook from `--notify-webhook`, or a configuration error that does not echo the URL.
    public init(_ text: String) throws {
        guard let url = URL(string: text), ["https", "http"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw MailError(.configuration, "--notify-webhook: expected an http(s) URL")
        }
        self.url = url
    }

    public func post(text: String) async throws {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["text": text], options: [.sortedKeys])))
        for attempt in 1...attempts {
            let status: Int
            let retryAfter: String?
            var body = ByteBuffer()
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                status = Int(response.status.code)
                retryAfter = response.headers.first(name: "Retry-After")
                // Only the start of the answer is shown; a long one is no reason to call the hook unreachable.
                for try await chunk in response.body {
                    if body.readableBytes < 200 { body.writeImmutableBuffer(chunk) }
                }
            } catch {
                throw MailError(.temporary, "the webhook could not be reached (\(type(of: error)))")
            }
            if (200..<300).contains(status) { return }
            if status == 429, attempt < attempts {
                let wait = retryAfter.flatMap(Double.init) ?? 1
                try await Task.sleep(nanoseconds: UInt64(min(60, max(0, wait)) * 1_000_000_000))
                continue
            }
            let text = String(decoding: body.readableBytesView.prefix(200), as: UTF8.self)
            throw MailError(status == 429 || status >= 500 ? .temporary : .unavailable, "the webhook answered \(status): \(text)")
        }
    }
}
