/// The control segments of one interchange version (ISA, GS, GE, IEA, TA1) from `Specs/envelope-<version>.json`.
public final class EnvelopeSpec: @unchecked Sendable {
    /// ISA12 the definitions apply to, e.g. `00501`.
    public let version: String
    /// Segment definitions by id.
    let segments: [String: SegmentSpec]
    /// Keeps the segments' (unowned) parent alive.
    private let holder: LoopSpec

    struct File: Decodable {
        var envelope: String
        var segments: [SpecFile.NodeFile]
    }

    init(file: File, codeLists: [String: Set<String>], fileName: String) throws(SpecError) {
        version = file.envelope
        holder = LoopSpec(id: "", name: "envelope \(file.envelope)", usage: .required, repeatLimit: 1, pos: "")
        var segments: [String: SegmentSpec] = [:]
        for node in file.segments {
            guard let id = node.segment else { throw SpecError(file: fileName, message: "an envelope entry is not a segment") }
            segments[id] = try SegmentSpec(node, id: id, parent: holder, codeLists: codeLists, fileName: fileName)
        }
        self.segments = segments
    }
}
