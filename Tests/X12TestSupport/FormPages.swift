/// A rendered CMS-1500 form read back from its `data-*` attributes.
public struct FormPage: Sendable, Equatable {
    /// `data-claim` of the form's `section`.
    public var claim: String
    /// `data-page` / `data-pages`.
    public var page: String
    public var pages: String
    /// Claim-level items: `data-box` → value (`data-choice` for check boxes, else the text).
    public var boxes: [String: String]
    /// Line items by `data-line`.
    public var lines: [String: [String: String]]

    /// The forms of a document, in order.
    public static func read(_ html: String) -> [FormPage] {
        let elements = HTMLElements.parse(html)
        var pages: [FormPage] = []
        var sectionIndex: [Int: Int] = [:]
        for (index, element) in elements.enumerated() {
            if element.tag == "section", let claim = element.attributes["data-claim"] {
                sectionIndex[index] = pages.count
                pages.append(FormPage(claim: claim, page: element.attributes["data-page"] ?? "",
                                      pages: element.attributes["data-pages"] ?? "", boxes: [:], lines: [:]))
                continue
            }
            guard let box = element.attributes["data-box"],
                  let section = element.ancestors.compactMap({ sectionIndex[$0] }).last else { continue }
            let value = element.attributes["data-choice"] ?? element.text
            if let line = element.ancestors.compactMap({ elements[$0].attributes["data-line"] }).last {
                pages[section].lines[line, default: [:]][box] = value
            } else {
                pages[section].boxes[box] = value
            }
        }
        return pages
    }
}
