import X12

extension Ledger {
    /// Records a file of any kind the ledger knows, told apart by its first ST01 (`837`, `999`/`997`, `277`, `835`)
    /// or a TA1. An 837 recorded this way has no batch report: its claims carry no visit id, and the payer is the
    /// 837's NM1*PR id. A file imported before is recognised by its fingerprint, hashed while the file is read in
    /// chunks, before the file is loaded.
    ///
    /// - Throws: ``LedgerError`` when the file cannot be read or is of another kind.
    @discardableResult
    public func importFile(path source: String) throws(LedgerError) -> ImportSummary {
        if source != "-", let earlier = try earlierImport(sha256: FileFingerprint.sha256(contentsOf: source), path: source) {
            return earlier
        }
        let bytes = try Self.contents(of: source)
        let reader = SegmentReader(bytes: bytes)
        var kind: String?
        do {
            while kind == nil, let segment = try reader.next() {
                if segment.hasId("TA1") { kind = "TA1" }
                if segment.hasId("ST") { kind = segment[1] }
            }
        } catch {
            throw LedgerError("\(source):\(error)")
        }
        switch kind {
        case "837": return try recordSubmission(bytes: bytes, path: source)
        case "835": return try importRemittance(bytes: bytes, path: source)
        case "TA1", "999", "997", "277": return try importAcknowledgments(bytes: bytes, path: source)
        default: throw LedgerError("\(source): not an 837, TA1, 999, 277CA or 835 (found \(kind ?? "no transaction set")); nothing recorded")
        }
    }
}
