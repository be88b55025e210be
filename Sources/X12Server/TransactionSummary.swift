import X12

/// What the summary says about one ST..SE transaction set.
struct TransactionSummary: Sendable {
    /// ST01 (`837`, `835`, `999`, `277`).
    var id: String
    /// ST02.
    var controlNumber: String
    /// ST03, or GS08 when ST03 is absent (an 835 does not send it).
    var implementationReference: String
    /// ISA13 of the interchange around the set.
    var interchangeControlNumber: String
    /// ISA06 sender id.
    var senderId: String
    /// ISA08 receiver id.
    var receiverId: String
    /// Segments from ST to SE inclusive.
    var segmentCount: Int
    /// File index of the ST segment.
    var firstSegmentIndex: Int

    /// A reader-friendly name of the transaction (`837P claims`, `835 payment`, `277CA claim acknowledgment`).
    var kindName: String {
        TransactionKind(id: id, implementationReference: implementationReference).name
    }
}

/// The transaction types the inspector knows by name.
enum TransactionKind: Sendable, Equatable {
    case professionalClaims
    case institutionalClaims
    case claims
    case payment
    case implementationAcknowledgment
    case functionalAcknowledgment
    case claimAcknowledgment
    case claimStatus
    case other(String)

    /// Classifies a set by ST01 and its implementation reference (ST03 or GS08).
    init(id: String, implementationReference: String) {
        switch id {
        case "837":
            if implementationReference.contains("X222") { self = .professionalClaims }
            else if implementationReference.contains("X223") { self = .institutionalClaims }
            else { self = .claims }
        case "835": self = .payment
        case "999": self = .implementationAcknowledgment
        case "997": self = .functionalAcknowledgment
        case "277": self = implementationReference.contains("X214") ? .claimAcknowledgment : .claimStatus
        default: self = .other(id)
        }
    }

    /// The name shown in the summary.
    var name: String {
        switch self {
        case .professionalClaims: "837P professional claims"
        case .institutionalClaims: "837I institutional claims"
        case .claims: "837 claims"
        case .payment: "835 payment/remittance advice"
        case .implementationAcknowledgment: "999 implementation acknowledgment"
        case .functionalAcknowledgment: "997 functional acknowledgment"
        case .claimAcknowledgment: "277CA claim acknowledgment"
        case .claimStatus: "277 claim status"
        case .other(let id): "\(id) transaction"
        }
    }
}
