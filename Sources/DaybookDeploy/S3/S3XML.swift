import DaybookSystem

/// Just enough XML for S3's responses: the text of simple elements, found by name, with the
/// five predefined entities and numeric references decoded. S3 responses have no attributes
/// or CDATA in the parts read here.
enum S3XML {
    /// The text of every `<name>…</name>` in `xml`, in order.
    static func elements(_ name: String, in xml: Substring) -> [Substring] {
        let open = "<\(name)>"
        let close = "</\(name)>"
        var out: [Substring] = []
        var rest = xml[...]
        while let start = rest.firstRange(of: open) {
            guard let end = rest[start.upperBound...].firstRange(of: close) else { break }
            out.append(rest[start.upperBound..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// The decoded text of the first `<name>…</name>` in `xml`.
    static func text(_ name: String, in xml: Substring) -> String? {
        elements(name, in: xml).first.map(unescape)
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += rest[amp...semicolon]
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    /// Text for an element of a request body (an object key, an ETag).
    static func escape(_ text: String) -> String {
        Escaping.xmlText(text)
    }
}

/// One page of a ListObjectsV2 response.
struct S3ListPage: Sendable {
    struct Object: Sendable, Hashable {
        var key: String
        var etag: String
        var size: Int
    }

    var objects: [Object]
    var nextContinuationToken: String?

    init(xml: String) throws(DeployError) {
        let body = xml[...]
        objects = []
        for contents in S3XML.elements("Contents", in: body) {
            guard let key = S3XML.text("Key", in: contents), let etag = S3XML.text("ETag", in: contents),
                  let size = S3XML.text("Size", in: contents).flatMap({ Int($0) }) else {
                throw DeployError("the bucket listing has an entry without Key, ETag or Size")
            }
            objects.append(Object(key: key, etag: S3ETag.unquoted(etag), size: size))
        }
        let truncated = S3XML.text("IsTruncated", in: body) == "true"
        nextContinuationToken = truncated ? S3XML.text("NextContinuationToken", in: body) : nil
        if truncated && nextContinuationToken == nil {
            throw DeployError("the bucket listing is truncated but has no NextContinuationToken")
        }
    }
}

enum S3ETag {
    /// `"abc"` → `abc` (also `W/"abc"`).
    static func unquoted(_ etag: String) -> String {
        var value = etag[...]
        if value.hasPrefix("W/") { value = value.dropFirst(2) }
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
        return String(value)
    }
}
