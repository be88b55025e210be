import Foundation

extension AckReport {
    /// The CSV columns, one row per claim reason (a claim without reasons gets one row with empty reason columns).
    public static let csvColumns = [
        "patientControlNumber", "status", "payerClaimControlNumber", "chargeAmount", "interchangeControlNumber",
        "groupControlNumber", "transactionSetControlNumber", "source", "code", "description",
    ]

    /// The claims as CSV (RFC 4180 quoting), header first.
    public func csv() -> String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for claim in claims {
            let head = [claim.patientControlNumber, claim.status.rawValue, claim.payerClaimControlNumber ?? "",
                        claim.chargeAmount.map(Self.money) ?? "", claim.interchangeControlNumber ?? "",
                        claim.groupControlNumber ?? "", claim.transactionSetControlNumber ?? ""]
            let reasons = claim.reasons.isEmpty ? [nil] : claim.reasons.map(Optional.some)
            for reason in reasons {
                let row = head + [reason?.source ?? "", reason?.code ?? "", reason?.description ?? ""]
                lines.append(row.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plain-text summary: envelopes and transaction sets first, then one block per claim, then what matched nothing.
    public func text() -> String {
        var lines: [String] = []
        for ta1 in interchanges {
            var line = "TA1 interchange \(ta1.controlNumber) (\(ta1.date) \(ta1.time)): \(Self.words(ta1.status)), "
                + "note \(ta1.note.code) \(ta1.note.description)"
            if !ta1.claims.isEmpty { line += "; claims \(ta1.claims.joined(separator: ", "))" }
            lines.append(line)
        }
        for group in groups {
            var line = "\(group.acknowledgmentType) \(group.acknowledgmentControlNumber) group \(group.controlNumber) ("
                + [group.functionalId, group.version].filter { !$0.isEmpty }.joined(separator: " ") + "): "
                + Self.words(group.status)
            if let included = group.includedCount, let received = group.receivedCount, let accepted = group.acceptedCount {
                line += "; \(included) included, \(received) received, \(accepted) accepted"
            }
            lines.append(line + Self.reasonList(group.errors))
            for set in transactionSets where set.acknowledgmentControlNumber == group.acknowledgmentControlNumber
                && set.acknowledgmentInterchangeControlNumber == group.acknowledgmentInterchangeControlNumber
                && set.groupControlNumber == group.controlNumber {
                var setLine = "  \(set.transactionSetId) \(set.controlNumber): \(Self.words(set.status))" + Self.reasonList(set.setErrors)
                if !set.claims.isEmpty { setLine += "; claims \(set.claims.joined(separator: ", "))" }
                lines.append(setLine)
                for error in set.errors {
                    var errorLine = "    segment \(error.segmentPosition.map(String.init) ?? "?") (\(error.segmentId)"
                        + (error.loopId.isEmpty ? "" : ", loop \(error.loopId)") + ")"
                    if let element = error.elementPosition {
                        errorLine += " element \(element)" + (error.componentPosition.map { " component \($0)" } ?? "")
                        if let reference = error.dataElementReference { errorLine += " (\(reference))" }
                    }
                    errorLine += ": \(error.code) \(error.description)"
                    if let bad = error.badData { errorLine += ", value '\(bad)'" }
                    if !error.claims.isEmpty { errorLine += "; claim \(error.claims.joined(separator: ", "))" }
                    lines.append(errorLine)
                    if let text = error.segmentText { lines.append("      " + text) }
                }
            }
        }
        for level in claimLevels where level.level != .informationSource {
            var line = "277CA \(level.acknowledgmentControlNumber) \(level.level == .billingProvider ? "provider" : "receiver")"
            if !level.name.isEmpty { line += " " + level.name }
            if !level.traceNumber.isEmpty { line += " (\(level.traceNumber))" }
            var totals: [String] = []
            if let count = level.acceptedQuantity { totals.append("accepted \(count)" + (level.acceptedAmount.map { " (\(Self.money($0)))" } ?? "")) }
            if let count = level.rejectedQuantity { totals.append("rejected \(count)" + (level.rejectedAmount.map { " (\(Self.money($0)))" } ?? "")) }
            if !totals.isEmpty { line += ": " + totals.joined(separator: ", ") }
            lines.append(line + Self.reasonList(level.statuses))
        }
        lines.append("Claims: \(summary.claims) (\(summary.accepted) accepted, \(summary.rejected) rejected, \(summary.pending) pending)")
        for claim in claims {
            var line = "  \(claim.patientControlNumber)  \(claim.status.rawValue)"
            if let charge = claim.chargeAmount { line += "  " + Self.money(charge) }
            if let payer = claim.payerClaimControlNumber { line += "  payer claim \(payer)" }
            if let set = claim.transactionSetControlNumber { line += "  ST \(set)" }
            lines.append(line)
            for reason in claim.reasons { lines.append("    \(reason.source) \(reason.code): \(reason.description)") }
        }
        if !unmatched.isEmpty {
            lines.append("Unmatched: \(unmatched.count)")
            for entry in unmatched {
                lines.append("  \(entry.source) \(entry.reference): \(entry.description)")
                for reason in entry.reasons { lines.append("    \(reason.code): \(reason.description)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func words(_ status: AckStatus) -> String {
        switch status {
        case .accepted: return "accepted"
        case .acceptedWithErrors: return "accepted with errors"
        case .partiallyAccepted: return "partially accepted"
        case .rejected: return "rejected"
        case .unknown: return "no result"
        }
    }

    private static func reasonList(_ reasons: [Reason]) -> String {
        reasons.isEmpty ? "" : " (" + reasons.map { "\($0.code) \($0.description)" }.joined(separator: "; ") + ")"
    }

    /// Money with two decimals and a `.`, never locale-formatted (`95.5` → `95.50`).
    static func money(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = "\(rounded)"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, 2 - fraction.count))
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
