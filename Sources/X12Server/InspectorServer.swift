import Hummingbird
import Foundation
import X12Ledger
import X12Validation

/// Builds the `x12 serve` web inspector: the router with every route, and the application around it.
///
/// Routes:
/// - `GET /`: the upload/paste page.
/// - `POST /inspect`: a multipart `file` field or a form `text` field → the HTML report.
/// - `POST /api/validate`, `/api/remit`, `/api/ack`: the raw X12 as the body → the same JSON as the
///   CLI's `--format json`.
/// - With a ledger: `GET /claims` (the worklist, `?stage=` and `?payer=` narrow it) and
///   `GET /claims/{patient control number}` (one claim's lifecycle).
public enum InspectorServer {
    /// The router answering every inspector route.
    ///
    /// - Throws: `SpecError` when `configuration.specsDirectory` is set and its specs cannot be loaded;
    ///   `LedgerError` when `configuration.ledgerPath` is set and is not a readable ledger.
    public static func router(configuration: InspectorConfiguration) throws -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestSummaryMiddleware())
        let validator = try configuration.specsDirectory.map { directory throws in try Validator(specsDirectory: directory) }
        var ledger: Ledger?
        if let path = configuration.ledgerPath {
            guard FileManager.default.fileExists(atPath: path) else {
                throw LedgerError("\(path): no such ledger (create one with x12 ledger import)")
            }
            ledger = try Ledger(path: path)
        }
        let routes = InspectorRoutes(configuration: configuration, validator: validator, ledger: ledger)
        router.get("/") { _, _ in routes.uploadPage() }
        router.post("/inspect") { request, _ in await routes.inspect(request) }
        router.post("/view/cms1500") { request, _ in await routes.paperView(.cms1500, request) }
        router.post("/view/remit") { request, _ in await routes.paperView(.remit, request) }
        router.post("/api/validate") { request, _ in await routes.api(.validate, request) }
        router.post("/api/remit") { request, _ in await routes.api(.remit, request) }
        router.post("/api/ack") { request, _ in await routes.api(.ack, request) }
        if ledger != nil {
            router.get("/claims") { request, _ in routes.worklist(request) }
            router.get("/claims/:claim") { _, context in routes.claim(context.parameters.get("claim") ?? "") }
        }
        return router
    }

    /// The application: the router bound to `configuration.host`/`port`, stopping gracefully on
    /// SIGINT/SIGTERM when run with `runService()`.
    ///
    /// - Parameter configuration: host, port, upload limit, specs and ledger.
    /// - Parameter onListening: called with the URL once the server accepts connections (with the
    ///   real port when `port` is 0).
    /// - Throws: `SpecError` when the specs cannot be loaded.
    public static func application(
        configuration: InspectorConfiguration,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        Application(
            router: try router(configuration: configuration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "x12-inspector"),
            onServerRunning: { channel in
                var bound = configuration
                if let port = channel.localAddress?.port { bound.port = port }
                await onListening(bound.url)
            }
        )
    }
}

extension InspectorServer {
    /// Builds the application and runs it until SIGINT or SIGTERM, then shuts down gracefully:
    /// requests in flight finish before this returns.
    ///
    /// - Throws: `SpecError` when the specs cannot be loaded, or the server's error when it cannot
    ///   bind (port in use, unknown host).
    public static func run(configuration: InspectorConfiguration,
                           onListening: @escaping @Sendable (String) async -> Void) async throws {
        let application = try application(configuration: configuration, onListening: onListening)
        try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

/// Logs one line per request: method, path, status, body size and time, never the content.
struct RequestSummaryMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(request.headers[.contentLength] ?? "-") bytes in, \(milliseconds) ms")
        return response
    }
}
