import ArgumentParser
import Foundation
import X12
import X12Output
import X12Remittance

/// The paper views `x12 render` draws.
enum RenderView: String, ExpressibleByArgument, CaseIterable {
    /// CMS-1500 (02/12) claim forms from an 837P.
    case cms1500
    /// A Standard Paper Remittance style view of an 835.
    case remit
}

/// `x12 render`: print-ready HTML views billers recognise.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render an 837P as CMS-1500 (02/12) claim forms, or an 835 as a paper remittance, in print-ready HTML.",
        discussion: """
        --as cms1500: one letter-size CMS-1500 per claim (six service lines a form; a longer claim continues on \
        further forms, the total on the last). Every value carries data-box="<NUCC item>", lines data-line, \
        forms data-claim="<CLM01>". --values-only prints just the values at the box positions, for pre-printed \
        red forms.

        --as remit: a Standard Paper Remittance style view of any 835, streamed claim by claim: a printable \
        page per claim (data-pcn, data-billed, data-paid), a summary page per check with its totals and \
        provider-level adjustments, and a glossary of only the group, CARC and RARC codes used.

        A file that cannot be read is reported as FILE:segment N (ID) element M: message with exit code 1 \
        (exit 2 when it cannot be opened); nothing is written then.
        """
    )

    @Argument(help: "The file to render ('-' for standard input).")
    var file: String

    @Option(name: .customLong("as"), help: "The view: cms1500 (from an 837P) or remit (from an 835).")
    var view: RenderView

    @Option(name: .shortAndLong, help: "Write the HTML to this file (atomically) instead of standard output.")
    var output: String = "-"

    @Flag(help: "Print only the values at their positions (for pre-printed forms), without the drawn form.")
    var valuesOnly = false

    func run() throws {
        if view == .remit { return try renderRemittance() }
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
        case .remit:
            return ""
        }
    }

    /// Streams an 835 into the remittance view, claim by claim; errors are reported like `x12 remit` does
    /// (the claims read are still written) and make the exit code 1.
    private func renderRemittance() throws {
        let reader: SegmentReader
        do {
            reader = try SegmentReader(path: file)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.usage
        }
        var sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        let decoder = RemittanceDecoder(reader: reader)
        var view = RemittanceAdviceView()
        var errors: [X12Error] = []
        var sawTransaction = false
        do {
            try sink.write(Array(view.begin().utf8))
            while true {
                let next: RemittanceEvent?
                do {
                    next = try decoder.nextEvent()
                } catch {
                    errors.append(error)
                    break
                }
                guard let event = next else { break }
                if case .header = event { sawTransaction = true }
                if case .trailer(let trailer) = event { errors += trailer.errors.map(\.error) }
                try sink.write(Array(view.write(event).utf8))
            }
            errors += decoder.problems.map(\.error)
            if !sawTransaction && errors.isEmpty {
                errors.append(X12Error(.unexpectedSegment, at: Position(byteOffset: 0, line: 1), "no 835 transaction set found"))
            }
            try sink.write(Array(view.finish().utf8))
            try sink.commit()
        } catch {
            sink.discard()
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        for error in errors { Diagnostics.report(error, file: file) }
        if errors.contains(where: { $0.kind == .unreadable }) { throw CLIExit.usage }
        if !errors.isEmpty { throw CLIExit.invalid }
    }
}
