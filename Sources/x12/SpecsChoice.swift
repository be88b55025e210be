import Foundation
import X12Validation

/// Which implementation-guide specs a command uses: `--specs DIR`, else `$X12_SPECS`, else the specs bundled with
/// X12Validation. The environment is read here, in the CLI, never in the library.
enum SpecsChoice {
    /// The directory named by `option` or by `$X12_SPECS` (empty counts as unset); `nil` means the bundled specs.
    static func directory(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let option { return URL(fileURLWithPath: option) }
        if let variable = environment["X12_SPECS"], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        return nil
    }

    /// A validator with the chosen specs.
    ///
    /// - Throws: ``SpecError`` when the chosen specs cannot be read.
    static func validator(option: String?) throws(SpecError) -> Validator {
        guard let directory = directory(option: option) else { return try Validator() }
        return try Validator(specsDirectory: directory)
    }
}
