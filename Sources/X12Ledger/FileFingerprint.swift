import Crypto
import Foundation

/// The SHA-256 fingerprint of a file, as 64 lowercase hexadecimal digits: what makes ledger imports idempotent.
///
/// The digest is swift-crypto's `SHA256`. A file on disk is hashed chunk by chunk as it is read, so recognising a
/// file already imported never needs it whole in memory. The fingerprint only recognises files; it is not used
/// for security.
public enum FileFingerprint {
    /// The fingerprint of bytes already in memory.
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The fingerprint of the file at `path`, read `chunkSize` bytes at a time.
    ///
    /// - Throws: ``LedgerError`` when the file cannot be opened or read.
    public static func sha256(contentsOf path: String, chunkSize: Int = 1 << 20) throws(LedgerError) -> String {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw LedgerError("\(path): cannot read the file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: max(chunkSize, 1)), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw LedgerError("\(path): read failed: \(error.localizedDescription)")
        }
        return hex(hasher.finalize())
    }

    /// Two lowercase hexadecimal digits per byte.
    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.Digest.byteCount * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
