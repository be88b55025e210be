/// The code lists acknowledgments use, with the meaning a biller reads next to each code.
///
/// Meanings come from the X12 code lists as summarised in the project's acknowledgment notes. Codes not in a
/// list are shown raw (`code 11`), never guessed.
public enum AckCodes {
    /// TA105 interchange note codes.
    public static let interchangeNotes: [String: String] = [
        "000": "no error",
        "001": "ISA13 and IEA02 do not match",
        "002": "standard in ISA11 not supported",
        "003": "this version of the controls not supported",
        "004": "segment terminator invalid",
        "005": "invalid sender id qualifier",
        "006": "invalid sender id",
        "007": "invalid receiver id qualifier",
        "008": "invalid receiver id",
        "009": "unknown receiver id",
        "010": "invalid authorization info qualifier",
        "011": "invalid authorization info value",
        "012": "invalid security info qualifier",
        "013": "invalid security info value",
        "014": "invalid interchange date",
        "015": "invalid interchange time",
        "016": "invalid standards identifier (ISA11) value",
        "017": "invalid version id (ISA12)",
        "018": "invalid interchange control number value",
        "019": "invalid acknowledgment requested (ISA14) value",
        "020": "invalid test indicator (ISA15) value",
        "021": "invalid number of included groups (IEA01)",
        "022": "invalid control structure",
        "023": "improper (premature) end of file",
        "024": "invalid interchange content (e.g. bad GS)",
        "025": "duplicate interchange control number",
        "026": "invalid data element separator",
        "027": "invalid component element separator",
        "028": "invalid delivery date in deferred delivery request",
        "029": "invalid delivery time in deferred delivery request",
        "030": "invalid delivery time code in deferred delivery request",
        "031": "invalid grade of service code",
    ]

    /// TA104 interchange acknowledgment codes.
    public static let interchangeAcknowledgmentCodes: [String: String] = [
        "A": "accepted",
        "E": "accepted, with errors noted",
        "R": "rejected",
    ]

    /// IK501 transaction set and AK901 functional group acknowledgment codes (`P` is AK901 only).
    public static let acknowledgmentCodes: [String: String] = [
        "A": "accepted",
        "E": "accepted, but errors were noted",
        "M": "rejected, message authentication code (MAC) failed",
        "P": "partially accepted, at least one transaction set rejected",
        "R": "rejected",
        "W": "rejected, assurance failed validity tests",
        "X": "rejected, content after decryption could not be analyzed",
    ]

    /// IK304 segment syntax error codes.
    public static let segmentErrors: [String: String] = [
        "1": "unrecognized segment id",
        "2": "unexpected segment",
        "3": "required segment missing",
        "4": "loop occurs over maximum times",
        "5": "segment exceeds maximum use",
        "6": "segment not in defined transaction set",
        "7": "segment not in proper sequence",
        "8": "segment has data element errors",
        "I4": "implementation \"not used\" segment present",
        "I6": "implementation dependent segment missing",
        "I7": "implementation loop occurs under minimum times",
        "I8": "implementation segment below minimum use",
        "I9": "implementation dependent \"not used\" segment present",
    ]

    /// IK403 element syntax error codes (`11` has no published meaning and is shown raw).
    public static let elementErrors: [String: String] = [
        "1": "required data element missing",
        "2": "conditional required data element missing",
        "3": "too many data elements",
        "4": "data element too short",
        "5": "data element too long",
        "6": "invalid character in data element",
        "7": "invalid code value",
        "8": "invalid date",
        "9": "invalid time",
        "10": "exclusion condition violated",
        "12": "too many repetitions",
        "13": "too many components",
        "I6": "code value not used in implementation",
        "I9": "implementation dependent data element missing",
        "I10": "implementation \"not used\" data element present",
        "I11": "implementation too few repetitions",
        "I12": "implementation pattern match failure",
        "I13": "implementation dependent \"not used\" data element present",
    ]

    /// IK502-IK506 transaction set syntax error codes.
    public static let transactionSetErrors: [String: String] = [
        "1": "transaction set not supported",
        "2": "transaction set trailer missing",
        "3": "transaction set control number in header and trailer do not match",
        "4": "number of included segments does not match actual count",
        "5": "one or more segments in error",
        "6": "missing or invalid transaction set identifier",
        "7": "missing or invalid transaction set control number",
        "8": "authentication key name unknown",
        "9": "encryption key name unknown",
        "10": "requested service (authentication or encryption) not available",
        "11": "unknown security recipient",
        "12": "incorrect message length (encryption only)",
        "13": "message authentication code failed",
        "15": "unknown security originator",
        "16": "syntax error in decrypted text",
        "17": "security not supported",
        "18": "transaction set not in functional group",
        "19": "invalid transaction set implementation convention reference",
        "23": "transaction set control number not unique within the functional group",
        "24": "S3E security end segment missing for S3S security start segment",
        "25": "S3S security start segment missing for S3E security end segment",
        "26": "S4E security end segment missing for S4S security start segment",
        "27": "S4S security start segment missing for S4E security end segment",
        "I5": "implementation one or more segments in error",
        "I6": "implementation convention not supported",
    ]

    /// AK905-AK909 functional group syntax error codes.
    public static let groupErrors: [String: String] = [
        "1": "functional group not supported",
        "2": "functional group version not supported",
        "3": "functional group trailer missing",
        "4": "group control number in the functional group header and trailer do not agree",
        "5": "number of included transaction sets does not match actual count",
        "6": "group control number violates syntax",
        "10": "authentication key name unknown",
        "11": "encryption key name unknown",
        "12": "requested service (authentication or encryption) not available",
        "13": "unknown security recipient",
        "14": "unknown security originator",
        "15": "syntax error in decrypted text",
        "16": "security not supported",
        "17": "incorrect message length (encryption only)",
        "18": "message authentication code failed",
        "19": "functional group control number not unique within interchange",
        "23": "S3E security end segment missing for S3S security start segment",
        "24": "S3S security start segment missing for S3E security end segment",
        "25": "S4E security end segment missing for S4S security start segment",
        "26": "S4S security start segment missing for S4E security end segment",
    ]

    /// STC01-1 claim status category codes, acknowledgment family (`A0`-`A8`).
    public static let statusCategories: [String: String] = [
        "A0": "forwarded to another entity",
        "A1": "received, not yet accepted into adjudication",
        "A2": "accepted into adjudication",
        "A3": "returned as unprocessable claim",
        "A4": "not found",
        "A5": "split claim",
        "A6": "rejected for missing information",
        "A7": "rejected for invalid information",
        "A8": "rejected for relational field in error",
    ]

    /// STC01-2 claim status codes seen most often on 277CAs (the full external list is far longer).
    public static let statusCodes: [String: String] = [
        "19": "entity acknowledges receipt of claim",
        "20": "accepted for processing",
        "21": "missing or invalid information",
        "33": "subscriber and subscriber id not found",
        "116": "claim submitted to incorrect payer",
        "562": "entity's National Provider Identifier (NPI)",
    ]

    /// STC01-3 entity identifier codes.
    public static let entities: [String: String] = [
        "85": "billing provider",
        "82": "rendering provider",
        "77": "service location",
        "DN": "referring provider",
        "DK": "ordering provider",
        "DQ": "supervising provider",
        "IL": "subscriber",
        "QC": "patient",
        "PR": "payer",
        "40": "receiver",
        "41": "submitter",
    ]

    /// `meaning` for a known code, `code <x>` for an unknown one (so nothing is ever blank).
    static func label(_ code: String, in list: [String: String]) -> String {
        list[code] ?? "code \(code)"
    }
}
