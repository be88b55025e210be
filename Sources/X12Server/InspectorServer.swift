import Hummingbird

/// Builds the `x12 serve` web inspector: the router with every route, and the application around it.
///
/// Routes:
/// - `GET /`: the upload/paste page.
/// - `POST /inspect`: a multipart `file` field or a form `text` field → the HTML report.
/// - `POST /api/validate`, `/api/remit`, `/api/ack`: the raw X12 as the body → the same JSON as the
///   CLI's `--format json`.
public enum InspectorServer {
    /// The router answering every inspector route.
    public static func router(configuration: InspectorConfiguration) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestSummaryMiddleware())
        let routes = InspectorRoutes(configuration: configuration)
        router.get("/") { _, _ in routes.uploadPage() }
        router.post("/inspect") { request, _ in await routes.inspect(request) }
        router.post("/api/validate") { request, _ in await routes.api(.validate, request) }
        router.post("/api/remit") { request, _ in await routes.api(.remit, request) }
        router.post("/api/ack") { request, _ in await routes.api(.ack, request) }
        return router
    }

    /// The application: the router bound to `configuration.host`/`port`, stopping gracefully on
    /// SIGINT/SIGTERM when run with `runService()`.
    ///
    /// - Parameter onListening: called with the URL once the server accepts connections (with the
    ///   real port when `port` is 0).
    public static func application(
        configuration: InspectorConfiguration,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(configuration: configuration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "x12-inspector"),
            onServerRunning: { channel in
                var bound = configuration
                if let port = channel.localAddress?.port { bound.port = port }
                await onListening(bound.url)
            }
        )
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
