// Turns a billing batch (finalized visits) into an 837P and shows where every charge went.
import Foundation
import X12Claims

// snippet.hide
let path = CommandLine.arguments.dropFirst().first ?? "Fixtures/batches/example.json"
do {
// snippet.show
let batch = try BillingBatch.decode(from: try Data(contentsOf: URL(fileURLWithPath: path)))
let output = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 1, date: Date()))
let bytes = try ClaimEncoder.encode(output.file)
print("\(output.report.claims.count) claims, \(bytes.count) bytes of 837P")
print("balanced: \(output.report.totals.balances)")
// snippet.hide
} catch {
    print("\(path): \(error)")
}
