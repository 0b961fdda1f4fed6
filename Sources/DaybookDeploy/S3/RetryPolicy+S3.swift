import DaybookHTTP

extension RetryPolicy {
    /// Whether an S3 answer is worth another try: throttling and server errors, and the error
    /// codes S3-compatible services send for them (`SlowDown`, `RequestTimeout`, …).
    static func isRetryable(status: Int, code: String?) -> Bool {
        if isRetryable(status: status) { return true }
        switch status {
        case 400: return code == "RequestTimeout"
        default: return code == "SlowDown" || code == "Throttling" || code == "InternalError"
        }
    }
}
