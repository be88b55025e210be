import ArgumentParser

/// `x12 ack`: 999, 277CA and TA1 acknowledgments (being built; see the issue).
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "999, 277CA and TA1 acknowledgments.")

    func run() throws {
        throw ValidationError("x12 ack is not available in this build yet")
    }
}
