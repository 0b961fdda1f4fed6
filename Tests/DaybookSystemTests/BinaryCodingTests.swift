import DaybookSystem
import Testing

@Suite struct BinaryCodingTests {
    @Test func valuesComeBackAsWritten() throws {
        var writer = BinaryWriter()
        let ints = [0, 1, -1, 63, -64, 64, Int.max, Int.min, 1_796_600_623_715_350_642]
        for value in ints { writer.write(value) }
        writer.write(UInt64.max)
        writer.write("")
        writer.write("Götz 😀")
        writer.write(["a", "", "c"])
        writer.write(nil as String?)
        writer.write(5 as Int?)
        writer.write(true)
        writer.writeFixed(0x0102_0304_0506_0708)
        var reader = BinaryReader(writer.bytes)
        for value in ints { #expect(try reader.readInt() == value) }
        #expect(try reader.readUInt64() == UInt64.max)
        #expect(try reader.readString() == "")
        #expect(try reader.readString() == "Götz 😀")
        #expect(try reader.readStrings() == ["a", "", "c"])
        #expect(try reader.readOptionalString() == nil)
        #expect(try reader.readOptionalInt() == 5)
        #expect(try reader.readBool())
        #expect(try reader.readFixed() == 0x0102_0304_0506_0708)
        #expect(reader.isAtEnd)
    }

    @Test func truncatedOrImpossibleInputIsAnErrorNotATrap() {
        var writer = BinaryWriter()
        writer.write("a string of some length")
        let bytes = writer.bytes
        for cut in 0..<bytes.count {
            var reader = BinaryReader(Array(bytes[..<cut]))
            #expect(throws: BinaryReader.Malformed.self) { try reader.readString() }
        }
        // A length far beyond what is left, an endless varint, a bool that is not 0 or 1.
        var huge = BinaryReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x41])
        #expect(throws: BinaryReader.Malformed.self) { try huge.readString() }
        var endless = BinaryReader([UInt8](repeating: 0x80, count: 12))
        #expect(throws: BinaryReader.Malformed.self) { try endless.readUInt64() }
        var notBool = BinaryReader([2])
        #expect(throws: BinaryReader.Malformed.self) { try notBool.readBool() }
    }
}
