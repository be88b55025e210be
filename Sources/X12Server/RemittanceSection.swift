import Foundation
import X12Remittance

/// The 835 part of the report: each payment, its claims and service lines with adjustments, provider
/// adjustments (PLB), balancing findings, and the CSV of `x12 remit --format csv` to download.
enum RemittanceSection {
    /// Claims shown in the tables; the CSV always holds every claim.
    static let maximumClaimRows = 1_000
    /// The largest CSV embedded in the page as a one-click download; a larger one is fetched from
    /// `/api/remit?format=csv` by choosing the file again.
    static let maximumEmbeddedCSVBytes = 2 * 1024 * 1024

    static func render(_ report: RemittanceReport, csv: [UInt8], fileName: String) -> HTML {
        var html = HTML()
        html.raw("<section class=\"card\" id=\"payments\"><h2>Payments</h2>\n<p>")
        html.number(report.summary.transactionCount)
        html.raw(report.summary.transactionCount == 1 ? " payment · " : " payments · ")
        html.number(report.summary.claimCount)
        html.raw(report.summary.claimCount == 1 ? " claim · " : " claims · ")
        html.number(report.summary.serviceLineCount)
        html.raw(report.summary.serviceLineCount == 1 ? " service line · paid " : " service lines · paid ")
        html.text(report.summary.paidAmount.description)
        html.raw(" · ")
        html.number(report.summary.warningCount)
        html.raw(report.summary.warningCount == 1 ? " balancing warning · " : " balancing warnings · ")
        if csv.count <= maximumEmbeddedCSVBytes {
            html.raw("<a id=\"csv-download\" download=\"")
            html.text(csvName(fileName))
            html.raw("\" href=\"data:text/csv;charset=utf-8;base64,")
            html.text(Data(csv).base64EncodedString())
            html.raw("\">Download CSV</a></p>\n")
        } else {
            html.raw("CSV: ")
            html.text(ByteCount.text(csv.count))
            html.raw("</p>\n<form id=\"csv-form\" method=\"post\" action=\"/api/remit?format=csv\" enctype=\"multipart/form-data\">")
            html.raw("Too large to embed: choose the same file again <input type=\"file\" name=\"file\" required> ")
            html.raw("<button type=\"submit\">Download CSV</button></form>\n")
        }
        var claimRows = 0
        for remittance in report.transactions {
            payment(&html, remittance, start: remittance.segmentIndex, claimRows: &claimRows)
        }
        if claimRows < report.summary.claimCount {
            html.raw("<p class=\"muted\" id=\"claims-not-shown\">")
            let hidden = report.summary.claimCount - claimRows
            html.number(hidden)
            html.raw(hidden == 1 ? " more claim is not shown here; the CSV has every claim.</p>\n"
                     : " more claims are not shown here; the CSV has every claim.</p>\n")
        }
        if !report.errors.isEmpty {
            html.raw("<h3>Errors</h3><ul class=\"findings\">\n")
            for problem in report.errors {
                html.raw("<li class=\"error\">")
                html.text(problem.description)
                html.raw(" <code>")
                html.text(problem.kind.rawValue)
                html.raw("</code></li>\n")
            }
            html.raw("</ul>\n")
        }
        html.raw("</section>\n")
        return html
    }

    private static func payment(_ html: inout HTML, _ remittance: Remittance, start: Int, claimRows: inout Int) {
        html.raw("<h3>")
        html.text("Payment \(remittance.payment.traceNumber) · \(remittance.payment.amount) · \(remittance.payment.methodDescription ?? remittance.payment.method) · \(remittance.payment.date)")
        html.raw("</h3>\n<p class=\"muted\">Payer ")
        html.text(remittance.payer.name)
        html.raw(" → payee ")
        html.text(remittance.payee.name + (remittance.payee.npi.map { " (NPI \($0))" } ?? ""))
        html.raw(" · ST02 ")
        html.text(remittance.transactionSetControlNumber)
        html.raw("</p>\n")
        html.raw("<table class=\"grid payments\"><tr><th>Claim (CLP01)</th><th>Status</th><th>Patient</th><th>Payer claim #</th>")
        html.raw("<th>Charge</th><th>Paid</th><th>Patient resp.</th><th>Adjustments</th></tr>\n")
        for claim in remittance.claims {
            guard claimRows < maximumClaimRows else { break }
            claimRows += 1
            html.raw("<tr class=\"claim\"><td class=\"mono\">")
            segmentLink(&html, claim.patientControlNumber, remittance: remittance, segment: claim.segment, start: start)
            html.raw("</td><td>")
            html.text(claim.status + (claim.statusDescription.map { " " + $0 } ?? ""))
            html.raw("</td><td>")
            html.text(name(claim.patient))
            html.raw("</td><td class=\"mono\">")
            html.text(claim.payerClaimControlNumber)
            html.raw("</td><td class=\"num\">")
            html.text(claim.chargeAmount.description)
            html.raw("</td><td class=\"num\">")
            html.text(claim.paidAmount.description)
            html.raw("</td><td class=\"num\">")
            html.text(claim.patientResponsibilityAmount?.description ?? "")
            html.raw("</td><td>")
            adjustments(&html, claim.adjustments)
            html.raw("</td></tr>\n")
            for line in claim.lines {
                html.raw("<tr class=\"line\"><td class=\"mono\">↳ ")
                let procedure = ([line.procedureCode] + line.modifiers).joined(separator: ":")
                segmentLink(&html, procedure, remittance: remittance, segment: line.segment, start: start)
                html.raw("</td><td>")
                html.text([line.serviceDate ?? line.serviceStartDate, line.units.isEmpty ? nil : "units " + line.units]
                    .compactMap { $0 }.joined(separator: " · "))
                html.raw("</td><td>")
                html.text(line.remarkCodes.isEmpty ? "" : "remarks " + line.remarkCodes.joined(separator: ", "))
                html.raw("</td><td class=\"mono\">")
                html.text(line.lineControlNumber ?? "")
                html.raw("</td><td class=\"num\">")
                html.text(line.chargeAmount.description)
                html.raw("</td><td class=\"num\">")
                html.text(line.paidAmount.description)
                html.raw("</td><td class=\"num\">")
                html.text(line.allowedAmount.map { "allowed " + $0.description } ?? "")
                html.raw("</td><td>")
                adjustments(&html, line.adjustments)
                html.raw("</td></tr>\n")
            }
        }
        html.raw("</table>\n")
        if !remittance.providerAdjustments.isEmpty {
            html.raw("<h4>Provider adjustments (PLB)</h4>\n<table class=\"grid plb\"><tr><th>Provider</th><th>Fiscal period</th>")
            html.raw("<th>Reason</th><th>Reference</th><th>Amount</th></tr>\n")
            for adjustment in remittance.providerAdjustments {
                html.raw("<tr><td class=\"mono\">")
                html.text(adjustment.providerIdentifier)
                html.raw("</td><td>")
                html.text(adjustment.fiscalPeriodDate)
                html.raw("</td><td>")
                html.text(adjustment.reason + (adjustment.reasonDescription.map { " " + $0 } ?? ""))
                html.raw("</td><td class=\"mono\">")
                html.text(adjustment.reference ?? "")
                html.raw("</td><td class=\"num\">")
                html.text(adjustment.amount.description)
                html.raw("</td></tr>\n")
            }
            html.raw("</table>\n")
        }
        let findings = remittance.allBalanceFindings
        html.raw("<h4>Balance</h4>\n")
        if findings.isEmpty {
            html.raw("<p><span class=\"badge valid\">BALANCED</span> claims, lines and the payment total add up.</p>\n")
        } else {
            html.raw("<ul class=\"findings balance\">\n")
            for finding in findings {
                html.raw("<li class=\"warning\">")
                segmentLink(&html, "\(finding.segmentId) (\(finding.rule.rawValue))", remittance: remittance, segment: finding.segment, start: start)
                html.raw(": ")
                html.text(finding.message)
                html.raw("</li>\n")
            }
            html.raw("</ul>\n")
        }
    }

    /// A link to the tree row of a segment given by its position in the transaction set.
    private static func segmentLink(_ html: inout HTML, _ text: String, remittance: Remittance, segment: Int, start: Int) {
        guard start >= 1, segment >= 1 else {
            html.text(text)
            return
        }
        html.raw("<a href=\"#seg-")
        html.number(start + segment - 1)
        html.raw("\">")
        html.text(text)
        html.raw("</a>")
    }

    private static func adjustments(_ html: inout HTML, _ adjustments: [ClaimAdjustment]) {
        for (offset, adjustment) in adjustments.enumerated() {
            if offset > 0 { html.raw("<br>") }
            html.raw("<span title=\"")
            html.text([adjustment.groupDescription, adjustment.reasonDescription].compactMap { $0 }.joined(separator: ": "))
            html.raw("\">")
            html.text("\(adjustment.group)-\(adjustment.reason) \(adjustment.amount)")
            html.raw("</span>")
        }
    }

    private static func name(_ name: RemittanceName?) -> String {
        guard let name else { return "" }
        return [name.lastName, name.firstName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// `payment.835` → `payment.835.csv`; names that are not file names become `remittance.csv`.
    static func csvName(_ fileName: String) -> String {
        let safe = fileName.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        return safe && !fileName.isEmpty ? fileName + ".csv" : "remittance.csv"
    }
}
