/// Meanings of the 835 codes whose lists are part of the implementation guide (005010X221A1), plus the
/// most common claim adjustment reason codes (CARC, an external list maintained by X12).
///
/// The lookups return `nil` for a code they do not know; records then carry the code alone. They are
/// `switch` statements rather than dictionaries because they run for every adjustment of a large file.
public enum RemittanceCodes {
    /// CLP02 claim status.
    public static func claimStatus(_ code: String) -> String? {
        switch code {
        case "1": return "Processed as primary"
        case "2": return "Processed as secondary"
        case "3": return "Processed as tertiary"
        case "4": return "Denied"
        case "19": return "Processed as primary, forwarded to additional payer(s)"
        case "20": return "Processed as secondary, forwarded to additional payer(s)"
        case "21": return "Processed as tertiary, forwarded to additional payer(s)"
        case "22": return "Reversal of previous payment"
        case "23": return "Not our claim, forwarded to additional payer(s)"
        case "25": return "Predetermination pricing only, no payment"
        default: return nil
        }
    }

    /// CAS01 claim adjustment group.
    public static func adjustmentGroup(_ code: String) -> String? {
        switch code {
        case "CO": return "Contractual obligation"
        case "PR": return "Patient responsibility"
        case "OA": return "Other adjustment"
        case "PI": return "Payer initiated reduction"
        case "CR": return "Correction and reversal (not used in 5010)"
        default: return nil
        }
    }

    /// CAS02/05/... claim adjustment reason (common CARCs only).
    public static func adjustmentReason(_ code: String) -> String? {
        switch code {
        case "1": return "Deductible amount"
        case "2": return "Coinsurance amount"
        case "3": return "Co-payment amount"
        case "16": return "Claim lacks information or has submission/billing error(s)"
        case "18": return "Exact duplicate claim/service"
        case "23": return "Impact of prior payer(s) adjudication"
        case "29": return "The time limit for filing has expired"
        case "45": return "Charge exceeds fee schedule/maximum allowable"
        case "50": return "Not deemed a medical necessity by the payer"
        case "96": return "Non-covered charge(s)"
        case "97": return "Included in the payment for another service"
        case "119": return "Benefit maximum for this time period has been reached"
        case "197": return "Precertification/authorization absent"
        case "253": return "Sequestration - reduction in federal payment"
        default: return nil
        }
    }

    /// PLB03-1 provider adjustment reason.
    public static func providerAdjustmentReason(_ code: String) -> String? {
        switch code {
        case "50": return "Late charge"
        case "51": return "Interest penalty charge"
        case "72": return "Authorized return"
        case "90": return "Early payment allowance"
        case "AH": return "Origination fee"
        case "AM": return "Applied to borrower's account"
        case "AP": return "Acceleration of benefits"
        case "B2": return "Rebate"
        case "B3": return "Recovery allowance"
        case "BD": return "Bad debt adjustment"
        case "BN": return "Bonus"
        case "C5": return "Temporary allowance"
        case "CR": return "Capitation interest"
        case "CS": return "Adjustment"
        case "CT": return "Capitation payment"
        case "CV": return "Capital passthru"
        case "CW": return "Certified registered nurse anesthetist passthru"
        case "DM": return "Direct medical education passthru"
        case "E3": return "Withholding"
        case "FB": return "Forwarding balance"
        case "FC": return "Fund allocation"
        case "GO": return "Graduate medical education passthru"
        case "HM": return "Hemophilia clotting factor supplement"
        case "IP": return "Incentive premium payment"
        case "IR": return "Internal Revenue Service withholding"
        case "IS": return "Interim settlement"
        case "J1": return "Nonreimbursable"
        case "L3": return "Penalty"
        case "L6": return "Interest owed"
        case "LE": return "Levy"
        case "LS": return "Lump sum"
        case "OA": return "Organ acquisition passthru"
        case "OB": return "Offset for affiliated providers"
        case "PI": return "Periodic interim payment"
        case "PL": return "Payment final"
        case "RA": return "Retro-activity adjustment"
        case "RE": return "Return on equity"
        case "SL": return "Student loan repayment"
        case "TL": return "Third party liability"
        case "WO": return "Overpayment recovery"
        case "WU": return "Unspecified recovery"
        default: return nil
        }
    }

    /// BPR04 payment method.
    public static func paymentMethod(_ code: String) -> String? {
        switch code {
        case "ACH": return "Automated clearing house (ACH)"
        case "BOP": return "Financial institution option"
        case "CHK": return "Check"
        case "FWT": return "Federal reserve funds/wire transfer"
        case "NON": return "Non-payment data"
        default: return nil
        }
    }

    /// BPR01 transaction handling code.
    public static func handling(_ code: String) -> String? {
        switch code {
        case "C": return "Payment accompanies remittance advice"
        case "D": return "Make payment only"
        case "H": return "Notification only"
        case "I": return "Remittance information only"
        case "P": return "Prenotification of future transfers"
        case "U": return "Split payment and remittance"
        case "X": return "Handling party's option to split payment and remittance"
        default: return nil
        }
    }

    /// MOA/MIA and LQ*HE remittance advice remark code (RARC, an external list maintained by CMS; common
    /// codes only).
    public static func remark(_ code: String) -> String? {
        switch code {
        case "M15": return "Separately billed services/tests have been bundled as they are considered components of the same procedure. Separate payment is not allowed."
        case "MA01": return "Alert: If you do not agree with what we approved for these services, you may appeal our decision. To make sure that we are fair to you, we require another individual that did not process your initial claim to conduct the appeal. However, in order to be eligible for an appeal, you must write to us within 120 days of the date you received this notice, unless you have a good reason for being late."
        case "MA130": return "Your claim contains incomplete and/or invalid information, and no appeal rights are afforded because the claim is unprocessable. Please submit a new claim with the complete/correct information."
        case "N130": return "Consult plan benefit documents/guidelines for information about restrictions for this service."
        case "N381": return "Alert: Consult our contractual agreement for restrictions/billing/payment information related to these charges."
        default: return nil
        }
    }

    /// CLP02 value of a reversal of a previous payment.
    public static let reversalStatus = "22"
}
