import Crypto
import DaybookHTTP
import DaybookSystem
import Foundation

extension S3Client {
    /// An object as a listing shows it.
    public struct ListedObject: Sendable, Hashable {
        public var key: String
        /// Without quotes.
        public var etag: String
        public var size: Int
    }

    /// Every object whose key starts with `prefix`, 1000 per request.
    ///
    /// The listing asks for the prefix without its final `/` and filters here: some
    /// S3-compatible servers (moto) verify the signature of a query value containing `/`
    /// against its decoded form and reject it. A prefix with an inner `/` still sends one.
    public func listObjects(prefix: String) async throws -> [ListedObject] {
        var objects: [ListedObject] = []
        var token: String?
        let asked = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", asked)]
            if let token { query.append(("continuation-token", token)) }
            let response = try await send("GET", key: nil, query: query)
            let page = try S3ListPage(xml: String(decoding: response.body, as: UTF8.self))
            for object in page.objects where object.key.hasPrefix(prefix) {
                objects.append(ListedObject(key: object.key, etag: object.etag, size: object.size))
            }
            token = page.nextContinuationToken
        } while token != nil
        return objects
    }

    /// The object's bytes, or nil when there is none.
    public func getObject(key: String) async throws -> [UInt8]? {
        let response = try await send("GET", key: key, allowing: [404])
        return response.status == 404 ? nil : response.body
    }

    /// The object's response headers (lower-cased names), or nil when there is none.
    public func headObject(key: String) async throws -> [String: String]? {
        let response = try await send("HEAD", key: key, allowing: [404])
        guard response.status != 404 else { return nil }
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = value }
        return headers
    }

    /// Stores `body` under `key` in one request; returns the ETag (unquoted).
    @discardableResult
    public func putObject(key: String, body: [UInt8], headers: ObjectHeaders) async throws -> String {
        let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
        let response = try await send("PUT", key: key, headers: Self.headerFields(headers) + [("content-md5", md5)], body: body)
        return S3ETag.unquoted(response.header("etag") ?? Hex.encode(Insecure.MD5.hash(data: body)))
    }

    /// Stores the file at `path` in parts of `partSize`; an unfinished upload is aborted.
    /// Returns the ETag (unquoted).
    public func putObjectInParts(key: String, path: String, partSize: Int, headers: ObjectHeaders) async throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DeployError("\(path): cannot read the file") }
        defer { try? handle.close() }
        let created = try await send("POST", key: key, query: [("uploads", "")], headers: Self.headerFields(headers))
        guard let uploadID = S3XML.text("UploadId", in: String(decoding: created.body, as: UTF8.self)[...]) else {
            throw DeployError("\(location): POST '\(key)'?uploads: the answer has no UploadId")
        }
        do {
            var parts: [(number: Int, etag: String)] = []
            while let data = try handle.read(upToCount: partSize), !data.isEmpty {
                let number = parts.count + 1
                let response = try await send("PUT", key: key, query: [("partNumber", "\(number)"), ("uploadId", uploadID)],
                                              body: Array(data))
                parts.append((number, response.header("etag") ?? ""))
            }
            var xml = "<CompleteMultipartUpload>"
            for part in parts {
                xml += "<Part><PartNumber>\(part.number)</PartNumber><ETag>\(S3XML.escape(part.etag))</ETag></Part>"
            }
            xml += "</CompleteMultipartUpload>"
            let completed = try await send("POST", key: key, query: [("uploadId", uploadID)],
                                           headers: [("content-type", "application/xml")], body: Array(xml.utf8))
            let answer = String(decoding: completed.body, as: UTF8.self)
            // S3 may answer 200 and still report an error in the body.
            if let code = S3XML.text("Code", in: answer[...]), answer.contains("<Error>") {
                throw DeployError("\(location): completing the upload of '\(key)' failed: \(code)")
            }
            return S3ETag.unquoted(S3XML.text("ETag", in: answer[...]) ?? "")
        } catch {
            _ = try? await send("DELETE", key: key, query: [("uploadId", uploadID)], allowing: [404])
            throw error
        }
    }

    /// Deletes objects, 1000 per request; fails if the server reports any key it could not delete.
    public func deleteObjects(keys: [String]) async throws {
        for start in stride(from: 0, to: keys.count, by: 1000) {
            let batch = keys[start..<min(start + 1000, keys.count)]
            var xml = "<Delete><Quiet>true</Quiet>"
            for key in batch { xml += "<Object><Key>\(S3XML.escape(key))</Key></Object>" }
            xml += "</Delete>"
            let body = Array(xml.utf8)
            let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
            let response = try await send("POST", key: nil, query: [("delete", "")],
                                          headers: [("content-type", "application/xml"), ("content-md5", md5)], body: body)
            let answer = String(decoding: response.body, as: UTF8.self)
            if let error = S3XML.elements("Error", in: answer[...]).first {
                let key = S3XML.text("Key", in: error) ?? "?"
                let code = S3XML.text("Code", in: error) ?? "?"
                throw DeployError("\(location): could not delete '\(key)': \(code)")
            }
        }
    }

    /// Creates the bucket (in the client's region).
    public func createBucket() async throws {
        var body: [UInt8] = []
        if location.region != "us-east-1" {
            body = Array(("<CreateBucketConfiguration><LocationConstraint>\(location.region)"
                + "</LocationConstraint></CreateBucketConfiguration>").utf8)
        }
        try await send("PUT", key: nil, body: body)
    }

    /// Deletes every object in the bucket, then the bucket.
    public func deleteBucket() async throws {
        let keys = try await listObjects(prefix: "").map(\.key)
        if !keys.isEmpty { try await deleteObjects(keys: keys) }
        try await send("DELETE", key: nil)
    }

    static func headerFields(_ headers: ObjectHeaders) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [("content-type", headers.contentType)]
        if let cacheControl = headers.cacheControl { fields.append(("cache-control", cacheControl)) }
        return fields
    }
}
