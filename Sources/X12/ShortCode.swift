/// A short byte string (a segment id such as `NM1`, a code such as `XX`) packed with its length into one
/// integer, so decoders and the validator compare numbers instead of building and comparing strings.
///
/// Up to 7 bytes fit; anything longer (or empty) becomes ``none``, which no guide entry uses.
public struct ShortCode: Hashable, Sendable {
    /// The length in the top byte, the bytes below it.
    public let raw: UInt64

    /// The code of an empty or over-long value; never equal to a packed value. (Computed rather than stored:
    /// a stored global would cost other modules an initialization check at every use.)
    @inlinable
    public static var none: ShortCode { ShortCode(raw: 0) }

    @usableFromInline
    init(raw: UInt64) {
        self.raw = raw
    }

    /// Packs `bytes`, or gives ``none`` when they are empty or longer than 7 bytes.
    @inlinable
    public init(_ bytes: some Collection<UInt8>) {
        let count = bytes.count
        guard count >= 1 && count <= 7 else {
            self = .none
            return
        }
        var value = UInt64(count) << 56
        var shift: UInt64 = 0
        for byte in bytes {
            value |= UInt64(byte) << shift
            shift += 8
        }
        raw = value
    }

    /// One bit of 64 chosen by the code, for quick "surely not in this set" tests (see ``mask(_:)``).
    @inlinable
    public var bit: UInt64 { 1 << ((raw &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// The union of the codes' bits: a code whose bit is not in it is not among them.
    public static func mask(_ codes: [ShortCode]) -> UInt64 {
        codes.reduce(0) { $0 | $1.bit }
    }

    /// Equal when the packed bytes and length are (written out so that other modules can inline it).
    @inlinable
    public static func == (lhs: ShortCode, rhs: ShortCode) -> Bool { lhs.raw == rhs.raw }

    /// Hashes the packed value.
    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    /// Packs the UTF-8 bytes of `text`.
    public init(_ text: String) {
        self.init(text.utf8)
    }
}
