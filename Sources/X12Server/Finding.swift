import X12

/// A problem to show inline at the segment (and element) it concerns.
struct Finding: Sendable, Equatable {
    /// How serious the finding is.
    enum Severity: String, Sendable, Equatable {
        /// The file is invalid because of it.
        case error
        /// Worth a look, but the file is still acceptable.
        case warning
    }

    /// 1-based index of the segment in the file.
    var segmentIndex: Int?
    /// 1-based element position, when the finding is about one element.
    var elementPosition: Int?
    /// 1-based component position inside the element.
    var componentPosition: Int?
    /// The implementation guide loop the segment is in (`2010AA`), when known.
    var loopId: String?
    /// A sentence a support person understands.
    var message: String
    /// The code scripts and trading partners use (`I12`, `controlNumberMismatch`).
    var code: String
    /// Error or warning.
    var severity: Severity

    /// A finding from an envelope or reader error, with the error kind as its code.
    init(_ error: X12Error) {
        segmentIndex = error.position.segmentIndex
        elementPosition = error.position.elementPosition
        componentPosition = error.position.componentPosition
        message = error.message
        code = error.kind.rawValue
        severity = .error
    }

    /// A finding from its parts.
    init(segmentIndex: Int?, elementPosition: Int?, componentPosition: Int? = nil, loopId: String? = nil,
         message: String, code: String, severity: Severity) {
        self.segmentIndex = segmentIndex
        self.elementPosition = elementPosition
        self.componentPosition = componentPosition
        self.loopId = loopId
        self.message = message
        self.code = code
        self.severity = severity
    }
}
