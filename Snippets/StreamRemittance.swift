// Reads an 835 claim by claim and prints each payment, holding one claim in memory at a time.
import X12Remittance

// snippet.hide
let path = CommandLine.arguments.dropFirst().first ?? "Fixtures/remit/reversal-plb.835"
do {
// snippet.show
let decoder = try RemittanceDecoder(path: path)
while let event = try decoder.nextEvent() {
    switch event {
    case .header(let remittance):
        print("payment \(remittance.payment.traceNumber) from \(remittance.payer.name): \(remittance.payment.amount)")
    case .claim(let claim):
        print("  \(claim.patientControlNumber): billed \(claim.chargeAmount), paid \(claim.paidAmount)")
    case .trailer(let trailer):
        print("  \(trailer.balance.count) balancing findings, \(trailer.providerAdjustments.count) provider adjustments")
    }
}
// snippet.hide
} catch {
    print("\(path): \(error)")
}
