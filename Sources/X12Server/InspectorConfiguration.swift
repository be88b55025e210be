import Foundation

/// How `x12 serve` runs: where it listens, how much it accepts, where the validation specs and the
/// claim ledger are.
public struct InspectorConfiguration: Sendable {
    /// The interface to bind; loopback unless the user asks otherwise.
    public var host: String
    /// The TCP port (0 lets the system pick one).
    public var port: Int
    /// The largest request body accepted, in bytes; larger uploads get a 413.
    public var maxUploadBytes: Int

    /// The implementation-guide specs directory; `nil` runs without validation.
    public var specsDirectory: URL?

    /// A claim ledger (`x12 ledger`) to show as a worklist; `nil` leaves the ledger pages out.
    public var ledgerPath: String?

    /// The default upload limit: 50 MB.
    public static let defaultMaxUploadBytes = 50 * 1024 * 1024

    /// Creates a configuration; the defaults match `x12 serve` without options.
    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = InspectorConfiguration.defaultMaxUploadBytes,
                specsDirectory: URL? = nil, ledgerPath: String? = nil) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.specsDirectory = specsDirectory
        self.ledgerPath = ledgerPath
    }

    /// The address to print for people: `http://127.0.0.1:8080/`.
    public var url: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)/"
    }
}
