import ArgumentParser
import Foundation

/// `--paths-from` and `--keep-going`: the pipe contract for distributed engines (Spark's `rdd.pipe`,
/// `xargs`), shared by every command that reads many files. A command adopts it with
/// `@OptionGroup var pipe: PipeOptions`, calls ``validate(positional:ndjson:)`` from its `validate()`,
/// ``paths(positional:)`` for the files to read, and writes a ``PipeDiagnosticRecord`` for each file that
/// fails when ``keepGoing`` is set.
struct PipeOptions: ParsableArguments {
    @Option(name: .customLong("paths-from"),
            help: ArgumentHelp("Read the paths to process from this file, one a line ('-' for standard input; blank lines are ignored), after any given as arguments.",
                               valueName: "file"))
    var pathsFrom: String?

    @Flag(help: "With --format ndjson: a file that cannot be read becomes diagnostic records (recordType \"diagnostic\") and the run goes on; exit 1 at the end if there were any.")
    var keepGoing = false

    /// Whether records carry the pipe envelope (`source`, control numbers, `schemaVersion`): asked for by
    /// either option. Without them, outputs stay exactly as before the pipe contract.
    var isPipe: Bool { pathsFrom != nil || keepGoing }

    /// Checks the options against the command's positional files and output format.
    func validate(positional: [String], ndjson: Bool) throws {
        if keepGoing && !ndjson { throw ValidationError("--keep-going writes diagnostic records: use it with --format ndjson") }
        if positional.isEmpty && pathsFrom == nil {
            throw ValidationError("give at least one file ('-' for standard input) or --paths-from")
        }
        if pathsFrom == "-" && positional.contains("-") {
            throw ValidationError("standard input ('-') can be read only once: it holds the --paths-from list")
        }
    }

    /// The files to read: `positional`, then the lines of `--paths-from`. Exits 2 when the list cannot be read
    /// or names standard input while being read from it.
    func paths(positional: [String]) throws -> [String] {
        guard let pathsFrom else { return positional }
        let listed: [String]
        do {
            listed = try Self.readList(pathsFrom)
        } catch {
            FileHandle.standardError.write("\(pathsFrom): cannot read the --paths-from list: \(error.localizedDescription)\n")
            throw CLIExit.usage
        }
        if pathsFrom == "-" && listed.contains("-") {
            FileHandle.standardError.write("-: the --paths-from list read from standard input cannot name standard input ('-')\n")
            throw CLIExit.usage
        }
        return positional + listed
    }

    /// One path a line; a trailing carriage return is dropped, blank lines are skipped, other white space is kept.
    static func parseList(_ text: String) -> [String] {
        // "\r\n" is one Character in Swift: split on both line ends.
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            let path = line.hasSuffix("\r") ? line.dropLast() : line
            return path.allSatisfy(\.isWhitespace) ? nil : String(path)
        }
    }

    private static func readList(_ path: String) throws -> [String] {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                               : try Data(contentsOf: URL(fileURLWithPath: path))
        return parseList(String(decoding: data, as: UTF8.self))
    }
}
