import Foundation

/// T1 / T2: the payer's therapy modifier on every therapy line and its assistant modifier on a line a therapy
/// assistant furnished.
///
/// Both are added after the code's own modifiers (therapy first, the assistant modifier next to it), never twice,
/// and within the 4-modifier limit of R7. A line that would need a fifth modifier cannot be billed: the problem
/// names the line and the modifier.
enum TherapyModifiers {
    /// Adds the required modifiers to `modifiers`.
    ///
    /// - Parameters:
    ///   - modifiers: the line's modifiers so far (the code's own, already checked and without duplicates).
    ///   - isTherapy: the code is flagged `therapy` in the code table.
    ///   - isAssistant: the charge is flagged `assistant`.
    ///   - payer: the payer the line is billed to.
    ///   - label: how the line is named in problems, e.g. `charge 2 (97110)`.
    /// - Returns: the problems (empty when the line may be billed).
    static func apply(to modifiers: inout [String], isTherapy: Bool, isAssistant: Bool, payer: PayerRecord?,
                      label: String) -> [String] {
        var problems: [String] = []
        var required: [(String, BillingRule)] = []
        if isTherapy, let modifier = payer?.resolvedTherapyModifier { required.append((modifier, .therapyModifier)) }
        if isAssistant, let modifier = payer?.resolvedAssistantModifier { required.append((modifier, .assistantModifier)) }
        for (modifier, rule) in required where !modifiers.contains(modifier) {
            let field = rule == .therapyModifier ? "therapyModifier" : "assistantModifier"
            guard ReferenceCodes.isModifier(modifier) else {
                problems.append("payer \(payer?.id ?? ""): \(field) '\(modifier)' is not 2 letters or digits \(rule.tag)")
                continue
            }
            if modifiers.count >= 4 {
                problems.append("\(label) needs modifier \(modifier) but already has 4 modifiers (\(modifiers.joined(separator: ":"))) \(rule.tag)")
            } else {
                modifiers.append(modifier)
            }
        }
        return problems
    }
}
