import ArgumentParser

/// `x12 generate`: 837P claim generation from a billing batch (being built; see the issue).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "837P claim generation from a billing batch.")

    func run() throws {
        throw ValidationError("x12 generate is not available in this build yet")
    }
}
