import Hummingbird
import X12
import X12Output
import X12Remittance

/// `POST /view/cms1500` and `POST /view/remit`: the paper views of `x12 render` for an uploaded file, as the
/// same print-ready documents (letter pages, print stylesheet) the command writes.
extension InspectorRoutes {
    /// The views the inspector draws.
    enum PaperView: String, Sendable {
        /// CMS-1500 (02/12) forms, one per six lines of each claim of an 837P.
        case cms1500
        /// The Standard Paper Remittance style view of an 835.
        case remit
    }

    func paperView(_ view: PaperView, _ request: Request) async -> Response {
        let body: [UInt8]
        switch await readBodyForView(request) {
        case .success(let bytes): body = bytes
        case .failure(let failure): return failure.response
        }
        let upload: Upload
        do {
            upload = try Upload.from(contentType: request.headers[.contentType], body: body)
        } catch {
            return HTTPResponses.html(ErrorPage.render(title: "Nothing to render", errorLine: error.message), status: .badRequest)
        }
        switch view {
        case .cms1500:
            do {
                let records = try ClaimRecord.read(upload.bytes, name: upload.fileName)
                guard !records.isEmpty else {
                    return unrenderable(upload, "the 837P holds no claim (no CLM segment)")
                }
                return HTTPResponses.html(CMS1500Form.document(records))
            } catch {
                return unrenderable(upload, "\(upload.fileName):\(error.description)")
            }
        case .remit:
            let decoder = RemittanceDecoder(reader: SegmentReader(bytes: upload.bytes))
            var adviceView = RemittanceAdviceView()
            var document = adviceView.begin()
            var transactions = 0
            do {
                while let event = try decoder.nextEvent() {
                    if case .header = event { transactions += 1 }
                    document += adviceView.write(event)
                }
            } catch {
                if transactions == 0 { return unrenderable(upload, "\(upload.fileName):\(error.description)") }
            }
            guard transactions > 0 else {
                let reason = decoder.problems.first.map { "\(upload.fileName):\($0.error.description)" } ?? "the file holds no 835 transaction set"
                return unrenderable(upload, reason)
            }
            return HTTPResponses.html(document + adviceView.finish())
        }
    }

    private func unrenderable(_ upload: Upload, _ line: String) -> Response {
        HTTPResponses.html(ErrorPage.render(title: "Cannot draw \(upload.fileName)", errorLine: line,
                                            detail: "Inspect the file to see every error in place."),
                           status: .unprocessableContent)
    }

    private func readBodyForView(_ request: Request) async -> Result<[UInt8], ResponseFailure> {
        do {
            return .success(try await RequestBodyReader.bytes(of: request, limit: configuration.maxUploadBytes))
        } catch {
            switch error {
            case .tooLarge(let limit):
                return .failure(ResponseFailure(response: HTTPResponses.html(ErrorPage.render(
                    title: "File too large", errorLine: "the upload is larger than the \(ByteCount.text(limit)) limit"),
                    status: .contentTooLarge)))
            case .unreadable:
                return .failure(ResponseFailure(response: HTTPResponses.html(ErrorPage.render(
                    title: "Upload failed", errorLine: "the upload could not be read"), status: .badRequest)))
            }
        }
    }
}

/// A response standing for a failure, so it can travel in a `Result`.
struct ResponseFailure: Error {
    var response: Response
}
