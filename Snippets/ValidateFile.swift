// Validates a file against the implementation guides bundled with X12Validation (no path needed).
import X12Validation

// snippet.hide
let path = CommandLine.arguments.dropFirst().first ?? "Fixtures/validation/claim-837p.x12"
do {
// snippet.show
let validator = try Validator()
let report = validator.validate(path: path)
for finding in report.findings {
    print("segment \(finding.fileSegmentIndex ?? 0) (\(finding.segmentId ?? "-")): \(finding.message)")
}
print("\(report.transactionSets.count) transaction sets, \(report.errorCount) errors")
// snippet.hide
} catch {
    print("no guides: \(error)")
}
