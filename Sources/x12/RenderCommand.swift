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

        --pdf prints the same HTML to PDF with headless Chromium (chromium, chromium-browser or google-chrome \
        on PATH); without one it says so and exits 2.

        A file that cannot be read is reported as FILE:segment N (ID) element M: message with exit code 1 \
        (exit 2 when it cannot be opened); a CMS-1500 render then writes nothing, a remit render the claims it \
        could read.
        """
    )

    @Argument(help: "The file to render ('-' for standard input).")
    var file: String

    @Option(name: .customLong("as"), help: ArgumentHelp("The view: cms1500 (from an 837P) or remit (from an 835).", valueName: "view"))
    var view: RenderView

    @Option(name: .shortAndLong, help: "Write the HTML to this file (atomically); standard output when neither -o nor --pdf is given.")
    var output: String?

    @Option(help: "Also print the HTML to this PDF with headless Chromium (chromium, chromium-browser or google-chrome on PATH).")
    var pdf: String?

    @Flag(help: "Print only the values at their positions (for pre-printed forms), without the drawn form.")
    var valuesOnly = false

    func validate() throws {
        if valuesOnly && view != .cms1500 { throw ValidationError("--values-only applies to --as cms1500 only") }
    }

    func run() throws {
        var chromium: HeadlessChromium?
        if pdf != nil {
            guard let found = HeadlessChromium.find(searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "") else {
                FileHandle.standardError.write("x12 render: --pdf needs headless Chromium, but none of "
                    + HeadlessChromium.names.joined(separator: ", ")
                    + " is on PATH; install one (Debian: apt-get install chromium) or leave out --pdf\n")
                throw CLIExit.usage
            }
            chromium = found
        }
        guard let pdf, let chromium else {
            if let failure = try renderHTML(to: output ?? "-") { throw failure }
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("x12-render-\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            FileHandle.standardError.write("x12 render: cannot create a temporary folder: \(error.localizedDescription)\n")
            throw CLIExit.usage
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let html = scratch.appendingPathComponent("render.html").path
        let failure = try renderHTML(to: html)
        if failure == CLIExit.invalid && view == .cms1500 { throw CLIExit.invalid }
        do {
            if let output {
                let bytes = [UInt8](FileManager.default.contents(atPath: html) ?? Data())
                if output == "-" { FileHandle.standardOutput.write(Data(bytes)) } else { try AtomicFile.write(bytes, to: output) }
            }
            try chromium.printToPDF(html: html, pdf: pdf, scratch: scratch)
        } catch {
            Diagnostics.report(error, file: pdf)
            throw CLIExit.usage
        }
        if let failure { throw failure }
    }

    /// Writes the view's HTML to `path` (`-` for standard output); returns the exit code the input's errors
    /// call for (already reported), or `nil`.
    private func renderHTML(to path: String) throws -> ExitCode? {
        if view == .remit { return try renderRemittance(to: path) }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(file)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.usage
        }
        let records: [ClaimRecord]
        do {
            records = try ClaimRecord.read(bytes, name: file)
        } catch {
            Diagnostics.report(error, file: file)
            return CLIExit.invalid
        }
        // Written claim by claim: the forms of one claim at a time are built in memory.
        do {
            try writeForms(records, to: path)
        } catch {
            Diagnostics.report(error, file: path)
            throw CLIExit.usage
        }
        return nil
    }

    private func writeForms(_ records: [ClaimRecord], to path: String) throws(X12Error) {
        var sink = try OutputSink(path: path)
        do {
            try sink.write(Array(CMS1500Form.documentStart(valuesOnly: valuesOnly).utf8))
            for record in records { try sink.write(Array(CMS1500Form.forms(for: record).utf8)) }
            try sink.write(Array(CMS1500Form.documentEnd.utf8))
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }

    /// Streams an 835 into the remittance view, claim by claim; errors are reported like `x12 remit` does
    /// (the claims read are still written) and make the exit code 1.
    private func renderRemittance(to path: String) throws -> ExitCode? {
        let reader: SegmentReader
        do {
            reader = try SegmentReader(path: file)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.usage
        }
        var sink: OutputSink
        do {
            sink = try OutputSink(path: path)
        } catch {
            Diagnostics.report(error, file: path)
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
            Diagnostics.report(error, file: path)
            throw CLIExit.usage
        }
        for error in errors { Diagnostics.report(error, file: file) }
        if errors.contains(where: { $0.kind == .unreadable }) { throw CLIExit.usage }
        return errors.isEmpty ? nil : CLIExit.invalid
    }
}
