import X12

/// Turns one 835 transaction set into a ``Remittance``: reads the header, payer and payee, every claim
/// payment with its service lines, and the PLB adjustments, then runs the balancing checks.
///
/// A claim loop whose required values cannot be read (a CLP without a charge, an SVC amount that is not
/// a number, a CAS without a group) is reported with its position and skipped up to the next CLP, LX or
/// PLB, so the rest of the transaction is still read.
struct RemittanceParser {
    private enum Area {
        case header, payer, payee, claims, trailer
    }

    private let set: TransactionSet
    private var remittance: Remittance
    private var area = Area.header
    private var headerNumber: String?
    private var claim: RemittanceClaim?
    private var line: RemittanceServiceLine?
    /// `claim != nil`, kept apart so that checking does not copy the claim.
    private var hasClaim = false
    /// `line != nil`, kept apart so that checking does not copy the line.
    private var hasLine = false
    /// Set after a broken claim loop: segments are skipped until the next CLP, LX or PLB.
    private var skipping = false
    /// CLP01 of a CLP that could not be read, for the error message.
    private var rejectedClaimNumber = ""
    private var sawPayment = false
    private var sawTrace = false
    private var sawPayer = false
    private var sawPayee = false

    init(_ set: TransactionSet) {
        self.set = set
        remittance = Remittance(interchangeControlNumber: set.interchange.controlNumber,
                                groupControlNumber: set.group?.controlNumber ?? "",
                                transactionSetControlNumber: set.header.controlNumber,
                                segmentIndex: set.header.position.segmentIndex ?? 0)
        remittance.errors = set.problems.map { RemittanceProblem($0, transactionSetControlNumber: set.header.controlNumber) }
    }

    /// Reads the transaction set.
    mutating func parse() -> Remittance {
        let segments = set.segments
        for offset in segments.indices.dropFirst() {
            if segments[offset].hasId("SE") { break }
            do {
                try consume(segments[offset], index: offset + 1)
            } catch {
                fail(error)
            }
        }
        closeClaim()
        checkRequiredSegments()
        RemittanceBalancer.balance(&remittance)
        return remittance
    }

    // MARK: - Dispatch

    private mutating func consume(_ segment: Segment, index: Int) throws(X12Error) {
        let id = segment.id
        switch id {
        case "CLP":
            closeClaim()
            skipping = false
            area = .claims
            try openClaim(Fields(segment, index: index))
            return
        case "LX":
            closeClaim()
            skipping = false
            area = .claims
            headerNumber = Fields(segment, index: index).optional(1)
            return
        case "TS3", "TS2":
            closeClaim()
            skipping = false
            return
        case "PLB":
            closeClaim()
            skipping = false
            area = .trailer
            try readProviderAdjustments(Fields(segment, index: index))
            return
        default:
            break
        }
        if skipping { return }
        let fields = Fields(segment, index: index)
        switch area {
        case .header, .payer, .payee:
            try consumeHeader(id, fields)
        case .claims:
            guard hasClaim else {
                skipping = true
                throw fields.error(.unexpectedSegment, "\(id) is outside a claim payment loop: expected CLP first")
            }
            try consumeClaim(id, fields)
        case .trailer:
            if ["SVC", "CAS", "NM1", "MIA", "MOA", "LQ"].contains(id) {
                throw fields.error(.unexpectedSegment, "\(id) after PLB: claim payment segments must come before PLB")
            }
        }
    }

    private mutating func fail(_ error: X12Error) {
        var error = error
        if let open = claim {
            let claimSegment = (set.header.position.segmentIndex ?? 1) + open.segment - 1
            error.message = "claim \(open.patientControlNumber) (CLP at segment \(claimSegment)) skipped: " + error.message
            claim = nil
            line = nil
            hasClaim = false
            hasLine = false
            skipping = true
            remittance.totals.skippedClaimCount += 1
        } else if error.position.segmentId == "CLP" {
            error.message = "claim \(rejectedClaimNumber) skipped: " + error.message
            skipping = true
            remittance.totals.skippedClaimCount += 1
        }
        remittance.errors.append(RemittanceProblem(error, transactionSetControlNumber: set.header.controlNumber))
    }

    // MARK: - Header, payer, payee

    private mutating func consumeHeader(_ id: String, _ fields: Fields) throws(X12Error) {
        switch id {
        case "BPR":
            sawPayment = true
            remittance.paymentSegment = fields.index
            var payment = RemittancePayment()
            payment.handlingCode = fields.text(1)
            payment.handlingDescription = RemittanceCodes.handling(payment.handlingCode)
            payment.creditDebitFlag = fields.text(3)
            payment.method = fields.text(4)
            payment.methodDescription = RemittanceCodes.paymentMethod(payment.method)
            payment.format = fields.optional(5)
            payment.date = fields.text(16)
            payment.traceNumber = remittance.payment.traceNumber
            payment.payerIdentifier = remittance.payment.payerIdentifier.isEmpty ? fields.text(10) : remittance.payment.payerIdentifier
            remittance.payment = payment
            remittance.payment.amount = try fields.requiredAmount(2, name: "BPR02 total provider payment")
        case "TRN":
            sawTrace = true
            remittance.payment.traceNumber = fields.text(2)
            if let payer = fields.optional(3) { remittance.payment.payerIdentifier = payer }
        case "DTM" where area == .header:
            if fields.text(1) == "405" { remittance.productionDate = fields.optional(2) }
        case "REF" where area == .header:
            if fields.text(1) == "EV" { remittance.receiverIdentifier = fields.optional(2) }
        case "N1":
            let party = RemittanceParty(name: fields.text(2), identifierQualifier: fields.optional(3), identifier: fields.optional(4))
            switch fields.text(1) {
            case "PR":
                sawPayer = true
                area = .payer
                remittance.payer = party
            case "PE":
                sawPayee = true
                area = .payee
                remittance.payee = party
            default:
                throw fields.error(.invalidValue, "N101 '\(fields.text(1))' is not PR (payer) or PE (payee)", element: 1)
            }
        case "N3", "N4", "REF", "PER":
            guard area != .header else { return }
            var party = area == .payer ? remittance.payer : remittance.payee
            read(id, fields, into: &party)
            if area == .payer { remittance.payer = party } else { remittance.payee = party }
        case "SVC", "CAS", "NM1", "MIA", "MOA", "LQ":
            skipping = true
            throw fields.error(.unexpectedSegment, "\(id) is outside a claim payment loop: expected LX or CLP first")
        default:
            break
        }
    }

    private func read(_ id: String, _ fields: Fields, into party: inout RemittanceParty) {
        switch id {
        case "N3":
            var address = party.address ?? RemittanceAddress()
            address.line1 = fields.text(1)
            address.line2 = fields.optional(2)
            party.address = address
        case "N4":
            var address = party.address ?? RemittanceAddress()
            address.city = fields.text(1)
            address.state = fields.optional(2)
            address.postalCode = fields.optional(3)
            address.country = fields.optional(4)
            party.address = address
        case "REF":
            let reference = RemittanceReference(qualifier: fields.text(1), value: fields.text(2))
            party.references.append(reference)
            if reference.qualifier == "TJ", party.taxId == nil { party.taxId = reference.value }
        case "PER":
            var numbers: [RemittanceContact.Number] = []
            for pair in stride(from: 3, through: 7, by: 2) where !fields.text(pair).isEmpty || !fields.text(pair + 1).isEmpty {
                numbers.append(.init(qualifier: fields.text(pair), value: fields.text(pair + 1)))
            }
            party.contacts.append(RemittanceContact(function: fields.text(1), name: fields.optional(2), numbers: numbers))
        default:
            break
        }
    }

    private mutating func checkRequiredSegments() {
        let where_ = set.header.position
        func missing(_ what: String) {
            var position = where_
            position.transactionSegmentIndex = 1
            let error = X12Error(.unexpectedSegment, at: position, "transaction set \(set.header.controlNumber) has no \(what)")
            remittance.errors.append(RemittanceProblem(error, transactionSetControlNumber: set.header.controlNumber))
        }
        if !sawPayment { missing("BPR (financial information): the payment amount is unknown") }
        if !sawTrace { missing("TRN (reassociation trace number)") }
        if !sawPayer { missing("N1*PR payer loop") }
        if !sawPayee { missing("N1*PE payee loop") }
    }

    // MARK: - Claims

    private mutating func openClaim(_ fields: Fields) throws(X12Error) {
        let patientControlNumber = fields.text(1)
        rejectedClaimNumber = patientControlNumber.isEmpty ? "without a patient control number" : patientControlNumber
        guard !patientControlNumber.isEmpty else {
            throw fields.error(.invalidValue, "CLP01 patient control number is missing", element: 1)
        }
        let status = fields.text(2)
        guard !status.isEmpty else { throw fields.error(.invalidValue, "CLP02 claim status is missing", element: 2) }
        var opened = RemittanceClaim(
            patientControlNumber: patientControlNumber, status: status,
            chargeAmount: try fields.requiredAmount(3, name: "CLP03 total claim charge"),
            paidAmount: try fields.requiredAmount(4, name: "CLP04 claim payment amount"),
            patientResponsibilityAmount: try fields.optionalAmount(5, name: "CLP05 patient responsibility"),
            filingIndicator: fields.text(6), payerClaimControlNumber: fields.text(7), segment: fields.index)
        opened.headerNumber = headerNumber
        opened.facilityTypeCode = fields.optional(8)
        opened.frequencyCode = fields.optional(9)
        opened.drgCode = fields.optional(11)
        claim = opened
        hasClaim = true
    }

    private mutating func closeClaim() {
        closeLine()
        hasClaim = false
        guard var closed = claim.take() else { return }
        RemittanceBalancer.balance(&closed)
        remittance.claims.append(closed)
    }

    private mutating func closeLine() {
        hasLine = false
        if let closed = line.take() { claim?.lines.append(closed) }
    }

    private mutating func consumeClaim(_ id: String, _ fields: Fields) throws(X12Error) {
        if id == "SVC" {
            closeLine()
            line = try readServiceLine(fields)
            hasLine = true
            return
        }
        if hasLine {
            switch id {
            case "CAS":
                let adjustments = try readAdjustments(fields)
                if line?.adjustments.isEmpty == true {
                    line?.adjustments = adjustments
                } else {
                    line?.adjustments.append(contentsOf: adjustments)
                }
            case "DTM":
                switch fields.text(1) {
                case "472": line?.serviceDate = fields.optional(2)
                case "150": line?.serviceStartDate = fields.optional(2)
                case "151": line?.serviceEndDate = fields.optional(2)
                default: break
                }
            case "REF":
                if fields.text(1) == "6R" {
                    line?.lineControlNumber = fields.optional(2)
                } else {
                    line?.references.append(RemittanceReference(qualifier: fields.text(1), value: fields.text(2)))
                }
            case "AMT":
                let amount = try readAmount(fields)
                if amount.qualifier == "B6" { line?.allowedAmount = amount.amount } else { line?.amounts.append(amount) }
            case "QTY": line?.quantities.append(RemittanceQuantity(qualifier: fields.text(1), quantity: fields.text(2)))
            case "LQ":
                if fields.text(1) == "HE", let code = fields.optional(2) { line?.remarkCodes.append(code) }
            case "NM1", "MIA", "MOA":
                throw fields.error(.unexpectedSegment, "\(id) after SVC: claim-level segments must come before the service lines")
            default:
                break
            }
            return
        }
        switch id {
        case "CAS":
            let adjustments = try readAdjustments(fields)
            if claim?.adjustments.isEmpty == true {
                claim?.adjustments = adjustments
            } else {
                claim?.adjustments.append(contentsOf: adjustments)
            }
        case "NM1": try readName(fields)
        case "MIA", "MOA":
            let adjudication = readAdjudication(id, fields)
            claim?.adjudication = adjudication
        case "DTM":
            switch fields.text(1) {
            case "232": claim?.statementStartDate = fields.optional(2)
            case "233": claim?.statementEndDate = fields.optional(2)
            case "050": claim?.receivedDate = fields.optional(2)
            case "036": claim?.coverageExpirationDate = fields.optional(2)
            default: break
            }
        case "REF": claim?.references.append(RemittanceReference(qualifier: fields.text(1), value: fields.text(2)))
        case "AMT":
            let amount = try readAmount(fields)
            claim?.amounts.append(amount)
        case "QTY": claim?.quantities.append(RemittanceQuantity(qualifier: fields.text(1), quantity: fields.text(2)))
        case "LQ": throw fields.error(.unexpectedSegment, "LQ outside a service line: expected SVC first")
        default: break
        }
    }

    private mutating func readName(_ fields: Fields) throws(X12Error) {
        let name = RemittanceName(entity: fields.text(1), lastName: fields.optional(3), firstName: fields.optional(4),
                                  middleName: fields.optional(5), suffix: fields.optional(7),
                                  identifierQualifier: fields.optional(8), identifier: fields.optional(9))
        switch name.entity {
        case "QC": claim?.patient = name
        case "IL": claim?.insured = name
        case "74": claim?.correctedName = name
        case "82": claim?.serviceProvider = name
        case "":
            throw fields.error(.invalidValue, "NM101 entity code is missing", element: 1)
        default: claim?.otherNames.append(name)
        }
    }

    private func readAdjudication(_ id: String, _ fields: Fields) -> ClaimAdjudication {
        let elements = fields.texts
        let remarkPositions = id == "MOA" ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23]
        let remarks = remarkPositions.compactMap { fields.optional($0) }
        return ClaimAdjudication(kind: id == "MOA" ? "outpatient" : "inpatient", elements: elements, remarkCodes: remarks)
    }

    private func readServiceLine(_ fields: Fields) throws(X12Error) -> RemittanceServiceLine {
        let procedure = fields.components(1)
        guard procedure.count >= 2, !procedure[0].isEmpty, !procedure[1].isEmpty else {
            throw fields.error(.invalidValue, "SVC01 must be qualifier:code (e.g. HC:99213), found '\(fields.text(1))'", element: 1)
        }
        var serviceLine = RemittanceServiceLine(
            procedureQualifier: procedure[0], procedureCode: procedure[1],
            modifiers: procedure.dropFirst(2).filter { !$0.isEmpty },
            chargeAmount: try fields.requiredAmount(2, name: "SVC02 line charge"),
            paidAmount: try fields.requiredAmount(3, name: "SVC03 line payment"),
            units: try fields.quantity(5, name: "SVC05 units paid") ?? "1", segment: fields.index)
        serviceLine.revenueCode = fields.optional(4)
        let original = fields.components(6)
        if original.count >= 2, !original[1].isEmpty {
            serviceLine.originalProcedureCode = original[1]
            serviceLine.originalModifiers = original.dropFirst(2).filter { !$0.isEmpty }
        }
        serviceLine.originalUnits = try fields.quantity(7, name: "SVC07 original units")
        return serviceLine
    }

    private func readAdjustments(_ fields: Fields) throws(X12Error) -> [ClaimAdjustment] {
        let group = fields.text(1)
        guard !group.isEmpty else { throw fields.error(.invalidValue, "CAS01 adjustment group code is missing", element: 1) }
        guard ["CO", "PR", "OA", "PI", "CR"].contains(group) else {
            throw fields.error(.invalidValue, "CAS01 '\(group)' is not an adjustment group (CO, PR, OA, PI)", element: 1)
        }
        var adjustments: [ClaimAdjustment] = []
        adjustments.reserveCapacity(2)
        for triplet in 0..<6 {
            let reasonAt = 2 + triplet * 3
            let reason = fields.text(reasonAt)
            if reason.isEmpty {
                if !fields.text(reasonAt + 1).isEmpty {
                    throw fields.error(.invalidValue, "CAS\(Self.twoDigits(reasonAt + 1)) amount has no reason code before it", element: reasonAt)
                }
                continue
            }
            let amount = try fields.requiredAmount(reasonAt + 1, name: "CAS\(Self.twoDigits(reasonAt + 1)) adjustment amount")
            let quantity = try fields.quantity(reasonAt + 2, name: "CAS\(Self.twoDigits(reasonAt + 2)) adjustment quantity")
            adjustments.append(ClaimAdjustment(group: group, reason: reason, amount: amount, quantity: quantity))
        }
        if adjustments.isEmpty {
            throw fields.error(.invalidValue, "CAS02 reason code is missing: a CAS needs at least one reason and amount", element: 2)
        }
        return adjustments
    }

    private func readAmount(_ fields: Fields) throws(X12Error) -> RemittanceAmount {
        RemittanceAmount(qualifier: fields.text(1), amount: try fields.requiredAmount(2, name: "AMT02 amount"))
    }

    // MARK: - PLB

    private mutating func readProviderAdjustments(_ fields: Fields) throws(X12Error) {
        let provider = fields.text(1)
        let fiscalPeriod = fields.text(2)
        var found: [ProviderAdjustment] = []
        for pair in 0..<6 {
            let reasonAt = 3 + pair * 2
            let composite = fields.components(reasonAt)
            let reason = composite.first ?? ""
            if reason.isEmpty {
                if !fields.text(reasonAt + 1).isEmpty {
                    throw fields.error(.invalidValue, "PLB\(Self.twoDigits(reasonAt + 1)) amount has no adjustment reason before it", element: reasonAt)
                }
                continue
            }
            let amount = try fields.requiredAmount(reasonAt + 1, name: "PLB\(Self.twoDigits(reasonAt + 1)) adjustment amount")
            let reference = composite.count > 1 && !composite[1].isEmpty ? composite[1] : nil
            found.append(ProviderAdjustment(providerIdentifier: provider, fiscalPeriodDate: fiscalPeriod, reason: reason,
                                            reference: reference, amount: amount, segment: fields.index))
        }
        if found.isEmpty {
            throw fields.error(.invalidValue, "PLB03 adjustment reason is missing: a PLB needs at least one reason and amount", element: 3)
        }
        remittance.providerAdjustments.append(contentsOf: found)
    }

    /// `5` → `"05"`, for element names such as `CAS05`.
    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// The elements of one segment, found by scanning its bytes on demand (segments are short, and this
/// avoids allocating an element array per segment), with the segment's position in its transaction set.
struct Fields {
    let content: ArraySlice<UInt8>
    let delimiters: Delimiters
    let position: Position
    /// Position within the transaction set (ST = 1).
    let index: Int

    init(_ segment: Segment, index: Int) {
        content = segment.content
        delimiters = segment.delimiters
        position = segment.position
        self.index = index
    }

    /// The bytes of element `n` (1-based), `nil` when the segment has fewer elements.
    func bytes(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 1 else { return nil }
        let separator = delimiters.element
        var seen = 0
        var start = content.startIndex
        var cursor = content.startIndex
        while cursor < content.endIndex {
            if content[cursor] == separator {
                if seen == n { return content[start..<cursor] }
                seen += 1
                start = cursor + 1
            }
            cursor += 1
        }
        return seen == n ? content[start..<content.endIndex] : nil
    }

    /// Every element as text, element 1 first.
    var texts: [String] {
        var result: [String] = []
        var n = 1
        while let element = bytes(n) {
            result.append(String(decoding: element, as: UTF8.self))
            n += 1
        }
        return result
    }

    /// Element `n` (1-based) as text, `""` when absent.
    func text(_ n: Int) -> String {
        bytes(n).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Element `n` as text, `nil` when absent or empty.
    func optional(_ n: Int) -> String? {
        guard let element = bytes(n), !element.isEmpty else { return nil }
        return String(decoding: element, as: UTF8.self)
    }

    /// The components of element `n` (empty when absent).
    func components(_ n: Int) -> [String] {
        guard let element = bytes(n), !element.isEmpty else { return [] }
        return element.split(separator: delimiters.component, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// A required `R` amount.
    func requiredAmount(_ n: Int, name: @autoclosure () -> String) throws(X12Error) -> Money {
        guard let amount = try optionalAmount(n, name: name()) else {
            throw error(.invalidValue, "\(name()) is missing", element: n)
        }
        return amount
    }

    /// An optional `R` amount: `nil` when empty, an error when present but not a decimal number.
    func optionalAmount(_ n: Int, name: @autoclosure () -> String) throws(X12Error) -> Money? {
        guard let element = bytes(n), !element.isEmpty else { return nil }
        guard let amount = Money(bytes: element) else {
            throw error(.invalidValue, "\(name()) '\(String(decoding: element, as: UTF8.self))' is not a decimal amount", element: n)
        }
        return amount
    }

    /// An optional `R` quantity, kept as text once checked.
    func quantity(_ n: Int, name: @autoclosure () -> String) throws(X12Error) -> String? {
        guard let element = bytes(n), !element.isEmpty else { return nil }
        let text = String(decoding: element, as: UTF8.self)
        guard Money(bytes: element) != nil else {
            throw error(.invalidValue, "\(name()) '\(text)' is not a decimal number", element: n)
        }
        return text
    }

    /// An error at this segment (and optionally one element).
    func error(_ kind: X12Error.Kind, _ message: String, element: Int? = nil) -> X12Error {
        var where_ = position
        where_.transactionSegmentIndex = index
        where_.elementPosition = element
        return X12Error(kind, at: where_, message)
    }
}
