/// Output formats of `x12 claims`.
public enum ClaimsFormat: String, Sendable, CaseIterable {
    /// One JSON document: `{"claims": [...], "errors": [...]}`.
    case json
    /// One claim a line (the same object as in `json`).
    case ndjson
    /// One row per service line, claim columns repeated (``ClaimsCSV/columns``).
    case csv
}
