// libFuzzer entry point for the billing batch input (`x12 generate`): BillingBatch.decode(from:) on arbitrary
// bytes, then, for what decodes, ClaimBuilder and ClaimEncoder, and the 837 read back. Built by Fuzz/run.sh batch.
//
// Properties checked:
// - every charge lands in exactly one bucket (the report's totals balance);
// - the 837 built encodes, decodes with ClaimDecoder, and encodes again to the same bytes.
import Foundation

private let options = ClaimBuilder.Options(controlNumber: 1, date: Date(timeIntervalSince1970: 1_796_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    let batch: BillingBatch
    do {
        batch = try BillingBatch.decode(from: input)
    } catch {
        _ = error.path
        return 0
    }
    for splitBy in ClaimBuilder.SplitBy.allCases {
        var chosen = options
        chosen.splitBy = splitBy
        chosen.maximumClaimsPerTransaction = splitBy == .payer ? 5000 : 2
        let output = ClaimBuilder(batch: batch).build(options: chosen)
        let totals = output.report.totals
        if !totals.balances {
            fatalError("charges lost: input \(totals.input), claimed \(totals.claimed), held \(totals.held), excluded \(totals.excluded), self-pay \(totals.selfPay)")
        }
        let encoded: [UInt8]
        do {
            encoded = try ClaimEncoder.encode(output.file)
        } catch {
            fatalError("the 837 built does not encode: \(error.description)")
        }
        guard !output.file.transactions.isEmpty else { continue }
        do {
            let decoded = try ClaimDecoder.decode(encoded)
            let again = try ClaimEncoder.encode(decoded)
            if again != encoded {
                fatalError("the 837 built does not read back the same:\n\(String(decoding: encoded, as: UTF8.self))\n---\n\(String(decoding: again, as: UTF8.self))")
            }
        } catch {
            fatalError("the 837 built does not read back: \(error.description)\n\(String(decoding: encoded, as: UTF8.self))")
        }
    }
    return 0
}
