import Foundation
import X12

/// What a set of acknowledgments says about the submitted claims: the record `x12 ack` prints.
///
/// Its JSON keys are stable (documented in README.md): `interchanges` (TA1), `groups` (999 AK1/AK9),
/// `transactionSets` (999 AK2/IK5 with their `errors`), `claimLevels` (277CA source, receiver and provider
/// totals), `claims` (one record per claim), `unmatched` (acknowledgments that name nothing submitted),
/// `problems` (positioned faults of malformed or truncated input) and `summary`. Keys whose value is unknown
/// are written as `null`, never left out.
public struct AckReport: Sendable, Codable {
    /// One TA1.
    public var interchanges: [Interchange]
    /// One per 999 (its AK1/AK9).
    public var groups: [Group]
    /// One per 999 AK2.
    public var transactionSets: [TransactionSetResult]
    /// The 277CA levels above the claims, with their accepted/rejected totals.
    public var claimLevels: [ClaimLevel]
    /// One record per claim: every submitted claim when an 837 was given, otherwise every claim an acknowledgment names.
    public var claims: [ClaimResult]
    /// Acknowledgments that match nothing in the submitted 837 (only filled when one was given).
    public var unmatched: [Unmatched]
    /// Faults of the acknowledgment files, with their position.
    public var problems: [Problem]
    /// Counts for a one-line overview.
    public var summary: Summary

    /// A TA1 record.
    public struct Interchange: Sendable, Codable, Hashable {
        /// TA101: the submitted ISA13.
        public var controlNumber: String
        /// TA102 (YYMMDD).
        public var date: String
        /// TA103 (HHMM).
        public var time: String
        /// TA104 as an outcome.
        public var status: AckStatus
        /// TA104 as written.
        public var code: String
        /// TA105 with its meaning.
        public var note: Reason
        /// CLM01 of the submitted claims in that interchange (empty without a submitted 837).
        public var claims: [String]
        /// ISA13 of the interchange carrying the TA1.
        public var acknowledgmentInterchangeControlNumber: String
    }

    /// A 999's answer for one functional group.
    public struct Group: Sendable, Codable, Hashable {
        /// `999`, or `997` for the older functional acknowledgment.
        public var acknowledgmentType: String
        /// ISA13 of the interchange carrying the 999.
        public var acknowledgmentInterchangeControlNumber: String
        /// ST02 of the 999.
        public var acknowledgmentControlNumber: String
        /// AK101.
        public var functionalId: String
        /// AK102: the submitted GS06.
        public var controlNumber: String
        /// AK103.
        public var version: String
        /// AK901 as an outcome.
        public var status: AckStatus
        /// AK901 as written.
        public var code: String
        /// AK902.
        public var includedCount: Int?
        /// AK903.
        public var receivedCount: Int?
        /// AK904.
        public var acceptedCount: Int?
        /// AK905-AK909 with meanings.
        public var errors: [Reason]
    }

    /// A 999's answer for one submitted transaction set (AK2..IK5).
    public struct TransactionSetResult: Sendable, Codable, Hashable {
        /// ISA13 of the interchange carrying the 999.
        public var acknowledgmentInterchangeControlNumber: String
        /// ST02 of the 999.
        public var acknowledgmentControlNumber: String
        /// AK102: the submitted GS06.
        public var groupControlNumber: String
        /// AK201 (`837`).
        public var transactionSetId: String
        /// AK202: the submitted ST02.
        public var controlNumber: String
        /// AK203.
        public var implementationReference: String
        /// IK501 as an outcome: accepted, acceptedWithErrors, rejected (unknown when IK5 is missing).
        public var status: AckStatus
        /// IK501 as written.
        public var code: String
        /// IK502-IK506 with meanings.
        public var setErrors: [Reason]
        /// IK3/IK4 errors, each mapped to its claim when possible.
        public var errors: [SegmentIssue]
        /// CLM01 of the submitted claims in the set (empty without a submitted 837).
        public var claims: [String]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(acknowledgmentInterchangeControlNumber, forKey: .acknowledgmentInterchangeControlNumber)
            try container.encode(acknowledgmentControlNumber, forKey: .acknowledgmentControlNumber)
            try container.encode(groupControlNumber, forKey: .groupControlNumber)
            try container.encode(transactionSetId, forKey: .transactionSetId)
            try container.encode(controlNumber, forKey: .controlNumber)
            try container.encode(implementationReference, forKey: .implementationReference)
            try container.encode(status, forKey: .status)
            try container.encode(code, forKey: .code)
            try container.encode(setErrors, forKey: .setErrors)
            try container.encode(errors, forKey: .errors)
            try container.encode(claims, forKey: .claims)
        }
    }

    /// One IK3 segment error, or one IK4 element error within it.
    public struct SegmentIssue: Sendable, Codable, Hashable {
        /// IK301.
        public var segmentId: String
        /// IK302: position in the submitted set, ST = 1.
        public var segmentPosition: Int?
        /// IK303.
        public var loopId: String
        /// IK403 for an element error, IK304 for a segment error.
        public var code: String
        /// The meaning of `code` (`code 11` style when the list has none).
        public var description: String
        /// IK401-1 (`null` for a segment error).
        public var elementPosition: Int?
        /// IK401-2.
        public var componentPosition: Int?
        /// IK402.
        public var dataElementReference: String?
        /// IK404: copy of the bad value.
        public var badData: String?
        /// CLM01 of the claim the error is in (`null` when in the header or shared by several claims).
        public var claim: String?
        /// Every claim the error affects (several for an error in a subscriber loop above them).
        public var claims: [String]
        /// The submitted segment at `segmentPosition`, when an 837 was given.
        public var segmentText: String?
        /// CTX contexts as written (`CLM01:V100-1`, `SITUATIONAL TRIGGER CLM 43`).
        public var context: [String]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(segmentId, forKey: .segmentId)
            try container.encode(segmentPosition, forKey: .segmentPosition)
            try container.encode(loopId, forKey: .loopId)
            try container.encode(code, forKey: .code)
            try container.encode(description, forKey: .description)
            try container.encode(elementPosition, forKey: .elementPosition)
            try container.encode(componentPosition, forKey: .componentPosition)
            try container.encode(dataElementReference, forKey: .dataElementReference)
            try container.encode(badData, forKey: .badData)
            try container.encode(claim, forKey: .claim)
            try container.encode(claims, forKey: .claims)
            try container.encode(segmentText, forKey: .segmentText)
            try container.encode(context, forKey: .context)
        }
    }

    /// A 277CA information source, receiver or billing provider level.
    public struct ClaimLevel: Sendable, Codable, Hashable {
        /// ISA13 of the interchange carrying the 277CA.
        public var acknowledgmentInterchangeControlNumber: String
        /// ST02 of the 277CA.
        public var acknowledgmentControlNumber: String
        /// `informationSource`, `informationReceiver` or `billingProvider`.
        public var level: StatusLevel.Kind
        /// NM103.
        public var name: String
        /// NM109.
        public var id: String
        /// TRN02.
        public var traceNumber: String
        /// STC codes at this level.
        public var statuses: [Reason]
        /// QTY*90 / QTY*QA.
        public var acceptedQuantity: Decimal?
        /// QTY*AA / QTY*QC.
        public var rejectedQuantity: Decimal?
        /// AMT*YU.
        public var acceptedAmount: Decimal?
        /// AMT*YY.
        public var rejectedAmount: Decimal?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(acknowledgmentInterchangeControlNumber, forKey: .acknowledgmentInterchangeControlNumber)
            try container.encode(acknowledgmentControlNumber, forKey: .acknowledgmentControlNumber)
            try container.encode(level, forKey: .level)
            try container.encode(name, forKey: .name)
            try container.encode(id, forKey: .id)
            try container.encode(traceNumber, forKey: .traceNumber)
            try container.encode(statuses, forKey: .statuses)
            try container.encode(acceptedQuantity, forKey: .acceptedQuantity)
            try container.encode(rejectedQuantity, forKey: .rejectedQuantity)
            try container.encode(acceptedAmount, forKey: .acceptedAmount)
            try container.encode(rejectedAmount, forKey: .rejectedAmount)
        }
    }

    /// Where one claim stands.
    public struct ClaimResult: Sendable, Codable, Hashable {
        /// CLM01 (or the 277CA TRN02 when no 837 was given).
        public var patientControlNumber: String
        /// accepted, rejected or pending.
        public var status: ClaimDisposition
        /// REF*1K from the 277CA (quote it in REF*F8 of a corrected claim).
        public var payerClaimControlNumber: String?
        /// Why: 999 errors in the claim, 277CA status codes, TA1/999 rejections of the whole file or set.
        public var reasons: [Reason]
        /// CLM02 of the submitted claim, or the 277CA STC04.
        public var chargeAmount: Decimal?
        /// The patient (`LAST, FIRST`).
        public var patientName: String?
        /// ISA13 of the submitted interchange.
        public var interchangeControlNumber: String?
        /// GS06 of the submitted group.
        public var groupControlNumber: String?
        /// ST02 of the submitted transaction set.
        public var transactionSetControlNumber: String?
        /// Each acknowledgment that answered the claim, in reading order.
        public var acknowledgments: [Step]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(patientControlNumber, forKey: .patientControlNumber)
            try container.encode(status, forKey: .status)
            try container.encode(payerClaimControlNumber, forKey: .payerClaimControlNumber)
            try container.encode(reasons, forKey: .reasons)
            try container.encode(chargeAmount, forKey: .chargeAmount)
            try container.encode(patientName, forKey: .patientName)
            try container.encode(interchangeControlNumber, forKey: .interchangeControlNumber)
            try container.encode(groupControlNumber, forKey: .groupControlNumber)
            try container.encode(transactionSetControlNumber, forKey: .transactionSetControlNumber)
            try container.encode(acknowledgments, forKey: .acknowledgments)
        }
    }

    /// A coded reason with its meaning and the acknowledgment it came from.
    public struct Reason: Sendable, Codable, Hashable {
        /// The code as written (`8`, `I12`, `A7:562:85`, `006`).
        public var code: String
        /// Its meaning, with the segment or line it concerns.
        public var description: String
        /// `TA1`, `999` or `277CA`.
        public var source: String

        /// Creates a reason.
        public init(code: String, description: String, source: String) {
            self.code = code
            self.description = description
            self.source = source
        }
    }

    /// One acknowledgment step of a claim.
    public struct Step: Sendable, Codable, Hashable {
        /// `TA1`, `999` or `277CA`.
        public var source: String
        /// What that acknowledgment decided for the claim.
        public var status: ClaimDisposition
        /// The control number of the acknowledgment (TA1: ISA13 of its interchange; 999/277CA: its ST02).
        public var controlNumber: String

        /// Creates a step.
        public init(source: String, status: ClaimDisposition, controlNumber: String) {
            self.source = source
            self.status = status
            self.controlNumber = controlNumber
        }
    }

    /// An acknowledgment that names nothing in the submitted 837.
    public struct Unmatched: Sendable, Codable, Hashable {
        /// `TA1`, `999` or `277CA`.
        public var source: String
        /// What it names: an ISA13, a GS06/ST02, a CLM01.
        public var reference: String
        /// What it said.
        public var description: String
        /// Its codes, when it carries any.
        public var reasons: [Reason]
    }

    /// A positioned fault of an acknowledgment file.
    public struct Problem: Sendable, Codable, Hashable, CustomStringConvertible {
        /// The file it is in, when known.
        public var file: String?
        /// The error category (`truncatedSegment`, `unexpectedSegment`...).
        public var kind: X12Error.Kind
        /// Where it is.
        public var position: Position
        /// What is wrong.
        public var message: String

        /// Wraps an error found in `file`.
        public init(_ error: X12Error, file: String?) {
            self.file = file
            kind = error.kind
            position = error.position
            message = error.message
        }

        /// The error without its file.
        public var error: X12Error { X12Error(kind, at: position, message) }

        /// `file:segment N (ID) element M: message`.
        public var description: String { (file.map { $0 + ":" } ?? "") + error.description }
    }

    /// Counts over the report.
    public struct Summary: Sendable, Codable, Hashable {
        /// Number of claim records.
        public var claims: Int
        /// Claims accepted.
        public var accepted: Int
        /// Claims rejected.
        public var rejected: Int
        /// Claims pending.
        public var pending: Int
        /// Rejected interchanges, groups and transaction sets.
        public var rejectedEnvelopes: Int
        /// Number of unmatched acknowledgments.
        public var unmatched: Int
        /// Number of problems.
        public var problems: Int

        /// Creates a summary.
        public init(claims: Int, accepted: Int, rejected: Int, pending: Int, rejectedEnvelopes: Int, unmatched: Int, problems: Int) {
            self.claims = claims
            self.accepted = accepted
            self.rejected = rejected
            self.pending = pending
            self.rejectedEnvelopes = rejectedEnvelopes
            self.unmatched = unmatched
            self.problems = problems
        }
    }

    /// Whether anything was rejected: a claim, a transaction set, a group or an interchange.
    public var hasRejections: Bool {
        summary.rejected > 0 || summary.rejectedEnvelopes > 0
    }
}
