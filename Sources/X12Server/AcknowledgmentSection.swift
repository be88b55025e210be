import Foundation
import X12Acknowledgments

/// The acknowledgment part of the report: accepted/rejected per claim (277CA, or every claim a
/// rejection covers), then the transaction sets, groups and interchanges the 999/TA1 answer.
enum AcknowledgmentSection {
    static func render(_ report: AckReport) -> HTML {
        var html = HTML()
        let summary = report.summary
        html.raw("<section class=\"card\" id=\"acknowledgments\"><h2>Acknowledgments</h2>\n<p>")
        html.raw(report.hasRejections ? "<span class=\"badge invalid\">REJECTIONS</span> " : "<span class=\"badge valid\">NO REJECTIONS</span> ")
        html.text("\(counted(summary.claims, "claim")): \(summary.accepted) accepted, \(summary.rejected) rejected, \(summary.pending) pending · \(counted(summary.rejectedEnvelopes, "rejected envelope"))")
        html.raw("</p>\n")
        if !report.claims.isEmpty {
            html.raw("<h3>Claims</h3>\n<table class=\"grid ack-claims\"><tr><th>Claim</th><th>Status</th><th>Patient</th>")
            html.raw("<th>Charge</th><th>Payer claim #</th><th>Why</th></tr>\n")
            for claim in report.claims {
                html.raw("<tr><td class=\"mono\">")
                html.text(claim.patientControlNumber)
                html.raw("</td><td>")
                disposition(&html, claim.status)
                html.raw("</td><td>")
                html.text(claim.patientName ?? "")
                html.raw("</td><td class=\"num\">")
                html.text(claim.chargeAmount.map { "\($0)" } ?? "")
                html.raw("</td><td class=\"mono\">")
                html.text(claim.payerClaimControlNumber ?? "")
                html.raw("</td><td>")
                reasons(&html, claim.reasons)
                html.raw("</td></tr>\n")
            }
            html.raw("</table>\n")
        }
        if !report.transactionSets.isEmpty {
            html.raw("<h3>Transaction sets acknowledged</h3>\n<table class=\"grid ack-sets\"><tr><th>Acknowledged</th><th>Status</th>")
            html.raw("<th>Errors</th></tr>\n")
            for set in report.transactionSets {
                html.raw("<tr><td class=\"mono\">")
                html.text("\(set.transactionSetId) ST02 \(set.controlNumber) (GS06 \(set.groupControlNumber))")
                html.raw("</td><td>")
                status(&html, set.status, code: set.code)
                html.raw("</td><td>")
                reasons(&html, set.setErrors)
                for issue in set.errors {
                    html.raw("<div class=\"issue\">")
                    var place = "\(issue.segmentId)"
                    if let position = issue.segmentPosition { place += " at position \(position)" }
                    if !issue.loopId.isEmpty { place += " loop \(issue.loopId)" }
                    if let element = issue.elementPosition { place += " element \(element)" }
                    html.text(place + ": " + issue.description)
                    html.raw(" <code>")
                    html.text(issue.code)
                    html.raw("</code>")
                    if let claim = issue.claim {
                        html.raw(" <span class=\"muted\">claim ")
                        html.text(claim)
                        html.raw("</span>")
                    }
                    html.raw("</div>")
                }
                html.raw("</td></tr>\n")
            }
            html.raw("</table>\n")
        }
        if !report.groups.isEmpty {
            html.raw("<h3>Functional groups acknowledged</h3>\n<table class=\"grid ack-groups\"><tr><th>Acknowledged</th><th>Status</th>")
            html.raw("<th>Included / received / accepted</th><th>Errors</th></tr>\n")
            for group in report.groups {
                html.raw("<tr><td class=\"mono\">")
                html.text("\(group.functionalId) GS06 \(group.controlNumber) \(group.version)")
                html.raw("</td><td>")
                status(&html, group.status, code: group.code)
                html.raw("</td><td>")
                html.text([group.includedCount, group.receivedCount, group.acceptedCount].map { $0.map(String.init) ?? "?" }.joined(separator: " / "))
                html.raw("</td><td>")
                reasons(&html, group.errors)
                html.raw("</td></tr>\n")
            }
            html.raw("</table>\n")
        }
        if !report.interchanges.isEmpty {
            html.raw("<h3>Interchanges acknowledged (TA1)</h3>\n<table class=\"grid ack-interchanges\"><tr><th>ISA13</th><th>Date</th>")
            html.raw("<th>Status</th><th>Note</th></tr>\n")
            for interchange in report.interchanges {
                html.raw("<tr><td class=\"mono\">")
                html.text(interchange.controlNumber)
                html.raw("</td><td>")
                html.text("\(interchange.date) \(interchange.time)")
                html.raw("</td><td>")
                status(&html, interchange.status, code: interchange.code)
                html.raw("</td><td>")
                reasons(&html, [interchange.note])
                html.raw("</td></tr>\n")
            }
            html.raw("</table>\n")
        }
        if !report.problems.isEmpty {
            html.raw("<h3>Problems reading the acknowledgment</h3><ul class=\"findings\">\n")
            for problem in report.problems {
                html.raw("<li class=\"error\">")
                html.text(problem.error.description)
                html.raw(" <code>")
                html.text(problem.kind.rawValue)
                html.raw("</code></li>\n")
            }
            html.raw("</ul>\n")
        }
        html.raw("</section>\n")
        return html
    }

    /// `1 claim`, `2 claims`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    private static func disposition(_ html: inout HTML, _ disposition: ClaimDisposition) {
        switch disposition {
        case .accepted: html.raw("<span class=\"badge valid\">accepted</span>")
        case .rejected: html.raw("<span class=\"badge invalid\">rejected</span>")
        case .pending: html.raw("<span class=\"badge warn\">pending</span>")
        }
    }

    private static func status(_ html: inout HTML, _ status: AckStatus, code: String) {
        switch status {
        case .accepted: html.raw("<span class=\"badge valid\">")
        case .acceptedWithErrors, .partiallyAccepted, .unknown: html.raw("<span class=\"badge warn\">")
        case .rejected: html.raw("<span class=\"badge invalid\">")
        }
        html.text("\(status.rawValue) (\(code))")
        html.raw("</span>")
    }

    private static func reasons(_ html: inout HTML, _ reasons: [AckReport.Reason]) {
        for (offset, reason) in reasons.enumerated() {
            if offset > 0 { html.raw("<br>") }
            html.raw("<code>")
            html.text(reason.code)
            html.raw("</code> ")
            html.text(reason.description)
            html.raw(" <span class=\"muted\">(")
            html.text(reason.source)
            html.raw(")</span>")
        }
    }
}
