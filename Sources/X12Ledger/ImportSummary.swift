/// What one import did: how many facts it recorded and how many matched a submitted claim.
public struct ImportSummary: Sendable, Hashable, Codable {
    /// When the same file (same SHA-256) was imported before: where from and when.
    public struct Previous: Sendable, Hashable, Codable {
        /// The path it was imported from.
        public var path: String
        /// When (UTC, ISO 8601).
        public var importedAt: String
    }

    /// `837`, `ack` or `835`.
    public var kind: String
    /// The file read.
    public var path: String
    /// SHA-256 of its bytes.
    public var sha256: String
    /// Set when nothing was recorded because the file was imported before.
    public var alreadyImported: Previous?
    /// Claims recorded (837), or claims answered (acknowledgments, remittances).
    public var claims = 0
    /// Held, excluded, exception and self-pay entries recorded from the batch report.
    public var batchEntries = 0
    /// Facts that named no submitted claim, kept as unmatched.
    public var unmatched = 0

    /// Creates a summary.
    public init(kind: String, path: String, sha256: String, alreadyImported: Previous? = nil) {
        self.kind = kind
        self.path = path
        self.sha256 = sha256
        self.alreadyImported = alreadyImported
    }

    /// One line for people.
    public var description: String {
        if let previous = alreadyImported {
            return "\(path): already imported (from \(previous.path) at \(previous.importedAt)); ledger unchanged"
        }
        var parts = ["\(path): recorded \(claims) claim\(claims == 1 ? "" : "s")"]
        if batchEntries > 0 { parts.append("\(batchEntries) batch report entries") }
        if unmatched > 0 { parts.append("\(unmatched) unmatched") }
        return parts.joined(separator: ", ")
    }
}
