/// Where a submitted claim stands after its acknowledgments.
public enum ClaimDisposition: String, Sendable, Hashable, Codable, CaseIterable {
    /// Accepted into adjudication (277CA `A2`, forwarded `A0`, split `A5`).
    case accepted
    /// Turned away: by a TA1, a 999 rejecting its transaction set, or a 277CA rejection (`A3`, `A4`, `A6`-`A8`, action `U`).
    case rejected
    /// Not decided yet: no acknowledgment names it, or only a receipt (`A1`) or a 999 acceptance so far.
    case pending

    /// The outcome of a set of 277CA statuses: any rejection wins, then any acceptance, otherwise pending.
    init(_ statuses: [ClaimStatus]) {
        let codes = statuses.flatMap(\.codes).compactMap(\.disposition)
        if codes.contains(.rejected) || statuses.contains(where: { $0.actionCode == "U" }) {
            self = .rejected
        } else if codes.contains(.accepted) {
            self = .accepted
        } else {
            self = .pending
        }
    }
}
