/// Hex for digests and percent-encoding, without Foundation (lower-case for digests).
public enum Hex {
    public static let lowerDigits: [UInt8] = Array("0123456789abcdef".utf8)
    public static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(lowerDigits[Int(byte >> 4)])
            out.append(lowerDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
