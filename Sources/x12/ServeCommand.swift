import ArgumentParser
import Dispatch
import Foundation
import X12Ledger
import X12Server
import X12Validation

/// `x12 serve`: the local web inspector for EDI support staff.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a local web inspector: upload or paste X12, see loops, errors, payments and acknowledgments.",
        discussion: """
        Routes: GET / (upload/paste page), POST /inspect (multipart field 'file' or form field 'text'), \
        POST /api/validate, /api/remit, /api/ack (raw X12 body, same JSON as --format json); \
        with --ledger, GET /claims (worklist) and GET /claims/ID (a claim's lifecycle).

        Binds to loopback unless --host says otherwise. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM. \
        File contents are never logged.
        """
    )

    @Option(help: "The TCP port to listen on (0 picks a free port and prints it).")
    var port = 8080

    @Option(help: "The interface to bind; 0.0.0.0 exposes the inspector to the network.")
    var host = "127.0.0.1"

    @Option(name: .customLong("max-upload-mb"), help: "The largest upload accepted, in megabytes; larger ones get a 413.")
    var maxUploadMB = 50

    @Option(help: "A directory of implementation-guide specs (default: $X12_SPECS, else the bundled specs).")
    var specs: String?

    @Option(help: "A claim ledger (x12 ledger) to show as a worklist at /claims, read-only.")
    var ledger: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        guard (1...4096).contains(maxUploadMB) else { throw ValidationError("--max-upload-mb must be between 1 and 4096") }
    }

    func run() throws {
        let specsDirectory = SpecsChoice.directory(option: specs) ?? SpecLibrary.bundledDirectory
        if specsDirectory == nil {
            FileHandle.standardError.write("x12 serve: the bundled specs are missing and no --specs DIR was given: files are not validated\n")
        }
        let configuration = InspectorConfiguration(host: host, port: port, maxUploadBytes: maxUploadMB * 1024 * 1024,
                                                   specsDirectory: specsDirectory, ledgerPath: ledger)
        let outcome = ServerOutcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await InspectorServer.run(configuration: configuration) { url in
                    FileHandle.standardOutput.write("x12 inspector listening on \(url) (Ctrl-C to stop)\n")
                }
            } catch {
                outcome.record(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            if error is SpecError {
                FileHandle.standardError.write("x12 serve: cannot load the specs: \(error)\n")
            } else if error is LedgerError {
                FileHandle.standardError.write("x12 serve: cannot open the ledger: \(error)\n")
            } else {
                FileHandle.standardError.write("x12 serve: cannot run on \(host):\(port): \(error)\n")
            }
            throw CLIExit.usage
        }
        FileHandle.standardOutput.write("x12 inspector stopped\n")
    }
}

/// The error the server task ended with, handed back to the blocked command thread.
private final class ServerOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func record(_ error: any Error) {
        lock.lock()
        stored = error
        lock.unlock()
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
