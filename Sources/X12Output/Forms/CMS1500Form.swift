/// Renders claims as print-ready CMS-1500 (02/12) forms in HTML: one letter-size page per form, six lines a
/// form, laid out by ``CMS1500Layout`` and filled by ``CMS1500Crosswalk``.
///
/// Every value sits in an element with `data-box="<item>"` (check boxes also carry `data-choice`), service
/// lines in `data-line="1"`...`"6"`, and each form in a `section` with `data-claim="<CLM01>"` and
/// `data-page`/`data-pages`, so scripts can read a form back. Write ``documentStart(valuesOnly:)``, then
/// ``forms(for:)`` for each claim as it arrives, then ``documentEnd``.
public enum CMS1500Form {
    /// The document head, the print stylesheet and the opening `body`; `valuesOnly` hides the drawn form
    /// (captions and boxes), leaving the values at their positions for pre-printed forms.
    public static func documentStart(valuesOnly: Bool) -> String {
        var html = HTMLText()
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CMS-1500 claims</title>\n<style>\n")
        html.raw(stylesheet)
        html.raw("</style>\n</head>\n")
        if valuesOnly {
            html.raw("<body class=\"values-only\">\n")
        } else {
            html.raw("<body>\n")
        }
        return html.output
    }

    /// Closes the document.
    public static let documentEnd = "</body>\n</html>\n"

    /// The forms of one claim (one per six lines).
    public static func forms(for record: ClaimRecord) -> String {
        CMS1500Crosswalk.pages(for: record).map(form).joined()
    }

    /// A whole document of the given claims.
    public static func document(_ records: [ClaimRecord], valuesOnly: Bool = false) -> String {
        documentStart(valuesOnly: valuesOnly) + records.map(forms(for:)).joined() + documentEnd
    }

    /// One form page.
    public static func form(_ page: CMS1500Page) -> String {
        var html = HTMLText()
        html.raw("<section class=\"cms1500\"")
        html.attribute("data-claim", page.claimId)
        html.attribute("data-page", String(page.pageNumber))
        html.attribute("data-pages", String(page.pageCount))
        html.raw(">\n<div class=\"art\">\n<div class=\"title\">HEALTH INSURANCE CLAIM FORM</div>\n")
        html.raw("<div class=\"approved\">APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12</div>\n")
        for cell in CMS1500Layout.cells {
            html.raw("<div class=\"cell\" style=\"")
            position(&html, column: cell.column, row: cell.row, width: cell.width)
            html.raw("height:")
            html.number(Double(cell.height) * CMS1500Layout.rowHeight)
            html.raw("in\"><span class=\"caption\">")
            html.text(cell.caption)
            html.raw("</span></div>\n")
        }
        for box in CMS1500Layout.checkBoxes {
            html.raw("<div class=\"square\" style=\"")
            position(&html, column: box.column, row: box.row, width: 1)
            html.raw("\"><span class=\"choice\">")
            html.text(box.caption)
            html.raw("</span></div>\n")
        }
        if page.pageCount > 1 {
            html.raw("<div class=\"continued\">PAGE ")
            html.number(page.pageNumber)
            html.raw(" OF ")
            html.number(page.pageCount)
            html.raw("</div>\n")
        }
        html.raw("</div>\n")
        for slot in CMS1500Layout.slots {
            guard let value = page.values[slot.item] else { continue }
            put(&html, slot: slot, row: slot.row, text: value)
        }
        for (index, line) in page.lines.enumerated() {
            html.raw("<div class=\"line\"")
            html.attribute("data-line", String(index + 1))
            html.raw(">\n")
            for slot in CMS1500Layout.lineSlots {
                guard let value = line[slot.item] else { continue }
                put(&html, slot: slot, row: CMS1500Layout.firstLineRow + 2 * index, text: value)
            }
            html.raw("</div>\n")
        }
        html.raw("</section>\n")
        return html.output
    }

    private static func put(_ html: inout HTMLText, slot: CMS1500Layout.Slot, row: Int, text: String) {
        switch slot.kind {
        case .text:
            html.raw("<div class=\"v\"")
            html.attribute("data-box", slot.item)
            html.raw(" style=\"")
            position(&html, column: slot.column, row: row, width: slot.width)
            html.raw("\">")
            html.text(text)
            html.raw("</div>\n")
        case .money:
            // Dollars end at the form's cents line (three columns from the right edge), cents follow.
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            html.raw("<div class=\"v money\"")
            html.attribute("data-box", slot.item)
            html.attribute("data-amount", text)
            html.raw(" style=\"")
            position(&html, column: slot.column, row: row, width: slot.width)
            html.raw("\"><span class=\"dollars\">")
            html.text(parts.first ?? text)
            html.raw("</span> <span class=\"cents\">")
            html.text(parts.count > 1 ? parts[1] : "00")
            html.raw("</span></div>\n")
        case .check(let choices):
            let column = choices.first { $0.value == text }?.column ?? slot.column
            html.raw("<div class=\"v check\"")
            html.attribute("data-box", slot.item)
            html.attribute("data-choice", text)
            html.attribute("title", text)
            html.raw(" style=\"")
            position(&html, column: column, row: row, width: 1)
            html.raw("\">X</div>\n")
        }
    }

    private static func position(_ html: inout HTMLText, column: Int, row: Int, width: Int) {
        html.raw("left:")
        html.number(CMS1500Layout.leftMargin + Double(column - 1) * CMS1500Layout.columnWidth)
        html.raw("in;top:")
        html.number(CMS1500Layout.topMargin + Double(row - 1) * CMS1500Layout.rowHeight)
        html.raw("in;width:")
        html.number(Double(width) * CMS1500Layout.columnWidth)
        html.raw("in;")
    }

    private static let stylesheet: StaticString = """
    @page { size: letter; margin: 0; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #ddd; font-family: "Courier New", Courier, monospace; }
    section.cms1500 { position: relative; width: 8.5in; height: 11in; margin: 0.25in auto; background: #fff;
      overflow: hidden; page-break-after: always; break-after: page; }
    .art { position: absolute; inset: 0; color: #c8102e; font-family: Arial, Helvetica, sans-serif; }
    .title { position: absolute; left: 0.2in; top: 0.85in; font-size: 13pt; font-weight: bold; }
    .approved { position: absolute; left: 0.2in; top: 0.75in; font-size: 6pt; }
    .cell { position: absolute; border: 0.5pt solid #c8102e; margin: 0; }
    .caption { position: absolute; left: 1pt; top: 0; font-size: 4.6pt; line-height: 1.05; white-space: nowrap;
      overflow: hidden; max-width: 100%; }
    .continued { position: absolute; left: 3.7in; top: 0.9in; font-size: 9pt; font-weight: bold; }
    .square { position: absolute; height: 0.12in; margin-top: 0.02in; border: 0.5pt solid #c8102e; }
    .choice { position: absolute; left: 0.11in; top: 0.01in; font-size: 4.6pt; white-space: nowrap; }
    .v { position: absolute; height: 0.1667in; font-size: 10pt; line-height: 0.1667in; white-space: nowrap;
      overflow: hidden; color: #000; }
    .v.check { text-align: center; font-weight: bold; }
    .v.money { text-align: right; padding-right: 0; }
    .v.money .cents { display: inline-block; width: 0.25in; text-align: left; padding-left: 0.04in; }
    body.values-only { background: #fff; }
    body.values-only .art { display: none; }
    body.values-only section.cms1500 { margin: 0; }
    @media print {
      body { background: #fff; }
      section.cms1500 { margin: 0; }
    }

    """
}
