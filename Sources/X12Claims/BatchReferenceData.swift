import Foundation

/// The ISA/GS settings of the batch (`interchange`).
public struct InterchangeSettings: Sendable, Hashable {
    /// ISA05 (default `ZZ`).
    public var senderQualifier: String?
    /// ISA06 / GS02.
    public var senderId: String
    /// ISA07 (default `ZZ`).
    public var receiverQualifier: String?
    /// ISA08 / GS03.
    public var receiverId: String
    /// ISA15: `T` test or `P` production (default `P`).
    public var usage: String?
    /// ISA13; when absent the tool picks the next number from its counter file.
    public var controlNumber: Int?
    /// Interchange date, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (UTC); default now.
    public var date: String?

    /// Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` as a UTC instant.
    public static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let day = CalendarDate(iso: String(parts[0])) else { return nil }
        var hour = 0
        var minute = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, time[0].count == 2, time[1].count == 2, let h = Int(time[0]), let m = Int(time[1]),
                  (0...23).contains(h), (0...59).contains(m) else { return nil }
            hour = h
            minute = m
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }
}

/// A contact person with phone and e-mail (1000A PER).
public struct ContactRecord: Sendable, Hashable {
    /// Contact name.
    public var name: String?
    /// Phone number (digits; punctuation is removed).
    public var phone: String?
    /// E-mail address.
    public var email: String?
}

/// The submitter (1000A): the practice or its billing service, known to the receiver by `id` (ETIN).
public struct SubmitterRecord: Sendable, Hashable {
    /// Submitter name.
    public var name: String
    /// Submitter id assigned by the receiver.
    public var id: String
    /// Who to call about the file.
    public var contact: ContactRecord?
}

/// The receiver (1000B): the clearinghouse or payer the file goes to.
public struct ReceiverRecord: Sendable, Hashable {
    /// Receiver name.
    public var name: String
    /// Receiver id.
    public var id: String
}

/// The billing provider (2010AA): the practice that bills and gets paid.
public struct BillingProviderRecord: Sendable, Hashable {
    /// Organization name (or use `firstName`/`lastName` for a sole practitioner).
    public var organizationName: String?
    /// First name of a sole practitioner.
    public var firstName: String?
    /// Last name of a sole practitioner.
    public var lastName: String?
    /// The practice's NPI.
    public var npi: String?
    /// EIN, 9 digits (a hyphen is allowed and removed).
    public var taxId: String?
    /// Taxonomy code (PRV*BI).
    public var taxonomy: String?
    /// Street address (no PO box).
    public var address: BatchAddress?
    /// Remit address when it differs (2010AB).
    public var payToAddress: BatchAddress?
    /// Sequence number in the PM/clearinghouse system (M1).
    public var alternateId: String?
}

/// What kind of payer an entry is.
public enum PayerKind: String, Sendable, Hashable {
    /// An insurer billed electronically.
    case insurance
    /// The Medicare DME MAC that DME charges go to (R13).
    case medicareDME
    /// The patient pays; nothing is sent (R10).
    case selfPay
}

/// A payer from the practice's payer list.
public struct PayerRecord: Sendable, Hashable {
    /// Id used by cases.
    public var id: String
    /// Payer name (2010BB NM103).
    public var name: String
    /// Payer id (2010BB NM109).
    public var payerId: String?
    /// SBR09 claim filing indicator (`MB`, `CI`, `MC`, `BL`, `HM`...).
    public var claimFilingCode: String?
    /// Insurance, Medicare DME or self-pay (default insurance).
    public var kind: PayerKind?
    /// Sequence number in the PM/clearinghouse system (M1).
    public var alternateId: String?
    /// DME: the supplier's PTAN with the DME MAC (must be on file).
    public var ptan: String?
    /// DME: the billing NPI registered with the DME MAC.
    public var npi: String?
    /// DME: send the PTAN as 2010BB REF*G2 (default false: Medicare takes the NPI only).
    public var sendPtan: Bool?
    /// Payer address (2010BB N3/N4), optional.
    public var address: BatchAddress?
    /// Modifier every therapy line billed to this payer carries (T1); default `GP` for filing code `MB`, an empty
    /// string for none.
    public var therapyModifier: String?
    /// Modifier for a line furnished in whole or in part by a therapy assistant (T2); default `CQ` for filing
    /// code `MB`, an empty string for none.
    public var assistantModifier: String?
    /// The payer receives the primary's adjudicated claims automatically (Medicare COBA crossover): no secondary
    /// claim is sent to it.
    public var crossover: Bool?
    /// DME: the DME MAC jurisdiction (`A`...`D`).
    public var jurisdiction: String?
    /// DME: the two-letter states the jurisdiction serves (D1). A DME payer without `states` serves every state.
    public var states: [String]?

    /// The kind, defaulting to insurance.
    public var resolvedKind: PayerKind { kind ?? .insurance }

    /// T1: the therapy modifier this payer requires, if any (`GP` for Medicare Part B unless set).
    public var resolvedTherapyModifier: String? {
        Self.modifier(therapyModifier, medicareDefault: "GP", filingCode: claimFilingCode)
    }

    /// T2: the therapy assistant modifier this payer requires, if any (`CQ` for Medicare Part B unless set).
    public var resolvedAssistantModifier: String? {
        Self.modifier(assistantModifier, medicareDefault: "CQ", filingCode: claimFilingCode)
    }

    private static func modifier(_ entered: String?, medicareDefault: String, filingCode: String?) -> String? {
        if let entered {
            let text = entered.trimmingCharacters(in: .whitespaces).uppercased()
            return text.isEmpty ? nil : text
        }
        return filingCode?.uppercased() == "MB" ? medicareDefault : nil
    }
}

/// A rendering provider (a therapist of the practice).
public struct ProviderRecord: Sendable, Hashable {
    /// Id used by cases.
    public var id: String
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// Individual NPI.
    public var npi: String?
    /// Taxonomy code (2310B PRV*PE).
    public var taxonomy: String?
    /// Whether the provider may still bill (R3); default true.
    public var active: Bool?
    /// Sequence number in the PM/clearinghouse system (M1).
    public var alternateId: String?
}

/// A referring or ordering physician (2310A, 2420E).
public struct ReferringProviderRecord: Sendable, Hashable {
    /// Id used by cases.
    public var id: String
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// NPI (must pass the check digit, R8).
    public var npi: String?
    /// Address, sent on DME lines (2420E) with lines truncated to 32 characters.
    public var address: BatchAddress?
    /// Sequence number in the PM/clearinghouse system (M1/M2).
    public var alternateId: String?
}

/// A service location other than the billing address (2310C).
public struct FacilityRecord: Sendable, Hashable {
    /// Id used by cases.
    public var id: String
    /// Facility name.
    public var name: String?
    /// Facility NPI, when it has one.
    public var npi: String?
    /// Street address (9-digit ZIP).
    public var address: BatchAddress?
    /// Sequence number in the PM/clearinghouse system (M1).
    public var alternateId: String?
}

/// Defaults that fill a charge's missing fields (M4).
public struct CodeDefaults: Sendable, Hashable {
    /// Modifiers used when the charge has none.
    public var modifiers: [String]?
    /// Revenue code (institutional claims; kept for the record, not sent on an 837P).
    public var revenueCode: String?
    /// Units used when the charge gives none.
    public var units: Decimal?
}

/// An entry of the practice's code table.
public struct CodeRecord: Sendable, Hashable {
    /// The code as charged (CPT/HCPCS, or a custom code).
    public var code: String
    /// Description.
    public var description: String?
    /// A DME item (R13).
    public var dme: Bool?
    /// A therapy procedure (e.g. 97110): its lines get the payer's therapy modifier (T1).
    public var therapy: Bool?
    /// A practice-defined code (R14).
    public var custom: Bool?
    /// For a custom code: the comparative CPT/HCPCS code billed instead.
    public var mapsTo: String?
    /// For a custom code: its fee, used when a charge gives no amount.
    public var amount: Decimal?
    /// Defaults filling a charge's missing fields (M4).
    public var defaults: CodeDefaults?
}

/// One record of the PM/clearinghouse system's own lists (M1-M3).
public struct PMRecord: Sendable, Hashable {
    /// The sequence number (matches the billing record's `alternateId`).
    public var alternateId: String
    /// The NPI the PM system holds.
    public var npi: String?
    /// Name, for messages.
    public var name: String?
}

/// The PM/clearinghouse system's lists, for the consistency checks M1-M3.
public struct PMSystemRecord: Sendable, Hashable {
    /// Rendering/billing providers.
    public var providers: [PMRecord]?
    /// Referring providers.
    public var referringProviders: [PMRecord]?
    /// Payers.
    public var payers: [PMRecord]?
}
