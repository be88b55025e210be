import Foundation

extension AckReport {
    /// The CSV columns, one row per claim reason (a claim without reasons gets one row with empty reason columns).
    public static let csvColumns = [
        "patientControlNumber", "status", "payerClaimControlNumber", "chargeAmount", "interchangeControlNumber",
        "groupControlNumber", "transactionSetControlNumber", "source", "code", "description",
    ]

    /// The claims as CSV (RFC 4180 quoting), header first.
    public func csv() -> String {
        var lines: [String] = []
        writeCSV { lines.append($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CSV one row at a time (without line breaks), header first: what ``csv()`` joins.
    public func writeCSV(_ emit: (String) throws -> Void) rethrows {
        try emit(Self.csvColumns.joined(separator: ","))
        for claim in claims {
            let head = [claim.patientControlNumber, claim.status.rawValue, claim.payerClaimControlNumber ?? "",
                        claim.chargeAmount.map(Self.money) ?? "", claim.interchangeControlNumber ?? "",
                        claim.groupControlNumber ?? "", claim.transactionSetControlNumber ?? ""]
            let reasons = claim.reasons.isEmpty ? [nil] : claim.reasons.map(Optional.some)
            for reason in reasons {
                let row = head + [reason?.source ?? "", reason?.code ?? "", reason?.description ?? ""]
                try emit(row.map(Self.csvField).joined(separator: ","))
            }
        }
    }

    /// A plain-text summary: envelopes and transaction sets first, then one block per claim, then what matched nothing.
    public func text() -> String {
        var lines: [String] = []
        writeText { lines.append($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary one line at a time (without line breaks): what ``text()`` joins, for output that streams.
    public func writeText(_ emit: (String) throws -> Void) rethrows {
        // A group's transaction sets, found once (a 999 may answer thousands of sets in many groups).
        var setsOfGroup: [[String]: [Int]] = [:]
        for (index, set) in transactionSets.enumerated() {
            setsOfGroup[[set.acknowledgmentInterchangeControlNumber, set.acknowledgmentControlNumber, set.groupControlNumber],
                        default: []].append(index)
        }
        for ta1 in interchanges {
            var line = "TA1 interchange \(ta1.controlNumber) (\(ta1.date) \(ta1.time)): \(Self.words(ta1.status)), "
                + "note \(ta1.note.code) \(ta1.note.description)"
            if !ta1.claims.isEmpty { line += "; claims \(ta1.claims.joined(separator: ", "))" }
            try emit(line)
        }
        for group in groups {
            var line = "\(group.acknowledgmentType) \(group.acknowledgmentControlNumber) group \(group.controlNumber) ("
                + [group.functionalId, group.version].filter { !$0.isEmpty }.joined(separator: " ") + "): "
                + Self.words(group.status)
            if let included = group.includedCount, let received = group.receivedCount, let accepted = group.acceptedCount {
                line += "; \(included) included, \(received) received, \(accepted) accepted"
            }
            try emit(line + Self.reasonList(group.errors))
            let key = [group.acknowledgmentInterchangeControlNumber, group.acknowledgmentControlNumber, group.controlNumber]
            for set in (setsOfGroup[key] ?? []).map({ transactionSets[$0] }) {
                var setLine = "  \(set.transactionSetId) \(set.controlNumber): \(Self.words(set.status))" + Self.reasonList(set.setErrors)
                if !set.claims.isEmpty { setLine += "; claims \(set.claims.joined(separator: ", "))" }
                try emit(setLine)
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
                    try emit(errorLine)
                    if let text = error.segmentText { try emit("      " + text) }
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
            try emit(line + Self.reasonList(level.statuses))
        }
        try emit("Claims: \(summary.claims) (\(summary.accepted) accepted, \(summary.rejected) rejected, \(summary.pending) pending)")
        for claim in claims {
            var line = "  \(claim.patientControlNumber)  \(claim.status.rawValue)"
            if let charge = claim.chargeAmount { line += "  " + Self.money(charge) }
            if let payer = claim.payerClaimControlNumber { line += "  payer claim \(payer)" }
            if let set = claim.transactionSetControlNumber { line += "  ST \(set)" }
            try emit(line)
            for reason in claim.reasons { try emit("    \(reason.source) \(reason.code): \(reason.description)") }
        }
        if !unmatched.isEmpty {
            try emit("Unmatched: \(unmatched.count)")
            for entry in unmatched {
                try emit("  \(entry.source) \(entry.reference): \(entry.description)")
                for reason in entry.reasons { try emit("    \(reason.code): \(reason.description)") }
            }
        }
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
