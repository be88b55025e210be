import Foundation

/// One charge of a finalized visit.
public struct Charge: Sendable, Hashable {
    /// The code as charged.
    public var code: String
    /// Modifiers as entered.
    public var modifiers: [String]?
    /// Units (default: the code's default units, else 1).
    public var units: Decimal?
    /// Charge for the line in dollars (default: a custom code's amount).
    public var amount: Decimal?
    /// 1-based positions in the visit's diagnoses (default `[1]`).
    public var diagnosisPointers: [Int]?
    /// R1: never billed.
    public var doNotBill: Bool?
    /// Furnished in whole or in part by a therapy assistant: the line gets the payer's assistant modifier (T2).
    public var assistant: Bool?
}

/// Money the patient paid toward the visit (R10).
public struct PatientPayment: Sendable, Hashable {
    /// Amount paid.
    public var amount: Decimal
    /// `copay`, `coinsurance`, `deductible`, `other`.
    public var kind: String?
}

/// Finalize & Rebill of a visit already billed (R11).
public struct Rebill: Sendable, Hashable {
    /// `7` replacement or `8` void.
    public var frequency: String
    /// The payer's claim control number of the original claim (REF*F8).
    public var payerClaimControlNumber: String?
}

/// A finalized visit to bill.
public struct Visit: Sendable, Hashable {
    /// Becomes the patient control number CLM01 (20 characters at most).
    public var id: String
    /// The case billed.
    public var caseId: String
    /// Date of service.
    public var dateOfService: CalendarDate
    /// ICD-10-CM codes, principal first, with or without the dot.
    public var diagnoses: [String]?
    /// R1: the whole visit is never billed.
    public var doNotBill: Bool?
    /// The charges.
    public var charges: [Charge]
    /// Copays and other patient payments (R10).
    public var patientPayments: [PatientPayment]?
    /// Corrected or void claim (R11).
    public var rebill: Rebill?
}
