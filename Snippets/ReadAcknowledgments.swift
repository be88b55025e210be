// Reads a 999 and a 277CA and ties every answer to the claims of the 837 that was sent.
import X12
import X12Acknowledgments
import X12Matching

// snippet.hide
let arguments = Array(CommandLine.arguments.dropFirst())
let submitted = arguments.first ?? "Fixtures/acks/submitted.837"
let answers = arguments.count > 1 ? Array(arguments.dropFirst()) : ["Fixtures/acks/reject-st.999", "Fixtures/acks/accept-reject.277"]
do {
// snippet.show
let index = try SubmittedClaimIndex(path: submitted)
var decoder = AckDecoder(matching: AcknowledgmentMatcher(index: index))
for file in answers {
    decoder.read(try SegmentReader(path: file), file: file)
}
for claim in decoder.report().claims {
    print(claim.patientControlNumber, claim.status, claim.reasons.map(\.code))
}
// snippet.hide
} catch {
    print(error)
}
