import ArgumentParser
import Foundation
import X12
import X12Output

/// The paper views `x12 render` draws.
enum RenderView: String, ExpressibleByArgument, CaseIterable {
    /// CMS-1500 (02/12) claim forms from an 837P.
    case cms1500
}

/// `x12 render`: print-ready HTML views billers recognise.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render an 837P as CMS-1500 (02/12) claim forms, as print-ready HTML.",
        discussion: """
        --as cms1500: one letter-size CMS-1500 per claim (six service lines a form; a longer claim continues on \
        further forms, the total on the last). Every value carries data-box="<NUCC item>", lines data-line, \
        forms data-claim="<CLM01>". --values-only prints just the values at the box positions, for pre-printed \
        red forms.

        A file that cannot be read is reported as FILE:segment N (ID) element M: message with exit code 1 \
        (exit 2 when it cannot be opened); nothing is written then.
        """
    )

    @Argument(help: "The file to render ('-' for standard input).")
    var file: String

    @Option(name: .customLong("as"), help: "The view: cms1500.")
    var view: RenderView

    @Option(name: .shortAndLong, help: "Write the HTML to this file (atomically) instead of standard output.")
    var output: String = "-"

    @Flag(help: "Print only the values at their positions (for pre-printed forms), without the drawn form.")
    var valuesOnly = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(file)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.usage
        }
        let html: String
        do {
            html = try render(bytes)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.invalid
        }
        do {
            try Self.write(html, to: output)
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
    }

    /// Writes a document through ``OutputSink`` (atomically for a file).
    static func write(_ text: String, to path: String) throws(X12Error) {
        var sink = try OutputSink(path: path)
        do {
            try sink.write(Array(text.utf8))
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }

    private func render(_ bytes: [UInt8]) throws(X12Error) -> String {
        switch view {
        case .cms1500:
            let records = try ClaimRecord.read(bytes, name: file)
            return CMS1500Form.document(records, valuesOnly: valuesOnly)
        }
    }
}
