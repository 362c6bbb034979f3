import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts a message to a chat webhook (Slack's and Microsoft Teams' incoming webhooks both take
/// `{"text": "…"}`). A 429 is retried after its `Retry-After` (at most a minute, three times). The
/// URL holds the secret, so no message ever shows it.
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
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["text": text], options: [.sortedKeys])
        for attempt in 1...attempts {
            let (data, response): (Data, URLResponse)
            do {
                (data, response) = try await URLSession.shared.data(for: request)
            } catch {
                throw MailError(.temporary, "the webhook could not be reached (\(type(of: error)))")
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if (200..<300).contains(status) { return }
            if status == 429, attempt < attempts {
                let wait = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init) ?? 1
                try await Task.sleep(nanoseconds: UInt64(min(60, max(0, wait)) * 1_000_000_000))
                continue
            }
            let body = String(decoding: data.prefix(200), as: UTF8.self)
            throw MailError(status == 429 || status >= 500 ? .temporary : .unavailable, "the webhook answered \(status): \(body)")
        }
    }
}
