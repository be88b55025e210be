import Hummingbird
import X12
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

    init(configuration: InspectorConfiguration, validator: Validator?) {
        self.configuration = configuration
        builder = ReportBuilder(validator: validator)
        responder = APIResponder(validator: validator)
    }

    func uploadPage() -> Response {
        HTTPResponses.html(UploadPage.render(maxUploadBytes: configuration.maxUploadBytes))
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
        case .success(let body):
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
