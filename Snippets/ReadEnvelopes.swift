// Walks any X12 file's envelopes as events: interchanges, groups and transaction sets, in bounded memory.
import X12

// snippet.hide
let path = CommandLine.arguments.dropFirst().first ?? "Fixtures/core/pt-claims.837"
do {
// snippet.show
let reader = EnvelopeReader(try SegmentReader(path: path))
var segments = 0
while let event = try reader.nextEvent() {
    switch event {
    case .groupStart(let group):
        print("group \(group.controlNumber) (\(group.functionalId))")
    case .transactionSetStart(let start):
        print("  \(start.header.id) \(start.header.controlNumber)")
    case .segment:
        segments += 1
    case .problem(let error):
        print("  \(error)")
    default:
        break
    }
}
print("\(segments) segments inside transaction sets")
// snippet.hide
} catch {
    print("\(path): \(error)")
}
