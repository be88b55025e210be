import ArgumentParser

/// `x12 validate`: implementation-guide validation (being built; see the issue).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "implementation-guide validation.")

    func run() throws {
        throw ValidationError("x12 validate is not available in this build yet")
    }
}
