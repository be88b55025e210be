/// A page that explains why a request could not be inspected (no file, bad form, too large, unreadable X12).
enum ErrorPage {
    /// The page: a heading, the error line, and a way back to the upload form.
    static func render(title: String, errorLine: String, detail: String? = nil) -> String {
        var body = HTML()
        body.element("h1", text: title)
        body.raw("\n<div class=\"error-box\"><div class=\"error-line\" id=\"error-line\">")
        body.text(errorLine)
        body.raw("</div>")
        if let detail { body.element("p", text: detail) }
        body.raw("</div>\n<p><a href=\"/\">Inspect another file</a></p>\n")
        return PageLayout.document(title: title, body: body)
    }
}
