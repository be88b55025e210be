/// A `MANIFEST.tsv` line that is not an entry (fewer than eight tab-separated fields, or an unknown validity).
public struct ManifestError: Error, CustomStringConvertible {
    /// The 1-based line number in the manifest.
    public var line: Int
    /// The line's text.
    public var text: String

    public var description: String { "MANIFEST.tsv line \(line) is not an entry: \(text)" }
}
