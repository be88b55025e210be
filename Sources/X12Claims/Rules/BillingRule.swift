import Foundation

/// The billing rules added for therapy modifiers, DME jurisdictions and the KX threshold, each named in the
/// report reasons and warnings it produces (as `(T1)`, `(D2)`...), next to the original R1-R14 and M1-M5.
public enum BillingRule: String, Sendable, CaseIterable {
    /// T1: a therapy line carries the payer's therapy modifier (`GP` for Medicare Part B).
    case therapyModifier = "T1"
    /// T2: a line furnished by a therapy assistant carries the payer's assistant modifier (`CQ` for Medicare Part B).
    case assistantModifier = "T2"
    /// D1: DME charges go to the DME MAC of the beneficiary's state (or the case's own DME payer).
    case dmeJurisdiction = "D1"
    /// D2: at most one of `KX`, `GA`, `GZ`, `GY` on a DME line.
    case dmeLiabilityModifiers = "D2"
    /// D3: a DME line never carries both `RT` and `LT` (bilateral items are two lines).
    case dmeBilateral = "D3"
    /// D4: no CMN/DIF (2440 LQ/FRM, CR3, PWK*CT) for dates of service from 2023-01-01.
    case dmeCertificates = "D4"
    /// K1: a Medicare patient's therapy charges of the year pass the KX threshold without the case's KX flag.
    case kxThreshold = "K1"

    /// The tag written after a reason, e.g. `(T1)`.
    public var tag: String { "(\(rawValue))" }
}
