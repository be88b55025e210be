import Foundation
import X12
import X12Remittance
import XCTest

/// Decoding shortcuts shared by the remittance tests (files come from ``FixtureFiles`` and ``Corpus``).
enum TestFiles {
    /// Every remittance in a file, with the decoder's outside problems.
    static func decode(_ path: String) throws -> (remittances: [Remittance], problems: [RemittanceProblem]) {
        let decoder = try RemittanceDecoder(path: path)
        var remittances: [Remittance] = []
        while let remittance = try decoder.next() { remittances.append(remittance) }
        return (remittances, decoder.problems)
    }

    /// Decodes a string holding one 835.
    static func decode(string: String) throws -> [Remittance] {
        let decoder = RemittanceDecoder(reader: SegmentReader(string: string))
        var remittances: [Remittance] = []
        while let remittance = try decoder.next() { remittances.append(remittance) }
        return remittances
    }
}
