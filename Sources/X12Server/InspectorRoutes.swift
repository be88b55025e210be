import Hummingbird
import Foundation
import X12
import X12Ledger
import X12Validation

/// The handlers behind the inspector's routes. Every failure becomes a page or JSON error; nothing
/// a client sends can produce a 500.
struct InspectorRoutes: Sendable {
    /// The JSON endpoints, one per CLI command.
    enum APIKind: String, Sendable {
        case validate
        case remit
        case ack
    }

    let configuration: InspectorConfiguration
    let builder: ReportBuilder
    let responder: APIResponder
    let ledger: Ledger?

    init(configuration: InspectorConfiguration, validator: Validator?, ledger: Ledger?) {
        self.configuration = configuration
        builder = ReportBuilder(validator: validator)
        responder = APIResponder(validator: validator)
        self.ledger = ledger
    }

    func uploadPage() -> Response {
        HTTPResponses.html(UploadPage.render(maxUploadBytes: configuration.maxUploadBytes, hasLedger: ledger != nil))
    }

    func worklist(_ request: Request) -> Response {
        guard let ledger else { return notFound() }
        let stageName = request.uri.queryParameters.get("stage").flatMap { $0.isEmpty ? nil : $0 }
        let payer = request.uri.queryParameters.get("payer").flatMap { $0.isEmpty ? nil : $0 }
        var stage: ClaimStage?
        if let stageName {
            guard let known = ClaimStage(rawValue: stageName) else {
                let stages = ClaimStage.allCases.map(\.rawValue).joined(separator: ", ")
                return HTTPResponses.html(ErrorPage.render(title: "Unknown stage", errorLine: "stage '\(stageName)' is not one of \(stages)"),
                                          status: .badRequest)
            }
            stage = known
        }
        do {
            let all = try ledger.status()
            let shown = all.filter { claim in
                (stage == nil || claim.stage == stage) && (payer == nil || claim.payerId == payer)
            }
            return HTTPResponses.html(LedgerPages.worklist(shown, all: all, stage: stage, payer: payer, ledgerPath: ledger.path))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    func claim(_ encoded: String) -> Response {
        guard let ledger else { return notFound() }
        let id = encoded.removingPercentEncoding ?? encoded
        do {
            guard let claim = try ledger.status(ClaimFilter(patientControlNumbers: [id])).first else {
                return HTTPResponses.html(ErrorPage.render(title: "Claim not found",
                                                           errorLine: "no claim with patient control number '\(id)' in the ledger"),
                                          status: .notFound)
            }
            return HTTPResponses.html(LedgerPages.lifecycle(claim))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    private func notFound() -> Response {
        HTTPResponses.html(ErrorPage.render(title: "Not found", errorLine: "this inspector was started without --ledger"), status: .notFound)
    }

    private func ledgerUnavailable(_ error: LedgerError) -> Response {
        HTTPResponses.html(ErrorPage.render(title: "Ledger unavailable", errorLine: "the ledger could not be read: \(error.message)"),
                           status: .serviceUnavailable)
    }

    func inspect(_ request: Request) async -> Response {
        let body: [UInt8]
        switch await readBody(request) {
        case .success(let bytes): body = bytes
        case .failure(let failure): return failurePage(failure)
        }
        let upload: Upload
        do {
            upload = try Upload.from(contentType: request.headers[.contentType], body: body)
        } catch {
            return HTTPResponses.html(ErrorPage.render(title: "Nothing to inspect", errorLine: error.message), status: .badRequest)
        }
        let page = builder.page(for: upload)
        return HTTPResponses.html(page.document, status: page.status)
    }

    func api(_ kind: APIKind, _ request: Request) async -> Response {
        switch await readBody(request) {
        case .success(let received):
            // A browser form (multipart) sends the file in its `file` field; anything else is the X12 itself.
            var body = received
            if let type = request.headers[.contentType], MultipartFormData.boundary(contentType: type) != nil {
                do {
                    body = try Upload.from(contentType: type, body: received).bytes
                } catch {
                    return HTTPResponses.jsonError(error.message, status: .badRequest)
                }
            }
            let format = request.uri.queryParameters.get("format")
            switch kind {
            case .validate: return responder.validate(body)
            case .remit: return responder.remit(body, format: format)
            case .ack: return responder.ack(body, format: format)
            }
        case .failure(.tooLarge(let limit)):
            return HTTPResponses.jsonError("the request body is larger than the \(ByteCount.text(limit)) upload limit (x12 serve --max-upload-mb)", status: .contentTooLarge)
        case .failure(.unreadable):
            return HTTPResponses.jsonError("the request body could not be read", status: .badRequest)
        }
    }

    private func readBody(_ request: Request) async -> Result<[UInt8], RequestBodyReader.Failure> {
        do {
            return .success(try await RequestBodyReader.bytes(of: request, limit: configuration.maxUploadBytes))
        } catch {
            return .failure(error)
        }
    }

    private func failurePage(_ failure: RequestBodyReader.Failure) -> Response {
        switch failure {
        case .tooLarge(let limit):
            return HTTPResponses.html(ErrorPage.render(
                title: "File too large",
                errorLine: "the upload is larger than the \(ByteCount.text(limit)) limit",
                detail: "Start the inspector with a higher limit, for example x12 serve --max-upload-mb 200."),
                status: .contentTooLarge)
        case .unreadable:
            return HTTPResponses.html(ErrorPage.render(title: "Upload failed", errorLine: "the upload could not be read"),
                                      status: .badRequest)
        }
    }
}
