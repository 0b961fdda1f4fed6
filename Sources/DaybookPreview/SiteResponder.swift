import DaybookSite
import DaybookSystem
import Hummingbird

/// Answers every request of the preview: the live-reload event stream, then site files from
/// memory with Content-Type, ETag (and 304), HEAD, folder index pages and the site's 404 page.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: PreviewStore
    let reload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? "/"
        if target == LiveReload.eventsPath {
            return events()
        }
        let served = store.site
        let resolution = RequestPath(basePath: served.basePath).resolve(target) { served.has($0) }
        switch resolution {
        case .badRequest:
            return text(.badRequest, "Bad request\n", head: request.method == .head)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location, .contentLength: "0"])
        case .notFound:
            return notFound(served, head: request.method == .head)
        case .file(let path):
            guard let bytes = served.contents(of: path) else { return notFound(served, head: request.method == .head) }
            let tag = SiteResponder.etag(bytes)
            var headers: HTTPFields = [.contentType: DaybookSystem.MediaType.of(path), .eTag: tag, .cacheControl: "no-cache"]
            if SiteResponder.matches(request.headers[.ifNoneMatch], tag) {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentLength] = String(bytes.count)
            let body: ResponseBody = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// The site's `404.html` with status 404, or a plain text one when the site has none.
    private func notFound(_ served: PreviewSite, head: Bool) -> Response {
        guard let page = served.contents(of: "404.html") else { return text(.notFound, "Not found\n", head: head) }
        let headers: HTTPFields = [.contentType: DaybookSystem.MediaType.of("404.html"), .contentLength: String(page.count), .cacheControl: "no-cache"]
        return Response(status: .notFound, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String, head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .contentLength: String(message.utf8.count)]
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    private func events() -> Response {
        let stream = reload.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await message in stream {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
    }

    /// A strong validator from the bytes (64-bit FNV-1a and the length).
    static func etag(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "\"" + String(hash, radix: 16) + "-" + String(bytes.count, radix: 16) + "\""
    }

    /// Whether an `If-None-Match` value (`*`, or a list of tags, weak or strong) matches `tag`.
    static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        for part in header.split(separator: ",") {
            var candidate = part.trimmingWhitespace()
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate = candidate.dropFirst(2) }
            if candidate == tag { return true }
        }
        return false
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var out = self
        while out.first == " " || out.first == "\t" { out = out.dropFirst() }
        while out.last == " " || out.last == "\t" { out = out.dropLast() }
        return out
    }
}
