import Hummingbird
import X12
import X12Acknowledgments
import X12Output
import X12Remittance
import X12Validation

/// Turns one upload into the report page: validation findings and loops on the segment tree, then
/// the payments of an 835 and the claim results of a 999, 277CA or TA1.
struct ReportBuilder: Sendable {
    /// The implementation-guide validator; `nil` when no specs directory was found.
    let validator: Validator?

    /// The page and its status for `upload`.
    func page(for upload: Upload) -> (document: String, status: HTTPResponse.Status) {
        let validation = validator?.validate(bytes: upload.bytes, file: upload.fileName)
        var inspection = Inspection(fileName: upload.fileName, bytes: upload.bytes,
                                    findings: validation.map(ValidationStep.findings(of:)))
        if inspection.rows.isEmpty, let fatal = inspection.fatalError {
            let document = ErrorPage.render(
                title: "This is not an X12 file we can read",
                errorLine: upload.fileName + ":" + fatal.description,
                detail: "An X12 interchange starts with a 106-character ISA segment that sets the delimiters.")
            return (document, .unprocessableContent)
        }
        var sections: [HTML] = []
        if let validator {
            inspection.loops = ValidationStep.loops(of: inspection.leadingSets, validator: validator)
        } else {
            sections.append(Self.validationUnavailable)
        }
        let kinds = inspection.kinds
        if kinds.contains(.payment) {
            let report = RemittanceReport(reader: SegmentReader(bytes: upload.bytes))
            let csv = (try? RemittanceWriter.write(report, format: .csv)) ?? []
            sections.append(RemittanceSection.render(report, csv: csv, fileName: upload.fileName))
        }
        if inspection.hasInterchangeAcknowledgment || kinds.contains(where: \.isAcknowledgment) {
            let report = AckReport.read(reader: SegmentReader(bytes: upload.bytes), file: upload.fileName)
            sections.append(AcknowledgmentSection.render(report))
        }
        return (ReportPage.render(inspection, sections: sections), .ok)
    }

    private static let validationUnavailable: HTML = {
        var html = HTML()
        html.raw("<section class=\"card\" id=\"validation-unavailable\"><p><span class=\"badge warn\">NOT VALIDATED</span> ")
        html.raw("No implementation-guide specs were found, so only the envelope was checked. ")
        html.raw("Start the inspector with <code>--specs DIR</code> or set <code>X12_SPECS</code>.</p></section>\n")
        return html
    }()
}

extension TransactionKind {
    /// Whether the set acknowledges something sent earlier (999, 997, 277CA).
    var isAcknowledgment: Bool {
        switch self {
        case .implementationAcknowledgment, .functionalAcknowledgment, .claimAcknowledgment: true
        default: false
        }
    }
}
