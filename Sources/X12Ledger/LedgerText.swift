import Foundation

/// Money as the ledger prints it: two decimals, `.` separator, no grouping, no locale (`1278.50`, `-90.00`).
public enum LedgerMoney {
    /// `amount` with exactly two decimals.
    public static func text(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let text = "\(magnitude)"
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        return (negative ? "-" : "") + whole + "." + fraction
    }
}

/// CSV fields quoted when they must be (RFC 4180).
enum CSV {
    static func row(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\n"
    }
}

/// JSON with sorted keys and money as numbers, stable for golden files.
enum LedgerJSON {
    static func encode<T: Encodable>(_ value: T) throws(LedgerError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw LedgerError("cannot encode JSON: \(error)")
        }
    }
}

extension Array where Element == ClaimLifecycle {
    /// CSV columns of `x12 ledger status --format csv`, one row per claim.
    public static let csvColumns = [
        "patientControlNumber", "visitId", "payerId", "payerName", "patientName", "interchangeControlNumber",
        "transactionSetControlNumber", "frequencyCode", "submittedOn", "daysSinceSubmission", "stage",
        "functionalAcknowledgment", "claimAcknowledgment", "payerClaimControlNumber", "chargeAmount", "paidAmount",
        "patientResponsibilityAmount", "adjustmentAmount", "outstandingAmount", "reasons",
    ]

    /// The claims as CSV with a header row.
    public func csv() -> String {
        var text = CSV.row(Self.csvColumns)
        for claim in self {
            text += CSV.row([
                claim.patientControlNumber, claim.visitId ?? "", claim.payerId, claim.payerName, claim.patientName ?? "",
                claim.interchangeControlNumber, claim.transactionSetControlNumber, claim.frequencyCode, claim.submittedOn,
                String(claim.daysSinceSubmission), claim.stage.rawValue, claim.functionalAcknowledgment ?? "",
                claim.claimAcknowledgment ?? "", claim.payerClaimControlNumber ?? "", LedgerMoney.text(claim.chargeAmount),
                LedgerMoney.text(claim.paidAmount), LedgerMoney.text(claim.patientResponsibilityAmount),
                LedgerMoney.text(claim.adjustmentAmount), LedgerMoney.text(claim.outstandingAmount),
                claim.reasons.map { "\($0.source) \($0.code): \($0.description)" }.joined(separator: "; "),
            ])
        }
        return text
    }

    /// The claims as JSON (an array of ``ClaimLifecycle`` objects).
    public func json() throws(LedgerError) -> String { try LedgerJSON.encode(self) }

    /// One block per claim for people.
    public func text() -> String {
        var lines: [String] = []
        for claim in self {
            var head = "\(claim.patientControlNumber)  \(claim.stage.rawValue)  payer \(claim.payerId)"
            if let number = claim.payerClaimControlNumber { head += "  ICN \(number)" }
            lines.append(head)
            lines.append("  submitted \(claim.submittedOn) (\(claim.daysSinceSubmission) days) ISA13 \(claim.interchangeControlNumber)"
                         + " ST02 \(claim.transactionSetControlNumber) frequency \(claim.frequencyCode)")
            lines.append("  999 \(claim.functionalAcknowledgment ?? "-")  277CA \(claim.claimAcknowledgment ?? "-")")
            lines.append("  charge \(LedgerMoney.text(claim.chargeAmount))  paid \(LedgerMoney.text(claim.paidAmount))"
                         + "  patient \(LedgerMoney.text(claim.patientResponsibilityAmount))"
                         + "  outstanding \(LedgerMoney.text(claim.outstandingAmount))")
            for reason in claim.reasons { lines.append("  \(reason.source) \(reason.code): \(reason.description)") }
            for line in claim.deniedLines {
                let codes = (line.adjustments + line.remarkCodes).joined(separator: " ")
                lines.append("  denied line \(line.lineControlNumber ?? "-") \(line.procedureCode) \(LedgerMoney.text(line.chargeAmount)): \(codes)")
            }
        }
        return lines.isEmpty ? "no claims in the ledger\n" : lines.joined(separator: "\n") + "\n"
    }
}

extension LedgerSummary {
    /// CSV columns of `x12 ledger summary --format csv`: one row per group, `section` being `total`, `stage`,
    /// `payer` or `aging`.
    public static let csvColumns = ["section", "key", "claims", "chargeAmount", "paidAmount", "patientResponsibilityAmount", "outstandingAmount"]

    /// The summary as CSV.
    public func csv() -> String {
        var text = CSV.row(Self.csvColumns)
        let sections: [(String, [Totals])] = [("total", [total]), ("stage", stages), ("payer", payers), ("aging", aging)]
        for (section, rows) in sections {
            for row in rows {
                text += CSV.row([section, row.key, String(row.claims), LedgerMoney.text(row.chargeAmount), LedgerMoney.text(row.paidAmount),
                                 LedgerMoney.text(row.patientResponsibilityAmount), LedgerMoney.text(row.outstandingAmount)])
            }
        }
        return text
    }

    /// The summary as JSON.
    public func json() throws(LedgerError) -> String { try LedgerJSON.encode(self) }

    /// A table for people.
    public func text() -> String {
        func row(_ totals: Totals) -> String {
            let key = totals.key.padding(toLength: 16, withPad: " ", startingAt: 0)
            let count = String(totals.claims).leftAligned(6)
            return "  \(key)\(count) charge \(LedgerMoney.text(totals.chargeAmount).leftAligned(11)) paid "
                + "\(LedgerMoney.text(totals.paidAmount).leftAligned(11)) outstanding \(LedgerMoney.text(totals.outstandingAmount))"
        }
        var lines = ["claims: \(total.claims)  charge \(LedgerMoney.text(total.chargeAmount))  paid \(LedgerMoney.text(total.paidAmount))"
                     + "  patient \(LedgerMoney.text(total.patientResponsibilityAmount))  outstanding \(LedgerMoney.text(total.outstandingAmount))"]
        lines.append("by stage:")
        lines += stages.map(row)
        lines.append("by payer:")
        lines += payers.map(row)
        lines.append("aging of outstanding claims (days since submission):")
        lines += aging.map(row)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string padded with spaces on the right to `width`.
    func leftAligned(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
