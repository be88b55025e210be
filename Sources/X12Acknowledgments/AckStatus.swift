/// The outcome an acknowledgment code stands for, in words a biller uses.
///
/// TA104, IK501 and AK901 carry one-letter codes; several of them (`R`, `M`, `W`, `X`) all mean the
/// submission was turned away. This collapses them into the few outcomes that decide what to do next.
public enum AckStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// `A`: accepted.
    case accepted
    /// `E`: accepted, with errors noted (fix them before the next submission).
    case acceptedWithErrors
    /// `P` (AK901 only): some transaction sets of the group were rejected.
    case partiallyAccepted
    /// `R`, `M`, `W`, `X`: rejected; nothing in it reaches the payer.
    case rejected
    /// The code is missing or not one the standard defines.
    case unknown

    /// The outcome of a TA104, IK501 or AK901 code.
    public init(code: String) {
        switch code {
        case "A": self = .accepted
        case "E": self = .acceptedWithErrors
        case "P": self = .partiallyAccepted
        case "R", "M", "W", "X": self = .rejected
        default: self = .unknown
        }
    }

    /// Whether the submission (or part of it) goes on to the payer.
    public var goesForward: Bool {
        self == .accepted || self == .acceptedWithErrors || self == .partiallyAccepted
    }
}
