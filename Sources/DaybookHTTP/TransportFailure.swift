import AsyncHTTPClient
import Foundation

/// A transport error in words a user can act on: "timed out waiting for the response",
/// "connection refused", "the connection closed before the whole body arrived", …
public enum TransportFailure {
    public static func describe(_ error: any Error) -> String {
        if let client = error as? HTTPClientError {
            switch client {
            case .readTimeout: return "timed out: the server sent nothing for too long"
            case .deadlineExceeded: return "timed out waiting for the response"
            case .connectTimeout: return "timed out connecting"
            case .remoteConnectionClosed: return "the server closed the connection before the whole response arrived"
            case .bodyLengthMismatch: return "the body is shorter than its Content-Length (truncated)"
            case .invalidURL, .emptyHost, .emptyScheme: return "not a valid URL"
            case .getConnectionFromPoolTimeout: return "timed out waiting for a connection"
            default: break
            }
        }
        let text = String(describing: error)
        if String(describing: type(of: error)) == "NIOTooManyBytesError" { return "the response is too large" }
        let lower = text.lowercased()
        if lower.contains("stream ended at an unexpected time") || lower.contains("invalideofstate") {
            return "the connection closed before the whole response arrived (truncated)"
        }
        if lower.contains("connection refused") || lower.contains("econnrefused") { return "connection refused" }
        if lower.contains("name or service not known") || lower.contains("nodename nor servname")
            || lower.contains("dns") || lower.contains("resolve") {
            return "cannot resolve the host name (no network, or a wrong host)"
        }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate") { return "TLS failed: \(text)" }
        return text
    }
}
