import Foundation
import X12
import X12Output
import X12Remittance
import X12TestSupport
import XCTest

/// A document written in pieces (``JSONWriter/encode(_:flushingEvery:to:)``, what `x12 ack` uses) is the same
/// bytes as the whole document, and no piece grows much past the threshold.
final class JSONStreamingTests: XCTestCase {
    private struct Item: Codable {
        var name: String
        var amount: Decimal
        var empty: [String: String] = [:]
        var nested: [Item]?
    }

    func testFlushedPiecesJoinToThePrettyDocument() throws {
        let items = (0..<200).map { Item(name: "claim \($0)", amount: Decimal($0) / 4,
                                         nested: $0 % 3 == 0 ? [Item(name: "line", amount: 1)] : nil) }
        let whole = try JSONDocument.pretty(items)
        var pieces: [[UInt8]] = []
        var json = JSONWriter(pretty: true)
        try json.encode(items, flushingEvery: 256) { pieces.append($0) }
        json.newline()
        pieces.append(json.takeBytes())
        XCTAssertEqual(pieces.flatMap { $0 }, whole)
        XCTAssertGreaterThan(pieces.count, 20)
        // A piece is flushed after the nested value that crossed the threshold: one item (< 200 bytes) past it.
        XCTAssertLessThan(pieces.map(\.count).max() ?? 0, 256 + 400)
        // Empty containers inside a flushed document still come out as {} (the written-bytes check spans flushes).
        XCTAssertTrue(String(decoding: whole, as: UTF8.self).contains("\"empty\": {}"))
    }

    func testStreamedDocumentEqualsTheWholeOneForARemittanceReport() throws {
        let report = RemittanceReport(reader: try SegmentReader(path: FixtureFiles.path("remit/reversal-plb.835")))
        var streamed: [UInt8] = []
        try JSONDocument.write(report) { streamed += $0 }
        XCTAssertEqual(streamed, try JSONDocument.pretty(report))
    }
}
