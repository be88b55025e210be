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

    /// Reads up to `count` bytes appended to `buffer`; returns the number read, 0 at end of input.
    func read(into buffer: inout [UInt8], count: Int) throws(X12Error) -> Int {
        switch self {
        case .bytes:
            return 0
        case .fileDescriptor(let fd):
            let oldCount = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: count))
            var result = 0
            while true {
                result = buffer.withUnsafeMutableBytes { raw in
                    guard let base = raw.baseAddress else { return 0 }
                    return Glibc_read(fd, base + oldCount, count)
                }
                if result < 0 && errno == EINTR { continue }
                break
            }
            if result < 0 {
                buffer.removeLast(count)
                let reason = String(cString: strerror(errno))
                throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "read failed: \(reason)")
            }
            buffer.removeLast(count - result)
            return result
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
