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

    /// Appends the rows of one claim payment, each ending in a line break: its lines, then its claim-level
    /// adjustments (or one `claim` row when it has neither). The payment and claim columns are encoded once
    /// and repeated as bytes.
    public static func appendRows(header remittance: Remittance, claim: RemittanceClaim, to output: inout [UInt8]) {
        let payment = paymentColumns(remittance)
        var claimColumns = CSVFields()
        for field in [claim.patientControlNumber, claim.status, claim.statusDescription ?? "", claim.chargeAmount.description,
                      claim.paidAmount.description, claim.patientResponsibilityAmount?.description ?? "", claim.payerClaimControlNumber,
                      claim.patient?.lastName ?? "", claim.patient?.firstName ?? "", claim.patient?.identifier ?? "",
                      claim.statementStartDate ?? "", claim.statementEndDate ?? ""] {
            claimColumns.add(field)
        }
        let claimBalance = claim.balance.filter { $0.rule != .serviceLine }
        let claimWarnings = claimBalance.map(\.message).joined(separator: "; ")
        let claimMatch = [claim.submitted?.billedAmount?.description ?? "", claim.submitted.map { $0.matched ? "yes" : "no" } ?? ""]
        for line in claim.lines {
            var row = CSVFields(start: "line")
            row.add(payment)
            row.add(claimColumns)
            row.add(line.procedureQualifier)
            row.add(line.procedureCode)
            row.add(line.modifiers.joined(separator: ":"))
            row.add(line.chargeAmount.description)
            row.add(line.paidAmount.description)
            row.add(line.units)
            row.add(line.revenueCode ?? "")
            row.add(line.serviceDate ?? line.serviceStartDate ?? "")
            row.add(line.lineControlNumber ?? "")
            row.add(line.allowedAmount?.description ?? "")
            row.add(line.adjustments.map { "\($0.group)-\($0.reason) \($0.amount)" }.joined(separator: "|"))
            row.add(line.remarkCodes.joined(separator: "|"))
            row.addEmpty(5)
            row.add(line.submitted?.billedAmount?.description ?? "")
            row.add(line.submitted.map { $0.matched ? "yes" : "no" } ?? "")
            let lineFindings = claim.balance.contains { $0.rule == .serviceLine && $0.segment == line.segment }
            row.add(lineFindings ? claim.balance.filter { $0.rule != .serviceLine || $0.segment == line.segment }.map(\.message)
                        .joined(separator: "; ") : claimWarnings)
            row.end(into: &output)
        }
        for adjustment in claim.adjustments {
            var row = CSVFields(start: "claimAdjustment")
            row.add(payment)
            row.add(claimColumns)
            row.addEmpty(12)
            row.add(adjustment.group)
            row.add(adjustment.reason)
            row.add(adjustment.amount.description)
            row.add(adjustment.quantity ?? "")
            row.add("")
            for field in claimMatch { row.add(field) }
            row.add(claimWarnings)
            row.end(into: &output)
        }
        if claim.lines.isEmpty && claim.adjustments.isEmpty {
            var row = CSVFields(start: "claim")
            row.add(payment)
            row.add(claimColumns)
            row.addEmpty(17)
            for field in claimMatch { row.add(field) }
            row.add(claimWarnings)
            row.end(into: &output)
        }
    }

    /// Appends the rows a transaction's trailer adds: its provider-level adjustments, or one `payment` row when
    /// the transaction had neither claims nor adjustments.
    public static func appendRows(header remittance: Remittance, trailer: RemittanceTrailer, hadClaims: Bool,
                                  to output: inout [UInt8]) {
        let payment = paymentColumns(remittance)
        let transactionWarnings = trailer.balance.map(\.message).joined(separator: "; ")
        for adjustment in trailer.providerAdjustments {
            var row = CSVFields(start: "providerAdjustment")
            row.add(payment)
            row.addEmpty(24)
            row.add("")
            row.add(adjustment.reason)
            row.add(adjustment.amount.description)
            row.add("")
            row.add(adjustment.reference ?? "")
            row.addEmpty(2)
            row.add(transactionWarnings)
            row.end(into: &output)
        }
        if !hadClaims && trailer.providerAdjustments.isEmpty {
            var row = CSVFields(start: "payment")
            row.add(payment)
            row.addEmpty(31)
            row.add(transactionWarnings)
            row.end(into: &output)
        }
    }

    private static func paymentColumns(_ remittance: Remittance) -> CSVFields {
        var fields = CSVFields()
        for field in [remittance.transactionSetControlNumber, remittance.payment.traceNumber, remittance.payment.date,
                      remittance.payment.amount.description, remittance.payment.payerIdentifier, remittance.payer.name,
                      remittance.payee.name, remittance.payee.identifier ?? ""] {
            fields.add(field)
        }
        return fields
    }
}

/// Fields of a CSV row as bytes: comma-separated, quoted when they need it (RFC 4180).
struct CSVFields {
    private(set) var bytes: [UInt8] = []
    private var count = 0

    init() {}

    /// A row starting with its first field.
    init(start: String) {
        bytes.reserveCapacity(512)
        add(start)
    }

    mutating func add(_ field: String) {
        if count > 0 { bytes.append(0x2C) }
        count += 1
        var field = field
        field.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }

    /// Appends fields already encoded (a run of columns shared by several rows).
    mutating func add(_ fields: CSVFields) {
        guard fields.count > 0 else { return }
        if count > 0 { bytes.append(0x2C) }
        count += fields.count
        bytes.append(contentsOf: fields.bytes)
    }

    /// Appends `n` empty fields.
    mutating func addEmpty(_ n: Int) {
        for _ in 0..<n { add("") }
    }

    /// Appends the row and its line break to `output`.
    func end(into output: inout [UInt8]) {
        output.append(contentsOf: bytes)
        output.append(0x0A)
    }
}
