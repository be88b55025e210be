import ArgumentParser
import Foundation
import X12
import X12Output

extension ClaimsFormat: ExpressibleByArgument {}

/// `x12 claims`: every claim of 837P files as records (JSON, NDJSON or CSV).
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List every claim of 837P files as records (JSON, NDJSON or CSV).",
        discussion: """
        Each claim carries its envelope ids (ISA13, GS06, ST02), billing provider, subscriber, patient, payer, \
        claim fields and service lines; CSV has one row per line with the claim's columns repeated. The keys \
        and columns are documented in the X12Output reference (ClaimRecords).

        A file that cannot be read as 837P claims is reported on standard error as FILE:segment N (ID) \
        element M: message and makes the exit code 1; the other files are still written. Exit 2 when a file \
        cannot be opened.
        """
    )

    @Argument(help: "The 837P files to read ('-' for standard input).")
    var files: [String]

    @Option(help: "Output format: json (one document), ndjson (one claim a line) or csv (one row per service line).")
    var format: ClaimsFormat = .json

    @Option(name: .shortAndLong, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String = "-"

    func run() throws {
        var sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        var writer = ClaimsWriter(format: format)
        var errors: [ClaimFileProblem] = []
        var unreadable = false
        do {
            try sink.write(writer.begin())
            for file in files {
                let bytes: [UInt8]
                do {
                    bytes = try InputFile.bytes(file)
                } catch {
                    Diagnostics.report(error, file: file)
                    errors.append(ClaimFileProblem(file: file, error: error))
                    unreadable = true
                    continue
                }
                do {
                    for record in try ClaimRecord.read(bytes, name: file) { try sink.write(writer.write(record)) }
                } catch {
                    Diagnostics.report(error, file: file)
                    errors.append(ClaimFileProblem(file: file, error: error))
                }
            }
            try sink.write(try writer.finish(errors: errors))
            try sink.commit()
        } catch {
            sink.discard()
            if let error = error as? X12Error {
                Diagnostics.report(error, file: output)
            } else {
                FileHandle.standardError.write("\(output): \(error)\n")
            }
            throw CLIExit.usage
        }
        if unreadable { throw CLIExit.usage }
        if !errors.isEmpty { throw CLIExit.invalid }
    }
}

/// Whole input files as bytes (`-` is standard input), for the commands that decode a file at once.
enum InputFile {
    static func bytes(_ path: String) throws(X12Error) -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot read \(path)")
        }
        return [UInt8](data)
    }
}
