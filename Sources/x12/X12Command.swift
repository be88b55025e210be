import ArgumentParser
import X12

/// The `x12` command: the root of every subcommand.
struct X12Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "x12",
        abstract: "Read, write, validate and generate HIPAA X12 5010 healthcare EDI.",
        discussion: """
        Exit codes: 0 success / valid, 1 input rejected or invalid, 2 usage error or unreadable file.

        Errors are printed as FILE:segment N (ID) element M: message.
        """,
        subcommands: [PrintCommand.self, GenerateCommand.self, RemitCommand.self, ClaimsCommand.self, RenderCommand.self, AckCommand.self, ValidateCommand.self, ServeCommand.self,
                      LedgerCommand.self]
    )
}
