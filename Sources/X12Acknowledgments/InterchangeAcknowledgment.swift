import X12

/// A TA1 interchange acknowledgment: whether the ISA/IEA envelope of a submitted file was accepted.
///
/// `TA1*000000001*240115*1430*R*006~` says the interchange with ISA13 `000000001` was rejected because of an
/// invalid sender id; a rejected interchange means none of the claims in that file reached anyone.
public struct InterchangeAcknowledgment: Sendable, Hashable {
    /// TA101: the ISA13 of the acknowledged (submitted) interchange.
    public var controlNumber: String
    /// TA102: the submitted ISA09 date (YYMMDD).
    public var date: String
    /// TA103: the submitted ISA10 time (HHMM).
    public var time: String
    /// TA104: `A`, `E` or `R`.
    public var code: String
    /// TA105: the note code (`000` when there is no error).
    public var noteCode: String
    /// ISA13 of the interchange that carried this TA1.
    public var acknowledgmentControlNumber: String
    /// Where the TA1 segment is.
    public var position: Position

    /// Reads a TA1 segment; returns the record and the problems found in it (missing or unknown values).
    public static func decode(_ segment: Segment, in interchange: InterchangeHeader) -> (InterchangeAcknowledgment, [X12Error]) {
        let record = InterchangeAcknowledgment(
            controlNumber: segment[1], date: segment[2], time: segment[3], code: segment[4], noteCode: segment[5],
            acknowledgmentControlNumber: interchange.controlNumber, position: segment.position)
        var problems: [X12Error] = []
        if record.controlNumber.isEmpty {
            problems.append(X12Error(.invalidValue, at: segment.position(element: 1),
                                     "TA101 (acknowledged interchange control number) is missing"))
        }
        if AckCodes.interchangeAcknowledgmentCodes[record.code] == nil {
            problems.append(X12Error(.invalidValue, at: segment.position(element: 4),
                                     "TA104 '\(record.code)' is not an acknowledgment code (expected A, E or R)"))
        }
        if !record.noteCode.isEmpty, AckCodes.interchangeNotes[record.noteCode] == nil {
            problems.append(X12Error(.invalidValue, at: segment.position(element: 5),
                                     "TA105 '\(record.noteCode)' is not an interchange note code (expected 000-031)"))
        }
        return (record, problems)
    }

    /// The outcome of TA104.
    public var status: AckStatus {
        code == "E" || code == "A" || code == "R" ? AckStatus(code: code) : .unknown
    }

    /// The meaning of TA105, or `nil` for an unknown code.
    public var noteDescription: String? { AckCodes.interchangeNotes[noteCode] }
}
