// libFuzzer entry point for the X12 reader: tokenizer, envelope tracker, transaction-set reader and the
// round-trip property (whatever reads without error writes back byte for byte). Built by Fuzz/run.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = SegmentReader(bytes: bytes)
    var tracker = EnvelopeTracker()
    var written: [UInt8] = []
    var writer: SegmentWriter?
    do {
        while let segment = try reader.next() {
            _ = tracker.consume(segment)
            _ = segment.elements.map { $0.components }
            if writer?.delimiters != segment.delimiters { writer = SegmentWriter(delimiters: segment.delimiters) }
            if var current = writer {
                try current.write(segment, keepLayout: true)
                written += current.takeBytes()
                writer = current
            }
        }
        _ = tracker.finish()
        if written != bytes { fatalError("round trip changed the input") }
    } catch {
        _ = error.description
    }
    let envelopes = EnvelopeReader(SegmentReader(bytes: bytes))
    while let item = try? envelopes.next() {
        if case .transactionSet(let set) = item { _ = set.body.count }
    }
    return 0
}
