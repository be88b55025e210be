import Foundation
import Hummingbird
import X12
import X12Acknowledgments
import X12Output
import X12Remittance
import X12Validation

/// The `/api` routes: the raw X12 body in, the CLI's own output format out.
struct APIResponder: Sendable {
    /// The validator behind `/api/validate`; `nil` when no specs directory was found.
    let validator: Validator?

    /// `x12 validate --format json` for the body (a single report object, the file named `-`).
    ///
    /// 200 with the report, valid or not; 422 with the report when nothing in the body could be read
    /// as X12 (no interchange); 503 when the server has no specs.
    func validate(_ body: [UInt8]) -> Response {
        guard let validator else {
            return HTTPResponses.jsonError("validation is not available: no implementation-guide specs were found (start x12 serve with --specs DIR or set X12_SPECS)", status: .serviceUnavailable)
        }
        let report = validator.validate(bytes: body, file: "-")
        guard let data = try? JSONDocument.pretty(report) else {
            return HTTPResponses.jsonError("the validation report could not be encoded", status: .internalServerError)
        }
        let nothingRead = report.interchanges.isEmpty && report.transactionSets.isEmpty && report.errorCount > 0
        return HTTPResponses.json(data, status: nothingRead ? .unprocessableContent : .ok)
    }

    /// `x12 remit --format json|csv|ndjson` for the body; `format` comes from the query (`json` by default).
    func remit(_ body: [UInt8], format name: String?) -> Response {
        guard let format = RemittanceFormat(rawValue: name ?? "json") else {
            return HTTPResponses.jsonError("unknown format '\(name ?? "")': use json, csv or ndjson", status: .badRequest)
        }
        let report = RemittanceReport(reader: SegmentReader(bytes: body))
        guard let bytes = try? RemittanceWriter.write(report, format: format) else {
            return HTTPResponses.jsonError("the remittance report could not be encoded", status: .internalServerError)
        }
        let status: HTTPResponse.Status = report.transactions.isEmpty && !report.errors.isEmpty ? .unprocessableContent : .ok
        switch format {
        case .json: return HTTPResponses.json(bytes, status: status)
        case .ndjson: return HTTPResponses.typed(bytes, contentType: "application/x-ndjson; charset=utf-8", status: status)
        case .csv: return HTTPResponses.typed(bytes, contentType: "text/csv; charset=utf-8", status: status,
                                              attachment: "remittance.csv")
        }
    }

    /// `x12 ack --format json|csv` for the body; `format` comes from the query (`json` by default).
    func ack(_ body: [UInt8], format name: String?) -> Response {
        let report = AckReport.read(reader: SegmentReader(bytes: body), file: "-")
        let nothingRead = report.claims.isEmpty && report.transactionSets.isEmpty && report.groups.isEmpty
            && report.interchanges.isEmpty && !report.problems.isEmpty
        let status: HTTPResponse.Status = nothingRead ? .unprocessableContent : .ok
        switch name ?? "json" {
        case "json":
            guard let data = try? JSONDocument.pretty(report) else {
                return HTTPResponses.jsonError("the acknowledgment report could not be encoded", status: .internalServerError)
            }
            return HTTPResponses.json(data, status: status)
        case "csv":
            return HTTPResponses.typed(Array(report.csv().utf8), contentType: "text/csv; charset=utf-8", status: status)
        default:
            return HTTPResponses.jsonError("unknown format '\(name ?? "")': use json or csv", status: .badRequest)
        }
    }
}
