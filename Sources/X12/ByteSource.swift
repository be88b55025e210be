#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a ``SegmentReader`` gets its bytes from: a file descriptor read in chunks, or bytes in memory.
public enum ByteSource: Sendable {
    /// Reads a file descriptor (a file, a pipe, stdin) until end of file. The descriptor is not closed.
    case fileDescriptor(Int32)
    /// Bytes already in memory.
    case bytes([UInt8])

    /// A new buffer holding `kept` followed by up to `count` freshly read bytes (never zero-filled first).
    ///
    /// - Returns: the buffer and the number of bytes read (0 at end of input).
    func read(after kept: ArraySlice<UInt8>, count: Int) throws(X12Error) -> (buffer: [UInt8], read: Int) {
        switch self {
        case .bytes:
            return (Array(kept), 0)
        case .fileDescriptor(let fd):
            var result = 0
            var failure: Int32 = 0
            let buffer = [UInt8](unsafeUninitializedCapacity: kept.count + count) { storage, initialized in
                guard let base = storage.baseAddress else { return }
                kept.withUnsafeBufferPointer { old in
                    if let source = old.baseAddress { base.initialize(from: source, count: old.count) }
                }
                while true {
                    result = Glibc_read(fd, base + kept.count, count)
                    if result < 0 && errno == EINTR { continue }
                    break
                }
                if result < 0 { failure = errno }
                initialized = kept.count + max(result, 0)
            }
            if result < 0 {
                let reason = String(cString: strerror(failure))
                throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "read failed: \(reason)")
            }
            return (buffer, result)
        }
    }
}

@inline(__always)
private func Glibc_read(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, pointer, count)
    #else
    return Darwin.read(fd, pointer, count)
    #endif
}
