import X12Remittance

/// Output formats of `x12 remit`.
public enum RemittanceFormat: String, Sendable, CaseIterable {
    /// One JSON document, a `RemittanceReport`: transactions → claims → lines → adjustments.
    case json
    /// One claim payment a line (``RemittanceClaimRecord``), for pipelines.
    case ndjson
    /// One row per service line, claim columns repeated, plus rows for claim-level adjustments and
    /// claims without lines (columns in ``RemittanceCSV/columns``).
    case csv
}

/// Writes remittance records as they are decoded, in any ``RemittanceFormat``: each claim is written
/// when it arrives, so output never needs a whole transaction set in memory.
///
/// Call ``begin()`` once, `write(_:)` for each `RemittanceEvent` of a `RemittanceDecoder`, then
/// ``finish(errors:summary:matching:)``; each returns the bytes to append to the output. The JSON output
/// equals a `RemittanceReport` encoded in its declaration key order.
public struct RemittanceWriter {
    /// The format written.
    public let format: RemittanceFormat
    /// The path being read: when set, NDJSON records carry the ``PipeEnvelope`` for it and each transaction set
    /// ends with a ``RemittanceTransactionRecord`` (the pipe contract); nil keeps the plain records.
    public var source: String?
    private var transactionCount = 0
    private var claimCount = 0
    /// The header of the transaction being written (its claims stay empty).
    private var header: Remittance?
    /// JSON: totals over the open transaction's claims, for closing it when the input ends inside it.
    private var openTotals = RemittanceTotals()
    private var json: JSONWriter
    /// The CSV rows of the last event.
    private var csv: [UInt8] = []

    /// Creates a writer.
    public init(format: RemittanceFormat, source: String? = nil) {
        self.format = format
        self.source = source
        json = JSONWriter(pretty: format == .json, baseDepth: format == .json ? 2 : 0)
    }

    /// The bytes that open the output.
    public func begin() -> [UInt8] {
        switch format {
        case .json: return Array("{\n  \"transactions\": [".utf8)
        case .ndjson: return []
        case .csv: return Array((RemittanceCSV.header + "\n").utf8)
        }
    }

    /// The bytes of one event.
    public mutating func write(_ event: RemittanceEvent) throws -> [UInt8] {
        csv.removeAll(keepingCapacity: true)
        switch event {
        case .header(let remittance):
            header = remittance
            claimCount = 0
            openTotals = RemittanceTotals()
            if format == .json { try writeHeader(remittance) }
        case .claim(let claim):
            guard let header else { return [] }
            claimCount += 1
            switch format {
            case .json:
                if claimCount == 1 {
                    json.key("claims")
                    json.beginArray()
                }
                json.value(claim)
                openTotals.claimCount += 1
                openTotals.serviceLineCount += claim.lines.count
                openTotals.chargeAmount += claim.chargeAmount
                openTotals.paidAmount += claim.paidAmount
                openTotals.patientResponsibilityAmount += claim.patientResponsibilityAmount ?? .zero
            case .ndjson:
                json.value(RemittanceClaimRecord(remittance: header, claim: claim, source: source))
                json.newline()
            case .csv:
                RemittanceCSV.appendRows(header: header, claim: claim, to: &csv)
            }
        case .trailer(let trailer):
            guard let header else { return [] }
            switch format {
            case .json: try writeTrailer(trailer)
            case .ndjson:
                if let source {
                    try json.encode(RemittanceTransactionRecord(source: source, remittance: header, trailer: trailer))
                    json.newline()
                }
            case .csv:
                RemittanceCSV.appendRows(header: header, trailer: trailer, hadClaims: claimCount > 0, to: &csv)
            }
            self.header = nil
            transactionCount += 1
        }
        return format == .csv ? csv : json.takeBytes()
    }

    /// The bytes of a whole remittance (its header, claims and trailer in turn).
    public mutating func write(_ remittance: Remittance) throws -> [UInt8] {
        var header = remittance
        header.claims = []
        var output = try write(.header(header))
        for claim in remittance.claims { output += try write(.claim(claim)) }
        var trailer = RemittanceTrailer(transactionSetControlNumber: remittance.transactionSetControlNumber)
        trailer.providerAdjustments = remittance.providerAdjustments
        trailer.totals = remittance.totals
        trailer.balance = remittance.balance
        trailer.errors = remittance.errors
        output += try write(.trailer(trailer))
        return output
    }

    /// The bytes that close the output: in JSON, the errors, summary and matching of the report.
    public func finish(errors: [RemittanceProblem], summary: RemittanceSummary,
                       matching: SubmittedMatchingSummary?) throws -> [UInt8] {
        guard format == .json else { return [] }
        var output: [UInt8] = []
        var transactionCount = transactionCount
        if let header {
            // The input ended inside a transaction set (the decoder threw): close it with the claims written,
            // so the document stays JSON; the reason is in `errors`.
            var open = self
            var trailer = RemittanceTrailer(transactionSetControlNumber: header.transactionSetControlNumber)
            trailer.totals = openTotals
            try open.writeTrailer(trailer)
            output = open.json.takeBytes()
            transactionCount += 1
        }
        output += Array((transactionCount > 0 ? "\n  ],\n  \"errors\": " : "],\n  \"errors\": ").utf8)
        var json = JSONWriter(pretty: true, baseDepth: 1)
        try json.encode(errors)
        json.raw(Array(",\n  \"summary\": ".utf8))
        try json.encode(summary)
        if let matching {
            json.raw(Array(",\n  \"matching\": ".utf8))
            try json.encode(matching)
        }
        json.raw(Array("\n}\n".utf8))
        output += json.takeBytes()
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

    /// Opens a transaction's object and writes the keys that precede its claims (`Remittance`'s order).
    private mutating func writeHeader(_ remittance: Remittance) throws {
        json.raw(Array((transactionCount > 0 ? ",\n    " : "\n    ").utf8))
        json.beginObject()
        json.key("interchangeControlNumber"); json.string(remittance.interchangeControlNumber)
        json.key("groupControlNumber"); json.string(remittance.groupControlNumber)
        json.key("transactionSetControlNumber"); json.string(remittance.transactionSetControlNumber)
        json.key("segmentIndex"); json.number(remittance.segmentIndex)
        json.key("paymentSegment"); json.number(remittance.paymentSegment)
        json.key("payment"); try json.encode(remittance.payment)
        if let productionDate = remittance.productionDate { json.key("productionDate"); json.string(productionDate) }
        if let receiver = remittance.receiverIdentifier { json.key("receiverIdentifier"); json.string(receiver) }
        json.key("payer"); try json.encode(remittance.payer)
        json.key("payee"); try json.encode(remittance.payee)
    }

    /// Closes the claims and writes the keys that follow them, then closes the transaction's object.
    private mutating func writeTrailer(_ trailer: RemittanceTrailer) throws {
        if claimCount == 0 {
            json.key("claims")
            json.beginArray()
        }
        json.endArray()
        json.key("providerAdjustments"); try json.encode(trailer.providerAdjustments)
        json.key("totals"); try json.encode(trailer.totals)
        json.key("balance"); json.array(trailer.balance)
        json.key("errors"); json.array(trailer.errors)
        json.endObject()
    }
}
