import Foundation

/// Builds one interchange (ISA..IEA) around the segments a caller writes, assigning control numbers and
/// writing every count (SE01, GE01, IEA01) and echo (SE02, GE02, IEA02) itself.
///
/// ```swift
/// var builder = try EnvelopeBuilder(header: .init(senderId: "SUBMITTER", receiverId: "PAYER", controlNumber: 17))
/// builder.beginGroup(functionalId: "HC", version: "005010X222A1")
/// builder.beginTransactionSet(id: "837")
/// try builder.write("BHT", ["0019", "00", "REF1", "20240115", "1430", "CH"])
/// try builder.endTransactionSet()
/// try builder.endGroup()
/// let bytes = try builder.finish()
/// ```
public struct EnvelopeBuilder: Sendable {
    /// What goes into the ISA and GS headers.
    public struct Header: Sendable, Hashable {
        /// ISA05 (default `ZZ`).
        public var senderQualifier: String
        /// ISA06 and GS02.
        public var senderId: String
        /// ISA07 (default `ZZ`).
        public var receiverQualifier: String
        /// ISA08 and GS03.
        public var receiverId: String
        /// ISA13, 1...999999999.
        public var controlNumber: Int
        /// ISA15: `P` production or `T` test.
        public var usage: String
        /// ISA14: ask for a TA1.
        public var acknowledgmentRequested: Bool
        /// Interchange date and time (ISA09/10, GS04/05).
        public var date: Date
        /// Application sender code (GS02); defaults to the sender id.
        public var applicationSender: String?
        /// Application receiver code (GS03); defaults to the receiver id.
        public var applicationReceiver: String?

        /// Creates a header.
        public init(senderQualifier: String = "ZZ", senderId: String, receiverQualifier: String = "ZZ", receiverId: String,
                    controlNumber: Int, usage: String = "P", acknowledgmentRequested: Bool = false, date: Date = Date(),
                    applicationSender: String? = nil, applicationReceiver: String? = nil) {
            self.senderQualifier = senderQualifier
            self.senderId = senderId
            self.receiverQualifier = receiverQualifier
            self.receiverId = receiverId
            self.controlNumber = controlNumber
            self.usage = usage
            self.acknowledgmentRequested = acknowledgmentRequested
            self.date = date
            self.applicationSender = applicationSender
            self.applicationReceiver = applicationReceiver
        }
    }

    /// The header used.
    public let header: Header
    private var writer: SegmentWriter
    private var groupCount = 0
    private var setCount = 0
    private var setStart = 0
    private var groupOpen = false
    private var setOpen = false
    private var setControlNumber = ""
    private var setSequence = 0
    /// Control numbers of the transaction sets written, in order (ST02), with their group (GS06).
    public private(set) var writtenSets: [(group: Int, controlNumber: String)] = []

    /// Starts an interchange and writes its ISA.
    ///
    /// - Throws: ``X12Error`` when a header value does not fit its fixed-width ISA field or contains a delimiter.
    public init(header: Header, delimiters: Delimiters = .standard, lineBreak: String = "\n") throws(X12Error) {
        if let problem = delimiters.problem() {
            throw X12Error(.invalidValue, at: Position(byteOffset: 0, line: 0, segmentId: "ISA"), problem)
        }
        guard (1...999_999_999).contains(header.controlNumber) else {
            throw X12Error(.invalidValue, at: Position(byteOffset: 0, line: 0, segmentId: "ISA", elementPosition: 13),
                           "interchange control number \(header.controlNumber) must be between 1 and 999999999")
        }
        self.header = header
        self.writer = SegmentWriter(delimiters: delimiters, lineBreak: lineBreak)
        let stamp = Self.stamp(header.date)
        let fields: [(String, Int)] = [
            ("00", 2), ("", 10), ("00", 2), ("", 10),
            (header.senderQualifier, 2), (header.senderId, 15), (header.receiverQualifier, 2), (header.receiverId, 15),
            (String(stamp.date.dropFirst(2)), 6), (String(stamp.time.prefix(4)), 4),
            (delimiters.repetition.map { String(UnicodeScalar($0)) } ?? "U", 1), ("00501", 5),
            (Self.controlNumberText(header.controlNumber), 9), (header.acknowledgmentRequested ? "1" : "0", 1),
            (header.usage, 1),
        ]
        var values: [FieldValue] = []
        for (index, (value, width)) in fields.enumerated() {
            guard value.utf8.count <= width else {
                throw X12Error(.invalidValue, at: Position(byteOffset: 0, line: 0, segmentId: "ISA", elementPosition: index + 1),
                               "ISA\(index < 9 ? "0" : "")\(index + 1) '\(value)' is longer than \(width) characters")
            }
            // Padded by bytes: the ISA is fixed width in bytes (padding(toLength:) counts UTF-16 units).
            values.append(.simple(value + String(repeating: " ", count: width - value.utf8.count)))
        }
        // ISA16 is the component separator itself, so it cannot go through the delimiter check.
        var isa = SegmentWriter(delimiters: Delimiters(element: delimiters.element, component: 0, repetition: nil, segment: delimiters.segment))
        try isa.write("ISA", values)
        var raw = isa.bytes
        raw.removeLast()
        raw.append(delimiters.element)
        raw.append(delimiters.component)
        raw.append(delimiters.segment)
        raw.append(contentsOf: Array(lineBreak.utf8))
        writer.writeRaw(raw)
    }

    /// ISA13 as written: nine digits, zero padded.
    public var interchangeControlNumber: String { Self.controlNumberText(header.controlNumber) }

    /// Opens a functional group (GS); its control number is the group's ordinal in the interchange.
    public mutating func beginGroup(functionalId: String, version: String) throws(X12Error) {
        groupCount += 1
        setCount = 0
        groupOpen = true
        let stamp = Self.stamp(header.date)
        try writer.write("GS", [
            .simple(functionalId), .simple(header.applicationSender ?? header.senderId),
            .simple(header.applicationReceiver ?? header.receiverId), .simple(stamp.date), .simple(stamp.time),
            .simple(String(groupCount)), "X", .simple(version),
        ])
    }

    /// Opens a transaction set (ST); its control number runs 0001, 0002... across the interchange.
    ///
    /// - Returns: the ST02 assigned.
    @discardableResult
    public mutating func beginTransactionSet(id: String, implementationReference: String?) throws(X12Error) -> String {
        setSequence += 1
        setCount += 1
        setOpen = true
        setControlNumber = String(setSequence).leftPadded(to: 4)
        setStart = writer.segmentCount
        var elements: [FieldValue] = [.simple(id), .simple(setControlNumber)]
        if let implementationReference { elements.append(.simple(implementationReference)) }
        try writer.write("ST", elements)
        writtenSets.append((group: groupCount, controlNumber: setControlNumber))
        return setControlNumber
    }

    /// Writes one body segment of the open transaction set.
    public mutating func write(_ id: String, _ elements: [FieldValue]) throws(X12Error) {
        try writer.write(id, elements)
    }

    /// Number of segments written so far in the open transaction set, ST included.
    public var transactionSegmentCount: Int { writer.segmentCount - setStart }

    /// Closes the transaction set with SE (count and control number).
    public mutating func endTransactionSet() throws(X12Error) {
        let count = writer.segmentCount - setStart + 1
        try writer.write("SE", [.simple(String(count)), .simple(setControlNumber)])
        setOpen = false
    }

    /// Closes the group with GE.
    public mutating func endGroup() throws(X12Error) {
        try writer.write("GE", [.simple(String(setCount)), .simple(String(groupCount))])
        groupOpen = false
    }

    /// Closes the interchange with IEA and returns the bytes.
    ///
    /// - Throws: ``X12Error`` when a group or transaction set is still open.
    public mutating func finish() throws(X12Error) -> [UInt8] {
        if setOpen || groupOpen {
            throw X12Error(.missingTrailer, at: Position(byteOffset: writer.bytes.count, line: 0),
                           "cannot close the interchange: a \(setOpen ? "transaction set" : "functional group") is still open")
        }
        try writer.write("IEA", [.simple(String(groupCount)), .simple(interchangeControlNumber)])
        return writer.bytes
    }

    static func controlNumberText(_ number: Int) -> String { String(number).leftPadded(to: 9) }

    static func stamp(_ date: Date) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let ymd = String(parts.year ?? 2000).leftPadded(to: 4) + String(parts.month ?? 1).leftPadded(to: 2)
            + String(parts.day ?? 1).leftPadded(to: 2)
        let hm = String(parts.hour ?? 0).leftPadded(to: 2) + String(parts.minute ?? 0).leftPadded(to: 2)
        return (ymd, hm)
    }
}

extension String {
    /// The string left-padded with zeros to `width` characters.
    public func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
