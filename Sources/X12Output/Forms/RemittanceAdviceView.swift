import X12Remittance

/// Renders 835 remittances as a Standard Paper Remittance (SPR) style view in print-ready HTML, streamed
/// event by event from a `RemittanceDecoder`: a printable page per claim payment (to send to a secondary
/// payer), a summary page per check with its totals and provider-level adjustments (PLB), and a glossary of
/// only the group, CARC and RARC codes used.
///
/// Claim pages are `section`s with `data-pcn` (CLP01), `data-icn`, `data-status`, `data-billed` and
/// `data-paid`; line rows carry `data-billed`, `data-allowed` and `data-paid`; the check summary carries
/// `data-check` (TRN02) and `data-paid` (BPR02). Call ``begin()``, ``write(_:)`` for each event, then
/// ``finish()``.
public struct RemittanceAdviceView {
    private var header: Remittance?
    private var totals = CheckTotals()
    private var glossary = RemittanceGlossary()

    /// Running totals of one check.
    private struct CheckTotals {
        var claims = 0
        var billed = Money.zero
        var allowed = Money.zero
        var deductible = Money.zero
        var coinsurance = Money.zero
        var adjustments = Money.zero
        var paid = Money.zero
    }

    /// Creates a view.
    public init() {}

    /// The document head and stylesheet.
    public func begin() -> String {
        var html = HTMLText()
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Remittance advice</title>\n<style>\n")
        html.raw(Self.stylesheet)
        html.raw("</style>\n</head>\n<body>\n")
        return html.output
    }

    /// The HTML of one event: a claim page for a claim, the check summary page at the trailer.
    public mutating func write(_ event: RemittanceEvent) -> String {
        switch event {
        case .header(let remittance):
            header = remittance
            totals = CheckTotals()
            return ""
        case .claim(let claim):
            guard let header else { return "" }
            glossary.add(claim)
            return claimPage(claim, header: header)
        case .trailer(let trailer):
            guard let header else { return "" }
            self.header = nil
            return summaryPage(trailer, header: header)
        }
    }

    /// The glossary page and the end of the document.
    public func finish() -> String {
        var html = HTMLText()
        html.raw("<section class=\"page glossary\">\n<h2>Glossary of the codes used</h2>\n")
        html.append(Self.glossaryList(glossary))
        html.raw("</section>\n</body>\n</html>\n")
        return html.output
    }

    /// A whole document of the given remittances.
    public static func document(_ remittances: [Remittance]) -> String {
        var view = RemittanceAdviceView()
        var output = view.begin()
        for remittance in remittances {
            var header = remittance
            header.claims = []
            output += view.write(.header(header))
            for claim in remittance.claims { output += view.write(.claim(claim)) }
            var trailer = RemittanceTrailer(transactionSetControlNumber: remittance.transactionSetControlNumber)
            trailer.providerAdjustments = remittance.providerAdjustments
            trailer.totals = remittance.totals
            output += view.write(.trailer(trailer))
        }
        return output + view.finish()
    }

    // MARK: Pages

    private mutating func claimPage(_ claim: RemittanceClaim, header: Remittance) -> String {
        var html = HTMLText()
        html.raw("<section class=\"page claim\"")
        html.attribute("data-pcn", claim.patientControlNumber)
        html.attribute("data-icn", claim.payerClaimControlNumber)
        html.attribute("data-status", claim.status)
        html.attribute("data-billed", claim.chargeAmount.description)
        html.attribute("data-paid", claim.paidAmount.description)
        html.raw(">\n")
        Self.checkHeader(header, into: &html)

        html.raw("<table class=\"claim-head\"><tr>")
        Self.labelled("NAME", Self.name(claim.patient), field: "patient", into: &html)
        Self.labelled("ID", claim.patient?.identifier ?? "", field: "patient-id", into: &html)
        Self.labelled("ACNT", claim.patientControlNumber, field: "pcn", into: &html)
        Self.labelled("ICN", claim.payerClaimControlNumber, field: "icn", into: &html)
        Self.labelled("STATUS", claim.status + (claim.statusDescription.map { " " + $0 } ?? ""), field: "status", into: &html)
        let dates = [claim.statementStartDate, claim.statementEndDate].compactMap { $0 }.map(FormDate.slashed)
        Self.labelled("DATES", dates.joined(separator: " - "), field: "dates", into: &html)
        html.raw("</tr></table>\n")

        html.raw("<table class=\"lines\">\n<thead><tr><th>PERF PROV</th><th>SERV DATE</th><th>PROC</th><th>MODS</th><th>UNITS</th>")
        html.raw("<th class=\"n\">BILLED</th><th class=\"n\">ALLOWED</th><th class=\"n\">DEDUCT</th><th class=\"n\">COINS</th>")
        html.raw("<th>GRP/RC-AMT</th><th class=\"n\">PROV PD</th><th>REMARKS</th></tr></thead>\n<tbody>\n")
        var claimTotals = CheckTotals()
        let provider = claim.serviceProvider?.identifier ?? ""
        for line in claim.lines {
            let deductible = Self.sum(line.adjustments, reason: "1")
            let coinsurance = Self.sum(line.adjustments, reason: "2")
            claimTotals.billed += line.chargeAmount
            claimTotals.allowed += line.allowedAmount ?? .zero
            claimTotals.deductible += deductible
            claimTotals.coinsurance += coinsurance
            claimTotals.paid += line.paidAmount
            html.raw("<tr class=\"line\"")
            html.attribute("data-billed", line.chargeAmount.description)
            if let allowed = line.allowedAmount { html.attribute("data-allowed", allowed.description) }
            html.attribute("data-paid", line.paidAmount.description)
            html.raw(">")
            Self.cell(provider, into: &html)
            Self.cell((line.serviceDate ?? line.serviceStartDate).map(FormDate.slashed) ?? "", into: &html)
            Self.cell(line.procedureCode, into: &html)
            Self.cell(line.modifiers.joined(separator: " "), into: &html)
            Self.cell(line.units, into: &html)
            Self.amount(line.chargeAmount, into: &html)
            Self.amount(line.allowedAmount, into: &html)
            Self.amount(deductible, into: &html)
            Self.amount(coinsurance, into: &html)
            Self.cell(Self.adjustmentText(line.adjustments), into: &html)
            Self.amount(line.paidAmount, into: &html)
            Self.cell(line.remarkCodes.joined(separator: " "), into: &html)
            html.raw("</tr>\n")
        }
        if !claim.adjustments.isEmpty {
            html.raw("<tr class=\"claim-adjustments\"><td colspan=\"7\">CLAIM ADJUSTMENTS</td>")
            Self.amount(Self.sum(claim.adjustments, reason: "1"), into: &html)
            Self.amount(Self.sum(claim.adjustments, reason: "2"), into: &html)
            Self.cell(Self.adjustmentText(claim.adjustments), into: &html)
            html.raw("<td></td><td></td></tr>\n")
        }
        claimTotals.deductible += Self.sum(claim.adjustments, reason: "1")
        claimTotals.coinsurance += Self.sum(claim.adjustments, reason: "2")
        html.raw("<tr class=\"claim-total\"><td colspan=\"5\">CLAIM TOTALS</td>")
        Self.amount(claim.chargeAmount, into: &html)
        Self.amount(claim.lines.contains { $0.allowedAmount != nil } ? claimTotals.allowed : nil, into: &html)
        Self.amount(claimTotals.deductible, into: &html)
        Self.amount(claimTotals.coinsurance, into: &html)
        Self.cell(claim.adjustmentTotal.description, into: &html)
        Self.amount(claim.paidAmount, into: &html)
        html.raw("<td></td></tr>\n</tbody>\n</table>\n")

        html.raw("<p class=\"claim-foot\">PT RESP <span data-field=\"patient-responsibility\">")
        html.text((claim.patientResponsibilityAmount ?? .zero).description)
        html.raw("</span>")
        if let remarks = claim.adjudication?.remarkCodes, !remarks.isEmpty {
            html.raw(" &middot; CLAIM REMARKS <span data-field=\"claim-remarks\">")
            html.text(remarks.joined(separator: " "))
            html.raw("</span>")
        }
        html.raw(" &middot; NET <span data-field=\"net\">")
        html.text(claim.paidAmount.description)
        html.raw("</span></p>\n")

        var codes = RemittanceGlossary()
        codes.add(claim)
        if !codes.isEmpty {
            html.raw("<div class=\"claim-glossary\"><h3>Codes on this claim</h3>\n")
            html.append(Self.glossaryList(codes))
            html.raw("</div>\n")
        }
        html.raw("</section>\n")

        totals.claims += 1
        totals.billed += claim.chargeAmount
        totals.allowed += claimTotals.allowed
        totals.deductible += claimTotals.deductible
        totals.coinsurance += claimTotals.coinsurance
        totals.adjustments += claim.adjustmentTotal
        totals.paid += claim.paidAmount
        return html.output
    }

    private func summaryPage(_ trailer: RemittanceTrailer, header: Remittance) -> String {
        var html = HTMLText()
        html.raw("<section class=\"page check-summary\"")
        html.attribute("data-check", header.payment.traceNumber)
        html.attribute("data-paid", header.payment.amount.description)
        html.raw(">\n")
        Self.checkHeader(header, into: &html)
        html.raw("<h2>Totals</h2>\n<table class=\"totals\"><thead><tr><th># CLAIMS</th><th class=\"n\">BILLED</th>")
        html.raw("<th class=\"n\">ALLOWED</th><th class=\"n\">DEDUCT</th><th class=\"n\">COINS</th><th class=\"n\">TOTAL RC-AMT</th>")
        html.raw("<th class=\"n\">PROV PD</th><th class=\"n\">PROV ADJ</th><th class=\"n\">CHECK AMT</th></tr></thead>\n<tbody><tr>")
        Self.cell(String(totals.claims), into: &html)
        Self.amount(totals.billed, into: &html)
        Self.amount(totals.allowed, into: &html)
        Self.amount(totals.deductible, into: &html)
        Self.amount(totals.coinsurance, into: &html)
        Self.amount(totals.adjustments, into: &html)
        Self.amount(totals.paid, into: &html)
        Self.amount(trailer.providerAdjustments.map(\.amount).sum(), into: &html)
        Self.amount(header.payment.amount, into: &html)
        html.raw("</tr></tbody></table>\n")
        if !trailer.providerAdjustments.isEmpty {
            html.raw("<h2>Provider adjustments (PLB)</h2>\n<table class=\"plb\"><thead><tr><th>PROVIDER</th><th>FISCAL DATE</th>")
            html.raw("<th>REASON</th><th>REFERENCE</th><th class=\"n\">AMOUNT</th></tr></thead>\n<tbody>\n")
            for adjustment in trailer.providerAdjustments {
                html.raw("<tr class=\"plb\"")
                html.attribute("data-reason", adjustment.reason)
                html.attribute("data-amount", adjustment.amount.description)
                html.raw(">")
                Self.cell(adjustment.providerIdentifier, into: &html)
                Self.cell(FormDate.slashed(adjustment.fiscalPeriodDate), into: &html)
                Self.cell(adjustment.reason + (adjustment.reasonDescription.map { " " + $0 } ?? ""), into: &html)
                Self.cell(adjustment.reference ?? "", into: &html)
                Self.amount(adjustment.amount, into: &html)
                html.raw("</tr>\n")
            }
            html.raw("</tbody></table>\n<p class=\"note\">A positive provider adjustment is withheld from the check; a negative one is added to it.</p>\n")
        }
        html.raw("</section>\n")
        return html.output
    }

    // MARK: Pieces

    private static func checkHeader(_ header: Remittance, into html: inout HTMLText) {
        html.raw("<header class=\"check\">\n<div class=\"payer\"><span class=\"caption\">PAYER</span><div data-field=\"payer\">")
        html.text(header.payer.name)
        html.raw("</div>")
        if let address = header.payer.address { addressLines(address, into: &html) }
        html.raw("</div>\n<div class=\"payee\"><span class=\"caption\">PAYEE</span><div data-field=\"payee\">")
        html.text(header.payee.name)
        html.raw("</div>")
        if let npi = header.payee.npi {
            html.raw("<div>NPI <span data-field=\"payee-npi\">")
            html.text(npi)
            html.raw("</span></div>")
        }
        if let taxId = header.payee.taxId {
            html.raw("<div>TIN <span data-field=\"payee-tin\">")
            html.text(taxId)
            html.raw("</span></div>")
        }
        html.raw("</div>\n<div class=\"payment\"><span class=\"caption\">")
        html.text(header.payment.method == "CHK" ? "CHECK #" : "CHECK/EFT #")
        html.raw("</span><div data-field=\"check\">")
        html.text(header.payment.traceNumber)
        html.raw("</div><div>DATE <span data-field=\"check-date\">")
        html.text(FormDate.slashed(header.payment.date))
        html.raw("</span></div><div>AMOUNT <span data-field=\"check-amount\">")
        html.text(header.payment.amount.description)
        html.raw("</span></div><div>")
        html.text(header.payment.methodDescription ?? header.payment.method)
        html.raw("</div></div>\n</header>\n")
    }

    private static func addressLines(_ address: RemittanceAddress, into html: inout HTMLText) {
        html.raw("<div>")
        html.text([address.line1, address.line2 ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
        html.raw("</div><div>")
        html.text(address.city + (address.state.map { ", " + $0 } ?? "") + (address.postalCode.map { " " + NameText.zip($0) } ?? ""))
        html.raw("</div>")
    }

    private static func glossaryList(_ glossary: RemittanceGlossary) -> HTMLText {
        var html = HTMLText()
        html.raw("<dl class=\"codes\">\n")
        for entry in glossary.entries {
            html.raw("<dt")
            html.attribute("data-kind", entry.kind)
            html.attribute("data-code", entry.code)
            html.raw(">")
            html.text(entry.code)
            html.raw("</dt><dd>")
            html.text(entry.text)
            html.raw("</dd>\n")
        }
        html.raw("</dl>\n")
        return html
    }

    private static func labelled(_ caption: StaticString, _ value: String, field: String, into html: inout HTMLText) {
        html.raw("<td><span class=\"caption\">")
        html.raw(caption)
        html.raw("</span> <span")
        html.attribute("data-field", field)
        html.raw(">")
        html.text(value)
        html.raw("</span></td>")
    }

    private static func cell(_ text: String, into html: inout HTMLText) {
        html.raw("<td>")
        html.text(text)
        html.raw("</td>")
    }

    private static func amount(_ value: Money?, into html: inout HTMLText) {
        html.raw("<td class=\"n\">")
        if let value { html.text(value.description) }
        html.raw("</td>")
    }

    private static func sum(_ adjustments: [ClaimAdjustment], reason: String) -> Money {
        adjustments.filter { $0.group == "PR" && $0.reason == reason }.map(\.amount).sum()
    }

    private static func adjustmentText(_ adjustments: [ClaimAdjustment]) -> String {
        adjustments.map { "\($0.group)-\($0.reason) \($0.amount.description)" }.joined(separator: " ")
    }

    private static func name(_ name: RemittanceName?) -> String {
        guard let name else { return "" }
        return [name.lastName, [name.firstName, name.middleName].compactMap { $0 }.joined(separator: " ")]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static let stylesheet: StaticString = """
    @page { size: letter; margin: 0.5in; }
    body { margin: 0; font-family: "Courier New", Courier, monospace; font-size: 9pt; color: #000; background: #eee; }
    section.page { width: 7.5in; min-height: 10in; margin: 0.25in auto; padding: 0.3in; background: #fff;
      page-break-after: always; break-after: page; box-sizing: border-box; }
    .claim-head [data-field] { white-space: nowrap; }
    header.check { display: flex; justify-content: space-between; gap: 0.2in; border-bottom: 1pt solid #000;
      padding-bottom: 4pt; margin-bottom: 6pt; }
    .caption { font-size: 7pt; font-weight: bold; }
    table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
    th, td { text-align: left; padding: 1pt 3pt; vertical-align: top; }
    th { font-size: 7pt; border-bottom: 0.5pt solid #000; }
    .n { text-align: right; white-space: nowrap; }
    tr.claim-total td { border-top: 0.5pt solid #000; font-weight: bold; }
    h2 { font-size: 10pt; margin: 8pt 0 2pt; }
    h3 { font-size: 8pt; margin: 6pt 0 2pt; }
    dl.codes { display: grid; grid-template-columns: 0.7in 1fr; gap: 1pt 6pt; margin: 0; }
    dl.codes dt { font-weight: bold; }
    dl.codes dd { margin: 0; }
    .note { font-size: 7pt; }
    @media print {
      body { background: #fff; }
      section.page { margin: 0; padding: 0; width: auto; min-height: 0; }
    }

    """
}
