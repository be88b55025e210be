import Foundation
import X12Remittance

/// The CSV layout of `x12 remit --format csv`.
///
/// One row per service line with the claim and payment columns repeated; a claim-level adjustment gets
/// a row of its own (`recordType` `claimAdjustment`, adjustment columns filled, line columns empty); a
/// claim without service lines and without claim adjustments gets one `claim` row. Provider-level
/// adjustments get `providerAdjustment` rows, and a transaction with neither claims nor PLB one `payment`
/// row. `balanceWarnings` holds the claim's findings (and, on a line row, that line's). The column order
/// is stable: new columns are only ever added at the end.
public enum RemittanceCSV {
    /// The columns, in order.
    public static let columns = [
        "recordType", "transactionSetControlNumber", "traceNumber", "paymentDate", "paymentAmount", "payerIdentifier",
        "payerName", "payeeName", "payeeIdentifier",
        "patientControlNumber", "claimStatus", "claimStatusDescription", "claimChargeAmount", "claimPaidAmount",
        "patientResponsibilityAmount", "payerClaimControlNumber", "patientLastName", "patientFirstName", "patientIdentifier",
        "statementStartDate", "statementEndDate",
        "procedureQualifier", "procedureCode", "modifiers", "lineChargeAmount", "linePaidAmount", "units", "revenueCode",
        "serviceDate", "lineControlNumber", "allowedAmount", "lineAdjustments", "remarkCodes",
        "adjustmentGroup", "adjustmentReason", "adjustmentAmount", "adjustmentQuantity", "adjustmentReference",
        "billedAmount", "matched", "balanceWarnings",
    ]

    /// The header line.
    public static var header: String { columns.joined(separator: ",") }

    /// The rows of one claim payment, without line breaks: its lines, then its claim-level adjustments
    /// (or one `claim` row when it has neither).
    public static func rows(header remittance: Remittance, claim: RemittanceClaim) -> [String] {
        var rows: [String] = []
        let payment = paymentColumns(remittance)
        let noLine = Array(repeating: "", count: 12)
        let noAdjustment = Array(repeating: "", count: 5)
        let claimColumns = [
            claim.patientControlNumber, claim.status, claim.statusDescription ?? "", claim.chargeAmount.description,
            claim.paidAmount.description, claim.patientResponsibilityAmount?.description ?? "", claim.payerClaimControlNumber,
            claim.patient?.lastName ?? "", claim.patient?.firstName ?? "", claim.patient?.identifier ?? "",
            claim.statementStartDate ?? "", claim.statementEndDate ?? "",
        ]
        let claimWarnings = claim.balance.filter { $0.rule != .serviceLine }.map(\.message).joined(separator: "; ")
        let claimMatch = [claim.submitted?.billedAmount?.description ?? "", claim.submitted.map { $0.matched ? "yes" : "no" } ?? ""]
        for line in claim.lines {
            let lineColumns = [
                line.procedureQualifier, line.procedureCode, line.modifiers.joined(separator: ":"),
                line.chargeAmount.description, line.paidAmount.description, line.units, line.revenueCode ?? "",
                line.serviceDate ?? line.serviceStartDate ?? "", line.lineControlNumber ?? "",
                line.allowedAmount?.description ?? "",
                line.adjustments.map { "\($0.group)-\($0.reason) \($0.amount)" }.joined(separator: "|"),
                line.remarkCodes.joined(separator: "|"),
            ]
            let lineMatch = [line.submitted?.billedAmount?.description ?? "", line.submitted.map { $0.matched ? "yes" : "no" } ?? ""]
            let warnings = claim.balance.filter { $0.rule != .serviceLine || $0.segment == line.segment }.map(\.message)
            rows.append(row(["line"] + payment + claimColumns + lineColumns + noAdjustment + lineMatch
                            + [warnings.joined(separator: "; ")]))
        }
        for adjustment in claim.adjustments {
            let adjustmentColumns = [adjustment.group, adjustment.reason, adjustment.amount.description,
                                     adjustment.quantity ?? "", ""]
            rows.append(row(["claimAdjustment"] + payment + claimColumns + noLine + adjustmentColumns + claimMatch + [claimWarnings]))
        }
        if claim.lines.isEmpty && claim.adjustments.isEmpty {
            rows.append(row(["claim"] + payment + claimColumns + noLine + noAdjustment + claimMatch + [claimWarnings]))
        }
        return rows
    }

    /// The rows a transaction's trailer adds: its provider-level adjustments, or one `payment` row when the
    /// transaction had neither claims nor adjustments.
    public static func rows(header remittance: Remittance, trailer: RemittanceTrailer, hadClaims: Bool) -> [String] {
        var rows: [String] = []
        let payment = paymentColumns(remittance)
        let noClaim = Array(repeating: "", count: 12)
        let noLine = Array(repeating: "", count: 12)
        let transactionWarnings = trailer.balance.map(\.message).joined(separator: "; ")
        for adjustment in trailer.providerAdjustments {
            let adjustmentColumns = ["", adjustment.reason, adjustment.amount.description, "", adjustment.reference ?? ""]
            rows.append(row(["providerAdjustment"] + payment + noClaim + noLine + adjustmentColumns + ["", "", transactionWarnings]))
        }
        if !hadClaims && trailer.providerAdjustments.isEmpty {
            rows.append(row(["payment"] + payment + noClaim + noLine + Array(repeating: "", count: 5) + ["", "", transactionWarnings]))
        }
        return rows
    }

    private static func paymentColumns(_ remittance: Remittance) -> [String] {
        [
            remittance.transactionSetControlNumber, remittance.payment.traceNumber, remittance.payment.date,
            remittance.payment.amount.description, remittance.payment.payerIdentifier, remittance.payer.name,
            remittance.payee.name, remittance.payee.identifier ?? "",
        ]
    }

    /// Joins fields with commas, quoting those that need it (RFC 4180).
    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    private static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
