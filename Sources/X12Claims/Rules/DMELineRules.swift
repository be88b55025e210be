import Foundation

/// D2 / D3: what a DME line's modifiers must obey.
///
/// D4 (no CMN/DIF for dates of service from 2023) holds by construction: the claim model has no 2440 loop, CR3 or
/// PWK, so the generator never writes one.
enum DMELineRules {
    /// The liability and documentation modifiers of which a DME line carries at most one (D2).
    static let liabilityModifiers: Set<String> = ["KX", "GA", "GZ", "GY"]

    /// Checks a DME line's final modifiers.
    ///
    /// - Returns: the problems, each naming the line (empty when the line may be billed).
    static func problems(modifiers: [String], label: String) -> [String] {
        var problems: [String] = []
        let liability = modifiers.filter(liabilityModifiers.contains)
        if liability.count > 1 {
            problems.append("\(label) carries \(liability.joined(separator: " and ")); a DME line takes at most one of KX, GA, GZ, GY \(BillingRule.dmeLiabilityModifiers.tag)")
        }
        if modifiers.contains("RT") && modifiers.contains("LT") {
            problems.append("\(label) carries both RT and LT; bill a bilateral item as two lines, one RT and one LT \(BillingRule.dmeBilateral.tag)")
        }
        return problems
    }

}
