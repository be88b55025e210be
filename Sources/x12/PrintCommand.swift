import ArgumentParser
import Foundation
import X12
import X12Validation

/// `x12 print`: one segment a line, an indented tree, or the segments written back as X12.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print the segments of an X12 file, one a line, as a tree, or as X12.",
        discussion: """
        Envelope faults (counts, control numbers, missing trailers) are reported on standard error as \
        FILE:segment N (ID) element M: message and make the exit code 1; the segments are still printed.
        """
    )

    @Argument(help: "The X12 file to read ('-' for standard input).")
    var file: String

    @Flag(help: "Indent segments by envelope (ISA/GS/ST) and HL hierarchy.")
    var tree = false

    @Flag(help: "Write the segments back as X12 (byte-identical to the input unless other options change it).")
    var raw = false

    @Flag(help: "With --raw: one segment a line, dropping the input's own line breaks.")
    var newlines = false

    @Option(help: "With --raw: re-encode with these delimiters: element, component, repetition, segment (e.g. '*:^~').")
    var delimiters: String?

    @Flag(help: "With --raw: rewrite SE01, GE01 and IEA01 to the real counts.")
    var fixCounts = false

    @Option(help: "With --tree: the implementation-guide specs used to label loops (default: as for x12 validate).")
    var specs: String?

    func validate() throws {
        if (newlines || delimiters != nil || fixCounts) && !raw {
            throw ValidationError("--newlines, --delimiters and --fix-counts only apply with --raw")
        }
        if tree && raw { throw ValidationError("--tree and --raw cannot be combined") }
        if let delimiters {
            guard let parsed = Delimiters(compact: delimiters) else {
                throw ValidationError("--delimiters takes four characters: element, component, repetition, segment (e.g. '*:^~')")
            }
            if let problem = parsed.problem() { throw ValidationError("--delimiters: \(problem)") }
        }
    }

    func run() throws {
        let reader: SegmentReader
        do {
            reader = try SegmentReader(path: file)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.usage
        }
        var printer = SegmentPrinter(mode: mode(), fixCounts: fixCounts, validator: tree ? loopLabeller() : nil)
        var tracker = EnvelopeTracker()
        var problems: [X12Error] = []
        var output = OutputBuffer()
        // A plain --raw copies each segment's bytes as read (trivia included): nothing is re-encoded.
        let copies = raw && delimiters == nil && !newlines && !fixCounts
        do {
            while let segment = try reader.next() {
                let found = tracker.consume(segment)
                if !found.isEmpty { problems.append(contentsOf: found.map(\.error)) }
                if copies {
                    output.raw(segment.rawView)
                } else {
                    try printer.print(segment, into: &output)
                }
            }
            problems.append(contentsOf: tracker.finish().map(\.error))
            printer.finish(into: &output)
        } catch {
            printer.finish(into: &output)
            output.flush()
            for problem in problems { Diagnostics.report(problem, file: file) }
            Diagnostics.report(error, file: file)
            throw Diagnostics.exitCode(for: error)
        }
        output.flush()
        if fixCounts {
            // Count mismatches were repaired in the output: say so, but they no longer make the run fail.
            for fixed in problems where fixed.kind == .countMismatch {
                FileHandle.standardError.write("\(file):\(fixed.position): fixed: \(fixed.message)\n")
            }
            problems.removeAll { $0.kind == .countMismatch }
        }
        for problem in problems { Diagnostics.report(problem, file: file) }
        if !problems.isEmpty { throw CLIExit.invalid }
    }

    /// The validator whose guides label tree loops; without specs the tree is indented by HL only.
    private func loopLabeller() -> Validator? {
        try? SpecsChoice.validator(option: specs)
    }

    private func mode() -> SegmentPrinter.Mode {
        if raw {
            let target = delimiters.flatMap(Delimiters.init(compact:))
            return .raw(delimiters: target, newlines: newlines)
        }
        return tree ? .tree : .list
    }
}
