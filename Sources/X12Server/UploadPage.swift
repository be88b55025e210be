/// `GET /`: choose a file or paste X12 text.
enum UploadPage {
    /// The page, stating the upload limit.
    static func render(maxUploadBytes: Int, hasLedger: Bool = false) -> String {
        var body = HTML()
        body.raw("<h1>Inspect an X12 file</h1>\n")
        body.raw("<p class=\"muted\">837P claims, 835 remittances, 999 and 277CA acknowledgments, TA1. ")
        body.raw("The file is read in memory and never stored or logged. Largest upload: ")
        body.text(ByteCount.text(maxUploadBytes))
        body.raw(".</p>\n")
        if hasLedger {
            body.raw("<p id=\"ledger-link\"><a href=\"/claims\">Claim worklist</a>: every claim in the ledger, from submission to payment.</p>\n")
        }
        body.raw("<div class=\"two\">\n")
        body.raw("<section class=\"card\"><h2>Upload a file</h2>\n")
        body.raw("<form class=\"inspect\" id=\"upload-form\" method=\"post\" action=\"/inspect\" enctype=\"multipart/form-data\">\n")
        body.raw("<input type=\"file\" name=\"file\" id=\"file\" required>\n")
        body.raw("<button type=\"submit\">Inspect file</button>\n")
        paperViewButtons(&body)
        body.raw("</form></section>\n")
        body.raw("<section class=\"card\"><h2>Paste X12 text</h2>\n")
        body.raw("<form class=\"inspect\" id=\"paste-form\" method=\"post\" action=\"/inspect\">\n")
        body.raw("<textarea name=\"text\" id=\"text\" rows=\"10\" spellcheck=\"false\" required placeholder=\"ISA*00*          *00*          *ZZ*SENDER ...\"></textarea>\n")
        body.raw("<button type=\"submit\">Inspect text</button>\n")
        paperViewButtons(&body)
        body.raw("</form></section>\n</div>\n")
        body.raw("<section class=\"card\"><h2>For scripts</h2>\n")
        body.raw("<p>The same answers as <code>x12 validate</code>, <code>x12 remit</code> and <code>x12 ack</code> with ")
        body.raw("<code>--format json</code>: post the raw X12 as the request body.</p>\n")
        body.raw("<pre class=\"example\">curl --data-binary @claims.837 http://HOST/api/validate\n")
        body.raw("curl --data-binary @payment.835 http://HOST/api/remit\n")
        body.raw("curl --data-binary @payment.835 'http://HOST/api/remit?format=csv'\n")
        body.raw("curl --data-binary @response.999 http://HOST/api/ack</pre>\n</section>\n")
        return PageLayout.document(title: "Inspect an X12 file", body: body)
    }

    /// The buttons that send the same form to the paper views (print-ready pages, `x12 render`).
    private static func paperViewButtons(_ body: inout HTML) {
        body.raw("<button type=\"submit\" class=\"secondary\" formaction=\"/view/cms1500\" formtarget=\"_blank\">CMS-1500 forms (837P)</button>\n")
        body.raw("<button type=\"submit\" class=\"secondary\" formaction=\"/view/remit\" formtarget=\"_blank\">Paper remittance (835)</button>\n")
    }
}

/// Human-readable byte counts for limits and file sizes.
enum ByteCount {
    /// `52428800` → `50 MB`, `1536` → `1.5 KB`, `12` → `12 bytes` (binary multiples, one decimal).
    static func text(_ bytes: Int) -> String {
        let units = ["KB", "MB", "GB"]
        guard bytes >= 1024 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        var value = bytes
        var unit = -1
        var tenths = 0
        while value >= 1024, unit < units.count - 1 {
            tenths = (value % 1024) * 10 / 1024
            value /= 1024
            unit += 1
        }
        return tenths == 0 ? "\(value) \(units[unit])" : "\(value).\(tenths) \(units[unit])"
    }
}
