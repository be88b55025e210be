import Foundation
import X12Acknowledgments
import X12Ledger

/// The pages over a claim ledger (`x12 serve --ledger FILE`): the worklist of every claim with its
/// stage, and one claim's lifecycle from submission to payment.
enum LedgerPages {
    /// `GET /claims`: the worklist, optionally narrowed to one stage or payer.
    static func worklist(_ claims: [ClaimLifecycle], all: [ClaimLifecycle], stage: ClaimStage?, payer: String?, ledgerPath: String) -> String {
        var body = HTML()
        body.raw("<h1>Claim worklist</h1>\n<p class=\"muted\">Ledger ")
        body.text(ledgerPath)
        body.raw(" · read-only; record files with <code>x12 ledger import</code>.</p>\n")
        body.raw("<section class=\"card\" id=\"stages\"><h2>By stage</h2>\n<p>")
        body.raw(stage == nil && payer == nil ? "<b>all " : "<a href=\"/claims\">all ")
        body.number(all.count)
        body.raw(stage == nil && payer == nil ? "</b>" : "</a>")
        let summary = LedgerSummary(all)
        for totals in summary.stages {
            body.raw(" · ")
            let selected = stage?.rawValue == totals.key
            body.raw(selected ? "<b>" : "<a href=\"/claims?stage=")
            if !selected {
                body.text(totals.key)
                body.raw("\">")
            }
            body.text("\(totals.key) \(totals.claims)")
            body.raw(selected ? "</b>" : "</a>")
        }
        body.raw("</p>\n<p class=\"muted\">")
        body.text("Charged \(money(summary.total.chargeAmount)) · paid \(money(summary.total.paidAmount)) · patient responsibility \(money(summary.total.patientResponsibilityAmount)) · outstanding \(money(summary.total.outstandingAmount))")
        body.raw("</p></section>\n")
        if claims.isEmpty {
            body.raw("<p id=\"no-claims\">No claims match.</p>\n")
            return PageLayout.document(title: "Claim worklist", body: body)
        }
        body.raw("<table class=\"grid\" id=\"worklist\"><tr><th>Claim</th><th>Patient</th><th>Payer</th><th>Submitted</th><th>Days</th>")
        body.raw("<th>Stage</th><th>999/TA1</th><th>277CA</th><th>Charge</th><th>Paid</th><th>Patient resp.</th><th>Outstanding</th><th>Why</th></tr>\n")
        for claim in claims {
            body.raw("<tr><td class=\"mono\"><a href=\"/claims/")
            body.text(pathComponent(claim.patientControlNumber))
            body.raw("\">")
            body.text(claim.patientControlNumber)
            body.raw("</a></td><td>")
            body.text(claim.patientName ?? "")
            body.raw("</td><td>")
            body.text(claim.payerName.isEmpty ? claim.payerId : "\(claim.payerName) (\(claim.payerId))")
            body.raw("</td><td>")
            body.text(claim.submittedOn)
            body.raw("</td><td class=\"num\">")
            body.number(claim.daysSinceSubmission)
            body.raw("</td><td>")
            stageBadge(&body, claim.stage)
            body.raw("</td><td>")
            body.text(claim.functionalAcknowledgment ?? "")
            body.raw("</td><td>")
            body.text(claim.claimAcknowledgment ?? "")
            body.raw("</td><td class=\"num\">")
            body.text(money(claim.chargeAmount))
            body.raw("</td><td class=\"num\">")
            body.text(money(claim.paidAmount))
            body.raw("</td><td class=\"num\">")
            body.text(money(claim.patientResponsibilityAmount))
            body.raw("</td><td class=\"num\">")
            body.text(money(claim.outstandingAmount))
            body.raw("</td><td>")
            body.text(claim.reasons.map { "\($0.code) \($0.description)" }.joined(separator: "; "))
            body.raw("</td></tr>\n")
        }
        body.raw("</table>\n")
        return PageLayout.document(title: "Claim worklist", body: body)
    }

    /// `GET /claims/{id}`: one claim from submission through acknowledgments to payment.
    static func lifecycle(_ claim: ClaimLifecycle) -> String {
        var body = HTML()
        body.raw("<p><a href=\"/claims\">← Claim worklist</a></p>\n<h1>Claim ")
        body.text(claim.patientControlNumber)
        body.raw(" ")
        stageBadge(&body, claim.stage)
        body.raw("</h1>\n<section class=\"card\" id=\"lifecycle\"><h2>Lifecycle</h2>\n<table class=\"grid\">\n")
        row(&body, "Submitted", "\(claim.submittedOn) (\(claim.daysSinceSubmission) days ago) in ISA13 \(claim.interchangeControlNumber), ST02 \(claim.transactionSetControlNumber), frequency \(claim.frequencyCode)")
        row(&body, "Patient", claim.patientName ?? "")
        row(&body, "Payer", claim.payerName.isEmpty ? claim.payerId : "\(claim.payerName) (\(claim.payerId))")
        if let visit = claim.visitId { row(&body, "Visit", visit) }
        row(&body, "999 / TA1", claim.functionalAcknowledgment ?? "no acknowledgment yet")
        row(&body, "277CA", claim.claimAcknowledgment ?? "no claim acknowledgment yet")
        row(&body, "Payer claim number", claim.payerClaimControlNumber ?? "")
        row(&body, "Charge", money(claim.chargeAmount))
        row(&body, "Paid", money(claim.paidAmount))
        row(&body, "Patient responsibility", money(claim.patientResponsibilityAmount))
        row(&body, "Adjustments", money(claim.adjustmentAmount))
        row(&body, "Outstanding", money(claim.outstandingAmount))
        body.raw("</table></section>\n")
        if !claim.reasons.isEmpty {
            body.raw("<section class=\"card\" id=\"reasons\"><h2>Why it was rejected</h2><ul class=\"findings\">\n")
            for reason in claim.reasons {
                body.raw("<li class=\"error\"><code>")
                body.text(reason.code)
                body.raw("</code> ")
                body.text(reason.description)
                body.raw(" <span class=\"muted\">(")
                body.text(reason.source)
                body.raw(")</span></li>\n")
            }
            body.raw("</ul></section>\n")
        }
        if !claim.deniedLines.isEmpty {
            body.raw("<section class=\"card\" id=\"denied-lines\"><h2>Lines paid nothing</h2>\n<table class=\"grid\"><tr><th>Line</th>")
            body.raw("<th>Procedure</th><th>Charge</th><th>Adjustments</th><th>Remarks</th></tr>\n")
            for line in claim.deniedLines {
                body.raw("<tr><td class=\"mono\">")
                body.text(line.lineControlNumber ?? "")
                body.raw("</td><td class=\"mono\">")
                body.text(line.procedureCode)
                body.raw("</td><td class=\"num\">")
                body.text(money(line.chargeAmount))
                body.raw("</td><td>")
                body.text(line.adjustments.joined(separator: ", "))
                body.raw("</td><td>")
                body.text(line.remarkCodes.joined(separator: ", "))
                body.raw("</td></tr>\n")
            }
            body.raw("</table></section>\n")
        }
        return PageLayout.document(title: "Claim \(claim.patientControlNumber)", body: body)
    }

    private static func row(_ html: inout HTML, _ label: StaticString, _ value: String) {
        html.raw("<tr><th>")
        html.raw(label)
        html.raw("</th><td>")
        html.text(value)
        html.raw("</td></tr>\n")
    }

    private static func stageBadge(_ html: inout HTML, _ stage: ClaimStage) {
        switch stage {
        case .paid, .accepted: html.raw("<span class=\"badge valid stage\">")
        case .rejected, .denied, .reversed: html.raw("<span class=\"badge invalid stage\">")
        case .submitted, .acknowledged, .partiallyPaid: html.raw("<span class=\"badge warn stage\">")
        }
        html.text(stage.rawValue)
        html.raw("</span>")
    }

    /// Money with two decimals and `.`, whatever the locale (`150` → `150.00`).
    static func money(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = "\(rounded)"
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }

    /// A patient control number made safe for a URL path segment.
    static func pathComponent(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
