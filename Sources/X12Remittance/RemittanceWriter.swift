/// Output formats of `x12 remit`.
public enum RemittanceFormat: String, Sendable, CaseIterable {
    /// One JSON document, a ``RemittanceReport``: transactions → claims → lines → adjustments.
    case json
    /// One claim payment a line (``RemittanceClaimRecord``), for pipelines.
    case ndjson
    /// One row per service line, claim columns repeated, plus rows for claim-level adjustments and
    /// claims without lines (columns in ``RemittanceCSV/columns``).
    case csv
}

/// Writes remittances as they are decoded, so output never needs the whole file in memory.
///
/// Call ``begin()`` once, ``write(_:)`` for each remittance, then ``finish(errors:summary:matching:)``;
/// each returns the bytes to append to the output. The JSON output equals a ``RemittanceReport``
/// encoded with the same key order.
public struct RemittanceWriter {
    /// The format written.
    public let format: RemittanceFormat
    private var written = 0

    /// Creates a writer.
    public init(format: RemittanceFormat) {
        self.format = format
    }

    /// The bytes that open the output.
    public func begin() -> [UInt8] {
        switch format {
        case .json: return Array("{\n  \"transactions\": [".utf8)
        case .ndjson: return []
        case .csv: return Array((RemittanceCSV.header + "\n").utf8)
        }
    }

    /// The bytes of one remittance.
    public mutating func write(_ remittance: Remittance) throws -> [UInt8] {
        defer { written += 1 }
        var output: [UInt8] = []
        switch format {
        case .json:
            if written > 0 { output.append(0x2C) }
            output.append(contentsOf: Array("\n    ".utf8))
            try OrderedJSONEncoder(pretty: true).encode(remittance, indent: 2, into: &output)
        case .ndjson:
            let encoder = OrderedJSONEncoder(pretty: false)
            for claim in remittance.claims {
                try encoder.encode(RemittanceClaimRecord(remittance: remittance, claim: claim), into: &output)
                output.append(0x0A)
            }
        case .csv:
            for row in RemittanceCSV.rows(for: remittance) {
                output.append(contentsOf: row.utf8)
                output.append(0x0A)
            }
        }
        return output
    }

    /// The bytes that close the output: in JSON, the errors, summary and matching of the report.
    public func finish(errors: [RemittanceProblem], summary: RemittanceSummary,
                       matching: SubmittedMatchingSummary?) throws -> [UInt8] {
        guard format == .json else { return [] }
        var output: [UInt8] = Array((written > 0 ? "\n  ],\n  \"errors\": " : "],\n  \"errors\": ").utf8)
        let encoder = OrderedJSONEncoder(pretty: true)
        try encoder.encode(errors, indent: 1, into: &output)
        output.append(contentsOf: Array(",\n  \"summary\": ".utf8))
        try encoder.encode(summary, indent: 1, into: &output)
        if let matching {
            output.append(contentsOf: Array(",\n  \"matching\": ".utf8))
            try encoder.encode(matching, indent: 1, into: &output)
        }
        output.append(contentsOf: Array("\n}\n".utf8))
        return output
    }

    /// A whole report in this format (the same bytes as writing it piece by piece).
    public static func write(_ report: RemittanceReport, format: RemittanceFormat) throws -> [UInt8] {
        var writer = RemittanceWriter(format: format)
        var output = writer.begin()
        for remittance in report.transactions { output += try writer.write(remittance) }
        output += try writer.finish(errors: report.errors, summary: report.summary, matching: report.matching)
        return output
    }
}

/// One NDJSON line: a claim payment with the transaction it came in.
///
/// The transaction fields come first, then every key of ``RemittanceClaim`` at the same level.
public struct RemittanceClaimRecord: Sendable, Encodable {
    /// ST02 of the 835.
    public var transactionSetControlNumber: String
    /// TRN02 check or EFT trace number.
    public var traceNumber: String
    /// BPR16 payment date.
    public var paymentDate: String
    /// TRN03/BPR10 payer identifier.
    public var payerIdentifier: String
    /// N1*PR name.
    public var payerName: String
    /// N1*PE name.
    public var payeeName: String
    /// N1*PE N104 (NPI or TIN).
    public var payeeIdentifier: String?
    /// The claim payment.
    public var claim: RemittanceClaim

    /// Builds the record of one claim.
    public init(remittance: Remittance, claim: RemittanceClaim) {
        transactionSetControlNumber = remittance.transactionSetControlNumber
        traceNumber = remittance.payment.traceNumber
        paymentDate = remittance.payment.date
        payerIdentifier = remittance.payment.payerIdentifier
        payerName = remittance.payer.name
        payeeName = remittance.payee.name
        payeeIdentifier = remittance.payee.identifier
        self.claim = claim
    }

    private enum CodingKeys: String, CodingKey {
        case transactionSetControlNumber, traceNumber, paymentDate, payerIdentifier, payerName, payeeName, payeeIdentifier
    }

    /// Writes the transaction keys, then the claim's keys in the same object.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(transactionSetControlNumber, forKey: .transactionSetControlNumber)
        try container.encode(traceNumber, forKey: .traceNumber)
        try container.encode(paymentDate, forKey: .paymentDate)
        try container.encode(payerIdentifier, forKey: .payerIdentifier)
        try container.encode(payerName, forKey: .payerName)
        try container.encode(payeeName, forKey: .payeeName)
        try container.encodeIfPresent(payeeIdentifier, forKey: .payeeIdentifier)
        try claim.encode(to: encoder)
    }
}
