/// Meanings of the 835 codes whose lists are part of the implementation guide (005010X221A1), plus the
/// most common claim adjustment reason codes (CARC, an external list maintained by X12).
///
/// The lookups return `nil` for a code they do not know; records then carry the code alone.
public enum RemittanceCodes {
    /// CLP02 claim status.
    public static func claimStatus(_ code: String) -> String? { claimStatuses[code] }
    /// CAS01 claim adjustment group.
    public static func adjustmentGroup(_ code: String) -> String? { adjustmentGroups[code] }
    /// CAS02/05/... claim adjustment reason (common CARCs only).
    public static func adjustmentReason(_ code: String) -> String? { adjustmentReasons[code] }
    /// PLB03-1 provider adjustment reason.
    public static func providerAdjustmentReason(_ code: String) -> String? { providerAdjustmentReasons[code] }
    /// BPR04 payment method.
    public static func paymentMethod(_ code: String) -> String? { paymentMethods[code] }
    /// BPR01 transaction handling code.
    public static func handling(_ code: String) -> String? { handlingCodes[code] }

    /// CLP02 value of a reversal of a previous payment.
    public static let reversalStatus = "22"

    private static let claimStatuses = [
        "1": "Processed as primary",
        "2": "Processed as secondary",
        "3": "Processed as tertiary",
        "4": "Denied",
        "19": "Processed as primary, forwarded to additional payer(s)",
        "20": "Processed as secondary, forwarded to additional payer(s)",
        "21": "Processed as tertiary, forwarded to additional payer(s)",
        "22": "Reversal of previous payment",
        "23": "Not our claim, forwarded to additional payer(s)",
        "25": "Predetermination pricing only, no payment",
    ]

    private static let adjustmentGroups = [
        "CO": "Contractual obligation",
        "PR": "Patient responsibility",
        "OA": "Other adjustment",
        "PI": "Payer initiated reduction",
        "CR": "Correction and reversal (not used in 5010)",
    ]

    private static let adjustmentReasons = [
        "1": "Deductible amount",
        "2": "Coinsurance amount",
        "3": "Co-payment amount",
        "16": "Claim lacks information or has submission/billing error(s)",
        "18": "Exact duplicate claim/service",
        "23": "Impact of prior payer(s) adjudication",
        "29": "The time limit for filing has expired",
        "45": "Charge exceeds fee schedule/maximum allowable",
        "50": "Not deemed a medical necessity by the payer",
        "96": "Non-covered charge(s)",
        "97": "Included in the payment for another service",
        "119": "Benefit maximum for this time period has been reached",
        "197": "Precertification/authorization absent",
        "253": "Sequestration - reduction in federal payment",
    ]

    private static let providerAdjustmentReasons = [
        "50": "Late charge", "51": "Interest penalty charge", "72": "Authorized return", "90": "Early payment allowance",
        "AH": "Origination fee", "AM": "Applied to borrower's account", "AP": "Acceleration of benefits",
        "B2": "Rebate", "B3": "Recovery allowance", "BD": "Bad debt adjustment", "BN": "Bonus",
        "C5": "Temporary allowance", "CR": "Capitation interest", "CS": "Adjustment", "CT": "Capitation payment",
        "CV": "Capital passthru", "CW": "Certified registered nurse anesthetist passthru",
        "DM": "Direct medical education passthru", "E3": "Withholding", "FB": "Forwarding balance",
        "FC": "Fund allocation", "GO": "Graduate medical education passthru", "HM": "Hemophilia clotting factor supplement",
        "IP": "Incentive premium payment", "IR": "Internal Revenue Service withholding", "IS": "Interim settlement",
        "J1": "Nonreimbursable", "L3": "Penalty", "L6": "Interest owed", "LE": "Levy", "LS": "Lump sum",
        "OA": "Organ acquisition passthru", "OB": "Offset for affiliated providers", "PI": "Periodic interim payment",
        "PL": "Payment final", "RA": "Retro-activity adjustment", "RE": "Return on equity", "SL": "Student loan repayment",
        "TL": "Third party liability", "WO": "Overpayment recovery", "WU": "Unspecified recovery",
    ]

    private static let paymentMethods = [
        "ACH": "Automated clearing house (ACH)",
        "BOP": "Financial institution option",
        "CHK": "Check",
        "FWT": "Federal reserve funds/wire transfer",
        "NON": "Non-payment data",
    ]

    private static let handlingCodes = [
        "C": "Payment accompanies remittance advice",
        "D": "Make payment only",
        "H": "Notification only",
        "I": "Remittance information only",
        "P": "Prenotification of future transfers",
        "U": "Split payment and remittance",
        "X": "Handling party's option to split payment and remittance",
    ]
}
