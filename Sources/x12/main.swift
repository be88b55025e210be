import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Usage errors exit with 2 (ArgumentParser's default is 64); everything else keeps its own code.
do {
    var command = try X12Command.parseAsRoot()
    try command.run()
} catch {
    let code = X12Command.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(X12Command.fullMessage(for: error) + "\n")
        exit(CLIExit.usage.rawValue)
    }
    X12Command.exit(withError: error)
}
