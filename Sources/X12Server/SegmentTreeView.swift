import X12

/// The segment tree: every segment numbered (in the file and inside its transaction set), indented by
/// envelope and hierarchy, loop names above the segments that open a loop, findings inline.
enum SegmentTreeView {
    static func render(_ inspection: Inspection) -> HTML {
        var html = HTML()
        html.raw("<h2 id=\"tree\">Segments</h2>\n")
        html.raw("<p class=\"muted\"># = position in the file · ST# = position in the transaction set (the number a 999 IK302 reports)</p>\n")
        html.raw("<table class=\"tree\" id=\"segment-tree\">\n<tr class=\"head\"><td class=\"n\">#</td><td class=\"p\">ST#</td><td class=\"s\"></td></tr>\n")
        var previousIndex = 0
        for row in inspection.rows {
            let findings = inspection.findings[row.index] ?? []
            if row.index > previousIndex + 1 { gapRow(&html, row.index - previousIndex - 1) }
            previousIndex = row.index
            if let loop = inspection.loops[row.index] {
                html.raw("<tr class=\"loop\"><td class=\"n\"></td><td class=\"p\"></td><td class=\"s\"")
                indent(&html, row.depth)
                html.raw(">Loop ")
                html.text(loop.id)
                if !loop.name.isEmpty {
                    html.raw(" · ")
                    html.text(loop.name)
                }
                html.raw("</td></tr>\n")
            }
            segmentRow(&html, row, findings: findings)
            for finding in findings {
                findingRow(&html, finding, row: row)
            }
        }
        if inspection.segmentCount > previousIndex { gapRow(&html, inspection.segmentCount - previousIndex) }
        html.raw("</table>\n")
        return html
    }

    /// A row standing for segments left out of a large file's tree.
    private static func gapRow(_ html: inout HTML, _ count: Int) {
        html.raw("<tr class=\"gap\"><td class=\"n\">…</td><td class=\"p\"></td><td class=\"s muted\">")
        html.number(count)
        html.raw(count == 1 ? " segment without findings not shown</td></tr>\n" : " segments without findings not shown</td></tr>\n")
    }

    private static func indent(_ html: inout HTML, _ depth: Int) {
        html.raw(" style=\"padding-left:")
        html.number(8 + depth * 18)
        html.raw("px\"")
    }

    private static func segmentRow(_ html: inout HTML, _ row: SegmentRow, findings: [Finding]) {
        let segment = row.segment
        let id = segment.id
        let hasError = findings.contains { $0.severity == .error }
        html.raw(findings.isEmpty ? "<tr id=\"seg-" : hasError ? "<tr class=\"bad\" id=\"seg-" : "<tr class=\"warn\" id=\"seg-")
        html.number(row.index)
        html.raw("\"><td class=\"n\">")
        html.number(row.index)
        html.raw("</td><td class=\"p\">")
        if let position = row.transactionPosition { html.number(position) }
        html.raw("</td><td class=\"s\"")
        indent(&html, row.depth)
        html.raw("><span class=\"sid\">")
        html.text(id)
        html.raw("</span>")
        let badElements = Set(findings.filter { $0.severity == .error }.compactMap(\.elementPosition))
        let warnedElements = Set(findings.compactMap(\.elementPosition))
        let separator = String(decoding: [segment.delimiters.element], as: UTF8.self)
        for (offset, element) in segment.elements.enumerated() {
            let position = offset + 1
            html.raw("<span class=\"sep\">")
            html.text(separator)
            html.raw(badElements.contains(position) ? "</span><span class=\"el bad\" title=\""
                     : warnedElements.contains(position) ? "</span><span class=\"el warn\" title=\"" : "</span><span class=\"el\" title=\"")
            html.text(FindingText.elementReference(segmentId: id, element: position, component: nil))
            html.raw("\">")
            html.text(element.text)
            html.raw("</span>")
        }
        html.raw("</td></tr>\n")
    }

    private static func findingRow(_ html: inout HTML, _ finding: Finding, row: SegmentRow) {
        html.raw("<tr class=\"finding\"><td class=\"n\"></td><td class=\"p\"></td><td class=\"s\"")
        indent(&html, row.depth)
        html.raw(finding.severity == .error ? "><span class=\"finding-line\">" : "><span class=\"finding-line warning\">")
        if let element = finding.elementPosition {
            html.raw("<b>")
            html.text(FindingText.elementReference(segmentId: row.segment.id, element: element,
                                                   component: finding.componentPosition))
            html.raw("</b> ")
        }
        html.text(finding.message)
        html.raw(" <code>")
        html.text(finding.code)
        html.raw("</code></span></td></tr>\n")
    }
}
