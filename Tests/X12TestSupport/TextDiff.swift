/// A line-by-line comparison of two texts that shows where they part, for failure messages.
///
/// Lines common to both are skipped except for up to `context` lines before the first difference; then each line
/// only in `expected` is shown with `-` and each line only in `actual` with `+`, until the texts agree again.
public struct TextDiff: CustomStringConvertible {
    /// The lines `expected` and `actual` differ in, with their context, ready to print.
    public let description: String
    /// Whether the texts are equal.
    public let isEmpty: Bool

    /// Compares `actual` with `expected`, splitting both at `\n`.
    public init(expected: String, actual: String, context: Int = 2) {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        isEmpty = prefix == old.count && prefix == new.count
        guard !isEmpty else {
            description = ""
            return
        }
        var lines = ["first difference at line \(prefix + 1) (expected \(old.count) lines, actual \(new.count)):"]
        lines += old[max(0, prefix - context)..<prefix].map { "  \($0)" }
        lines += old[prefix..<(old.count - suffix)].map { "- \($0)" }
        lines += new[prefix..<(new.count - suffix)].map { "+ \($0)" }
        lines += old[(old.count - suffix)..<min(old.count, old.count - suffix + context)].map { "  \($0)" }
        description = lines.joined(separator: "\n")
    }
}
