import X12

/// `POST /inspect`: summary, findings, the sections for the transaction types found, and the segment tree.
enum ReportPage {
    /// Segment rows rendered in full; past this only rows with findings are shown, so a 50 MB file
    /// still gives a page a browser can open.
    static let maximumTreeRows = 20_000

    /// The whole report for `inspection`, with extra sections (payments, acknowledgments) inserted
    /// between the findings and the tree.
    static func render(_ inspection: Inspection, sections: [HTML] = []) -> String {
        var body = HTML()
        body.element("h1", text: inspection.fileName)
        body.raw("\n")
        body.append(summary(inspection))
        body.append(findingList(inspection))
        for section in sections { body.append(section) }
        body.append(SegmentTreeView.render(inspection))
        return PageLayout.document(title: inspection.fileName, body: body)
    }

    static func summary(_ inspection: Inspection) -> HTML {
        var html = HTML()
        html.raw("<section class=\"card\" id=\"summary\"><h2>Summary</h2>\n<p>")
        if inspection.errorCount == 0 {
            html.raw("<span class=\"badge valid\" id=\"verdict\">VALID</span> ")
        } else {
            html.raw("<span class=\"badge invalid\" id=\"verdict\">INVALID</span> ")
        }
        html.text(inspection.kinds.map(\.name).joined(separator: ", ").nonEmpty ?? "no transaction sets")
        html.raw("</p>\n<p class=\"muted\">")
        html.text(ByteCount.text(inspection.byteCount))
        html.raw(" · ")
        html.number(inspection.segmentCount)
        html.raw(inspection.segmentCount == 1 ? " segment · " : " segments · ")
        html.number(inspection.transactionSets.count)
        html.raw(inspection.transactionSets.count == 1 ? " transaction set · " : " transaction sets · ")
        html.number(inspection.errorCount)
        html.raw(inspection.errorCount == 1 ? " error · " : " errors · ")
        html.number(inspection.warningCount)
        html.raw(inspection.warningCount == 1 ? " warning</p>\n" : " warnings</p>\n")
        if !inspection.transactionSets.isEmpty {
            html.raw("<table class=\"grid\" id=\"transaction-sets\"><tr><th>Type</th><th>ST02</th><th>Guide</th>")
            html.raw("<th>ISA13</th><th>Sender → receiver</th><th>Segments</th><th>Starts at</th></tr>\n")
            for set in inspection.transactionSets {
                html.raw("<tr><td>")
                html.text(set.kindName)
                html.raw("</td><td class=\"mono\">")
                html.text(set.controlNumber)
                html.raw("</td><td class=\"mono\">")
                html.text(set.implementationReference)
                html.raw("</td><td class=\"mono\">")
                html.text(set.interchangeControlNumber)
                html.raw("</td><td class=\"mono\">")
                html.text(set.senderId + " → " + set.receiverId)
                html.raw("</td><td class=\"num\">")
                html.number(set.segmentCount)
                html.raw("</td><td><a href=\"#seg-")
                html.number(set.firstSegmentIndex)
                html.raw("\">segment ")
                html.number(set.firstSegmentIndex)
                html.raw("</a></td></tr>\n")
            }
            html.raw("</table>\n")
        }
        html.raw("</section>\n")
        return html
    }

    static func findingList(_ inspection: Inspection) -> HTML {
        var html = HTML()
        let all = inspection.findings.keys.sorted().flatMap { inspection.findings[$0] ?? [] }
        guard !all.isEmpty else { return html }
        html.raw("<section class=\"card\" id=\"findings\"><h2>Errors and warnings</h2>\n")
        if let fatal = inspection.fatalError {
            html.raw("<div class=\"error-box\"><div class=\"error-line\" id=\"error-line\">")
            html.text(inspection.fileName + ":" + fatal.description)
            html.raw("</div><p>Reading stopped here; the segments before it are shown below.</p></div>\n")
        }
        html.raw("<ul class=\"findings\">\n")
        for finding in all {
            html.raw(finding.severity == .error ? "<li class=\"error\">" : "<li class=\"warning\">")
            if let index = finding.segmentIndex {
                html.raw("<a href=\"#seg-")
                html.number(index)
                html.raw("\">")
                html.text(FindingText.location(finding, segmentId: segmentId(inspection, index)))
                html.raw("</a>: ")
            }
            html.text(finding.message)
            html.raw(" <code>")
            html.text(finding.code)
            html.raw("</code></li>\n")
        }
        html.raw("</ul></section>\n")
        return html
    }

    private static func segmentId(_ inspection: Inspection, _ index: Int) -> String? {
        inspection.row(at: index)?.segment.id
    }
}

/// How a finding's place is written: `segment 12 (NM1) element 9`, the CLI's wording.
enum FindingText {
    static func location(_ finding: Finding, segmentId: String?) -> String {
        var text = "segment \(finding.segmentIndex ?? 0)"
        if let segmentId { text += " (\(segmentId))" }
        if let loopId = finding.loopId { text += " loop \(loopId)" }
        if let element = finding.elementPosition {
            text += " element \(element)"
            if let component = finding.componentPosition { text += " component \(component)" }
        }
        return text
    }

    /// `NM109`, `SV101-2`: the element reference printed next to an inline finding.
    static func elementReference(segmentId: String, element: Int, component: Int?) -> String {
        let number = element < 10 ? "0\(element)" : "\(element)"
        if let component { return "\(segmentId)\(number)-\(component)" }
        return segmentId + number
    }
}

extension String {
    /// `nil` for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
