/// Hex for digests and percent-encoding, without Foundation (lower-case for digests).
package enum Hex {
    package static let lowerDigits: [UInt8] = Array("0123456789abcdef".utf8)
    package static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    package static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(lowerDigits[Int(byte >> 4)])
            out.append(lowerDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
