import ArgumentParser

/// `x12 remit`: 835 remittances to payment records (being built; see the issue).
struct RemitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remit", abstract: "835 remittances to payment records.")

    func run() throws {
        throw ValidationError("x12 remit is not available in this build yet")
    }
}
