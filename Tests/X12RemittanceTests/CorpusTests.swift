import X12
import X12Remittance
import XCTest
import X12TestSupport

/// Every 835 of Fixtures/corpus, with counts and totals worked out by hand from the files
/// (number of CLP and SVC, Σ CLP03, Σ CLP04, Σ PLB, BPR02).
final class CorpusTests: XCTestCase {
    private struct Expected {
        var controlNumber: String
        var claims: Int
        var lines: Int
        var charged: Money
        var paid: Money
        var providerAdjustments: Money
        var payment: Money
    }

    private func check(_ file: String, _ expected: [Expected], line: UInt = #line) throws {
        let (remittances, problems) = try TestFiles.decode(Corpus.path(file))
        XCTAssertEqual(problems, [], line: line)
        XCTAssertEqual(remittances.count, expected.count, line: line)
        for (remittance, want) in zip(remittances, expected) {
            XCTAssertEqual(remittance.transactionSetControlNumber, want.controlNumber, line: line)
            XCTAssertEqual(remittance.errors, [], line: line)
            XCTAssertEqual(remittance.claims.count, want.claims, line: line)
            XCTAssertEqual(remittance.totals.claimCount, want.claims, line: line)
            XCTAssertEqual(remittance.totals.serviceLineCount, want.lines, line: line)
            XCTAssertEqual(remittance.totals.chargeAmount, want.charged, line: line)
            XCTAssertEqual(remittance.totals.paidAmount, want.paid, line: line)
            XCTAssertEqual(remittance.totals.providerAdjustmentAmount, want.providerAdjustments, line: line)
            XCTAssertEqual(remittance.payment.amount, want.payment, line: line)
        }
    }

    func testManagedCare() throws {
        try check("835/lfh-managed-care.x12", [Expected(controlNumber: "112233", claims: 2, lines: 2, charged: "2000.00",
                                                        paid: "945.00", providerAdjustments: "0", payment: "945.00")])
        let remittance = try XCTUnwrap(TestFiles.decode(Corpus.path("835/lfh-managed-care.x12")).remittances.first)
        XCTAssertEqual(remittance.payment.traceNumber, "7170066655")
        XCTAssertEqual(remittance.payment.payerIdentifier, "1935665544")
        XCTAssertEqual(remittance.payment.method, "ACH")
        XCTAssertEqual(remittance.productionDate, "20020314")
        XCTAssertEqual(remittance.payer.name, "RUSHMORE LIFE")
        XCTAssertEqual(remittance.payer.address?.city, "RAPID CITY")
        XCTAssertEqual(remittance.payee.npi, "5544667733")
        XCTAssertEqual(remittance.payee.taxId, "777667755")
        XCTAssertEqual(remittance.allBalanceFindings, [])
        // CLP*8765432112: claim CAS CO A2 55, line CAS PR 1 600 and CO 45 50: 1200 − 705 = 495.
        let second = remittance.claims[1]
        XCTAssertEqual(second.adjustments.map(\.amount), ["55.00"])
        XCTAssertEqual(second.lines[0].adjustments.map { "\($0.group)-\($0.reason) \($0.amount)" }, ["PR-1 600.00", "CO-45 50.00"])
        XCTAssertEqual(second.adjustmentTotal, "705.00")
        XCTAssertEqual(second.lines[0].serviceStartDate, "20020310")
        XCTAssertEqual(second.lines[0].serviceEndDate, "20020312")
    }

    func testMaskedThreeInterchangesReportTheirImbalance() throws {
        try check("835/oopfactory-example-from-nth.x12", [
            Expected(controlNumber: "8001", claims: 19, lines: 38, charged: "18099.81", paid: "776.06", providerAdjustments: "0", payment: "999.99"),
            Expected(controlNumber: "9001", claims: 23, lines: 24, charged: "22099.77", paid: "3111.09", providerAdjustments: "0", payment: "9999.99"),
            Expected(controlNumber: "10001", claims: 14, lines: 29, charged: "18499.86", paid: "3439.89", providerAdjustments: "0", payment: "482.13"),
        ])
        let first = try XCTUnwrap(TestFiles.decode(Corpus.path("835/oopfactory-example-from-nth.x12")).remittances.first)
        // The amounts are masked (999.99), so BPR02 cannot match: 776.06 expected, 999.99 written.
        XCTAssertEqual(first.balance.map(\.rule), [.transaction])
        XCTAssertEqual(first.balance.first?.expected, "776.06")
        XCTAssertEqual(first.balance.first?.difference, "223.93")
        XCTAssertEqual(first.claims[0].lines[0].lineControlNumber, "999X999999999999999999")
        XCTAssertEqual(first.claims[0].lines[0].remarkCodes, ["N1"])
        XCTAssertEqual(first.claims[0].lines[0].units, "9.999")
        XCTAssertEqual(first.claims[0].correctedName?.lastName, "DAK")
    }

    func testNonPaymentWithThreeDeniedLines() throws {
        try check("835/pyx12-835-mult-loops.x12", [Expected(controlNumber: "0001", claims: 1, lines: 3, charged: "915.39",
                                                            paid: "0", providerAdjustments: "0", payment: "0")])
        let remittance = try XCTUnwrap(TestFiles.decode(Corpus.path("835/pyx12-835-mult-loops.x12")).remittances.first)
        XCTAssertEqual(remittance.payment.method, "NON")
        XCTAssertEqual(remittance.payment.handlingCode, "H")
        XCTAssertEqual(remittance.claims[0].statusDescription, "Denied")
        XCTAssertEqual(remittance.claims[0].lines.map(\.units), ["68", "16", "36"])
        XCTAssertEqual(remittance.claims[0].serviceProvider?.identifier, "44452736")
        XCTAssertEqual(remittance.allBalanceFindings, [])
    }

    func testDentalMultipleClaimsSingleCheck() throws {
        try check("835/stupidedi-multiple-claims-single-check.x12", [
            Expected(controlNumber: "35681", claims: 9, lines: 33, charged: "2819.00", paid: "810.80", providerAdjustments: "0", payment: "810.8"),
        ])
        let remittance = try XCTUnwrap(TestFiles.decode(Corpus.path("835/stupidedi-multiple-claims-single-check.x12")).remittances.first)
        XCTAssertEqual(remittance.allBalanceFindings, [])
        XCTAssertEqual(remittance.claims.map(\.headerNumber), ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
        XCTAssertEqual(remittance.claims[0].lines[0].procedureQualifier, "AD")
        XCTAssertEqual(remittance.claims[0].lines[0].allowedAmount, "25")
        XCTAssertEqual(remittance.claims[1].insured?.firstName, "JOHN")
        XCTAssertEqual(remittance.payment.method, "CHK")
    }

    func testTwoInterchangesOnOneLine() throws {
        let one = Expected(controlNumber: "1740", claims: 2, lines: 0, charged: "2424.47", paid: "1481.99",
                           providerAdjustments: "0", payment: "1481.99")
        try check("835/tastypackets-oneline-2isa.x12", [one, one])
        let remittance = try XCTUnwrap(TestFiles.decode(Corpus.path("835/tastypackets-oneline-2isa.x12")).remittances.first)
        XCTAssertEqual(remittance.claims.map(\.status), ["3", "1"])
        XCTAssertEqual(remittance.claims[1].amounts, [RemittanceAmount(qualifier: "AU", amount: "2286.99")])
        XCTAssertEqual(remittance.claims[1].quantities, [RemittanceQuantity(qualifier: "CA", quantity: "9")])
        XCTAssertEqual(remittance.claims[1].statementStartDate, "20100101")
        XCTAssertEqual(remittance.allBalanceFindings, [])
    }

    func testBareTransactionSetWithoutEnvelopeIsRejected() throws {
        let decoder = try RemittanceDecoder(path: Corpus.path("835/invalid/keiron-blue-cross-nc.x12"))
        XCTAssertThrowsError(try decoder.next()) { error in
            XCTAssertEqual((error as? X12Error)?.kind, .missingInterchangeHeader)
        }
    }

    func testEnvelopeFaultIsReportedAndTheSetStillRead() throws {
        let (remittances, problems) = try TestFiles.decode(Corpus.path("835/invalid/tastypackets-error-isa.x12"))
        XCTAssertEqual(remittances.count, 1)
        XCTAssertEqual(remittances.first?.totals.paidAmount, "1481.99")
        XCTAssertEqual(problems.map(\.kind), [.controlNumberMismatch])
        XCTAssertEqual(problems.first?.segmentIndex, 35)
        XCTAssertEqual(problems.first?.segmentId, "IEA")
        XCTAssertEqual(problems.first?.element, 2)
    }
}
