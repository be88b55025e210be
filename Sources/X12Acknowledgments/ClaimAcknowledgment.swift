import Foundation
import X12

/// A 277CA claim acknowledgment (005010X214): the payer's or clearinghouse's front-end verdict on each claim.
///
/// The HL hierarchy runs information source (20) → information receiver (21) → billing provider (19) →
/// patient (PT); every patient loop holds one or more claims, each identified by its TRN02 (the submitted
/// CLM01) and carrying one or more STC statuses. Accepted claims usually get a payer claim control number
/// (REF*1K), which a later corrected claim must quote in REF*F8.
public struct ClaimAcknowledgment: Sendable {
    /// ISA13 of the interchange carrying the 277CA.
    public var interchangeControlNumber: String
    /// GS06 of the group carrying the 277CA.
    public var groupControlNumber: String
    /// ST02 of the 277CA.
    public var controlNumber: String
    /// ST03 (`005010X214`).
    public var implementationReference: String
    /// BHT03: the originator's reference for this acknowledgment.
    public var referenceIdentification: String
    /// BHT04: creation date (CCYYMMDD).
    public var creationDate: String
    /// The information source (2000A), receiver (2000B) and billing provider (2000C) levels, in order.
    public var levels: [StatusLevel]
    /// The claims (2200D), in order.
    public var claims: [AcknowledgedClaim]
    /// Where the ST is.
    public var position: Position
    /// Structural faults found while decoding.
    public var problems: [X12Error]
}

/// An HL level above the claims: information source, information receiver or billing provider.
public struct StatusLevel: Sendable {
    /// The kind of level, from HL03.
    public enum Kind: String, Sendable, Codable {
        /// HL03 `20`: payer or clearinghouse answering.
        case informationSource
        /// HL03 `21`: the submitter receiving the answer.
        case informationReceiver
        /// HL03 `19`: the billing provider.
        case billingProvider
    }

    /// The kind of level.
    public var kind: Kind
    /// HL01.
    public var hierarchyId: String
    /// HL02.
    public var parentId: String
    /// NM101 entity code (`PR`, `AY`, `41`, `85`).
    public var entityCode: String
    /// NM103 (organization or last name).
    public var name: String
    /// NM108 identification qualifier (`46`, `XX`, `FI`, `PI`).
    public var idQualifier: String
    /// NM109 identifier (NPI for `XX`).
    public var id: String
    /// TRN02: the trace number (at 2200B the batch the submitter sent).
    public var traceNumber: String
    /// STC statuses at this level.
    public var statuses: [ClaimStatus]
    /// DTP*050 receipt date.
    public var receiptDate: String?
    /// DTP*009 process date.
    public var processDate: String?
    /// QTY*90 (receiver) or QTY*QA (provider): number of accepted claims.
    public var acceptedQuantity: Decimal?
    /// QTY*AA (receiver) or QTY*QC (provider): number of rejected claims.
    public var rejectedQuantity: Decimal?
    /// AMT*YU: total charges accepted.
    public var acceptedAmount: Decimal?
    /// AMT*YY: total charges rejected.
    public var rejectedAmount: Decimal?
    /// Where the HL is.
    public var position: Position
}

/// One claim of a 277CA (2200D) with its statuses.
public struct AcknowledgedClaim: Sendable {
    /// HL01 of the patient level holding the claim.
    public var hierarchyId: String
    /// NM103 of the patient (last name).
    public var patientLastName: String
    /// NM104 of the patient.
    public var patientFirstName: String
    /// NM109 of the patient (member id).
    public var memberId: String
    /// Name of the billing provider level above the claim.
    public var billingProviderName: String
    /// NM109 of the billing provider level above the claim (NPI).
    public var billingProviderId: String
    /// TRN02: the submitted CLM01.
    public var patientControlNumber: String
    /// The claim's STC statuses (one or more).
    public var statuses: [ClaimStatus]
    /// REF*1K: the payer claim control number (normally only on accepted claims).
    public var payerClaimControlNumber: String?
    /// REF*D9: the clearinghouse trace number.
    public var clearinghouseTraceNumber: String?
    /// REF*BLT: institutional bill type.
    public var billType: String?
    /// DTP*472: claim service date or range as written (`20240110` or `20240110-20240112`).
    public var serviceDate: String?
    /// The service lines answered individually (2220D).
    public var lines: [AcknowledgedServiceLine]
    /// Where the TRN opening the claim is.
    public var position: Position

    /// STC04 of the first status that carries it: the total claim charge the acknowledger saw.
    public var chargeAmount: Decimal? { statuses.lazy.compactMap(\.chargeAmount).first }

    /// The claim's outcome: rejected when any status rejects it, accepted when one accepts it, otherwise pending.
    ///
    /// Claim-level statuses decide; line-level ones are used only when the claim has none.
    public var disposition: ClaimDisposition {
        ClaimDisposition(statuses.isEmpty ? lines.flatMap(\.statuses) : statuses)
    }
}

/// One service line of a 277CA claim (2220D).
public struct AcknowledgedServiceLine: Sendable {
    /// SVC01 as written (`HC:97110:GP`).
    public var procedure: String
    /// SVC01-2: the procedure code.
    public var procedureCode: String
    /// SVC02: line charge.
    public var chargeAmount: Decimal?
    /// SVC07: units.
    public var units: Decimal?
    /// The line's STC status.
    public var statuses: [ClaimStatus]
    /// REF*FJ: the line item control number (the 837's REF*6R).
    public var lineControlNumber: String?
    /// DTP*472: service date as written.
    public var serviceDate: String?
    /// Where the SVC is.
    public var position: Position
}

/// One STC segment: up to three `category:status:entity` codes with date, action and amount.
public struct ClaimStatus: Sendable {
    /// STC01, STC10 and STC11 (empty composites left out).
    public var codes: [StatusCode]
    /// STC02: status effective date.
    public var effectiveDate: String
    /// STC03: action code, `WQ` accepted or `U` reject.
    public var actionCode: String
    /// STC04: total charge.
    public var chargeAmount: Decimal?
    /// STC12: free-form message.
    public var message: String
    /// Where the STC is.
    public var position: Position
}

/// A `category:status:entity` composite, e.g. `A7:562:85` (rejected for invalid information: billing provider NPI).
public struct StatusCode: Sendable, Hashable {
    /// Category code (`A2`, `A7`).
    public var category: String
    /// Claim status code (`20`, `562`).
    public var status: String
    /// Entity identifier code (`85`), empty when absent.
    public var entity: String

    /// Creates a status code.
    public init(category: String, status: String, entity: String = "") {
        self.category = category
        self.status = status
        self.entity = entity
    }

    /// The composite as written: `A7:562:85`.
    public var text: String {
        [category, status, entity].reversed().drop { $0.isEmpty }.reversed().joined(separator: ":")
    }

    /// `rejected for invalid information; entity's National Provider Identifier (NPI); billing provider`,
    /// with unknown codes shown raw.
    public var description: String {
        var parts = [AckCodes.label(category, in: AckCodes.statusCategories)]
        if !status.isEmpty { parts.append(AckCodes.statusCodes[status] ?? "status \(status)") }
        if !entity.isEmpty { parts.append(AckCodes.entities[entity] ?? "entity \(entity)") }
        return parts.joined(separator: "; ")
    }

    /// What the category means for the claim, or `nil` for categories outside the acknowledgment family.
    public var disposition: ClaimDisposition? {
        switch category {
        case "A0", "A2", "A5": return .accepted
        case "A3", "A4", "A6", "A7", "A8": return .rejected
        case "A1": return .pending
        default: return nil
        }
    }
}
