// libFuzzer entry point for the 837P readers: ClaimDecoder (837P back into the claim model), ClaimEncoder over
// what decodes, and SubmittedClaimIndex (the 837 index behind remit/ack --claims). Built by Fuzz/run.sh claim.
//
// Properties checked:
// - what decodes and encodes decodes again, and encodes to the same bytes (one round trip is a fixed point);
// - no claim lost: the index holds as many claims as the decoder returns, with or without segment text.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClaims(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    let index = try? SubmittedClaimIndex(reader: SegmentReader(bytes: bytes))
    let lean = try? SubmittedClaimIndex(reader: SegmentReader(bytes: bytes), keepingSegmentText: false)
    if (index == nil) != (lean == nil) { fatalError("keepingSegmentText changes whether the index reads") }
    if let index, let lean {
        if index.claims.count != lean.claims.count { fatalError("keepingSegmentText changes the claims") }
        for claim in index.claims.prefix(4) {
            _ = index.claims(patientControlNumber: claim.patientControlNumber)
        }
    }

    let file: ClaimFile
    do {
        file = try ClaimDecoder.decode(bytes)
    } catch {
        _ = error.description
        return 0
    }
    let claims = file.transactions.reduce(0) { $0 + $1.claims.count }
    if let index, index.claims.count != claims {
        fatalError("the decoder returns \(claims) claims, the index \(index.claims.count)")
    }
    guard let encoded = try? ClaimEncoder.encode(file) else { return 0 }
    let again: ClaimFile
    do {
        again = try ClaimDecoder.decode(encoded)
    } catch {
        fatalError("the encoder's output does not decode: \(error.description)\n\(String(decoding: encoded, as: UTF8.self))")
    }
    guard let reencoded = try? ClaimEncoder.encode(again) else { fatalError("a decoded encoder output does not encode") }
    if reencoded != encoded {
        fatalError("round trip is not a fixed point:\n\(String(decoding: encoded, as: UTF8.self))\n---\n\(String(decoding: reencoded, as: UTF8.self))")
    }
    return 0
}
