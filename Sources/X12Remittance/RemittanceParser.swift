import X12

/// Reads one 835 transaction set segment by segment and hands out what it finds as soon as it is
/// complete: the transaction header (BPR, TRN, payer, payee) at its first claim, each claim payment with
/// its service lines when the next claim (or the PLB, or the SE) begins, and the trailer (PLB, totals,
/// transaction balancing, errors) at the end. Only the open claim is held.
///
/// A segment whose required values cannot be read never removes the claim it belongs to: the claim keeps
/// its CLP amounts and every line that could be read, and lists the segment's raw text and the error in
/// ``RemittanceClaim/errors`` (an SVC whose amounts cannot be read drops that one line and the segments
/// under it; one whose SVC01 is not qualifier:code keeps the raw text as its code). Only a
/// CLP that cannot be read skips its loop, up to the next CLP, LX or PLB, so the rest is still read.
struct RemittanceParser {
    private enum Area {
        case header, payer, payee, claims, trailer
    }

    private let start: TransactionSetStart
    private let delimiters: Delimiters
    /// The transaction header, handed out once (``headerSent``); its `claims` stay empty.
    private var remittance: Remittance
    private var headerSent = false
    /// The open claim payment, if any, as the only element (edited in place, never copied while read).
    private var claims: [RemittanceClaim] = []
    private var providerAdjustments: [ProviderAdjustment] = []
    private var totals = RemittanceTotals()
    private var errors: [RemittanceProblem] = []
    private var area = Area.header
    private var headerNumber: String?
    /// Whether a claim payment loop is open: its claim is the element of `claims`.
    private var hasClaim = false
    /// Whether a service line is open: the last line of the open claim.
    private var hasLine = false
    /// Set after a broken CLP: segments are skipped until the next CLP, LX or PLB.
    private var skipping = false
    /// Set after an unreadable SVC: the segments under it are skipped until the next SVC or claim.
    private var skippingLine = false
    /// CLP01 of a CLP that could not be read, for the error message.
    private var rejectedClaimNumber = ""
    private var sawPayment = false
    private var sawTrace = false
    private var sawPayer = false
    private var sawPayee = false
    /// Events found and not handed out yet (at most a header and a claim per segment).
    var ready: [RemittanceEvent] = []

    init(_ start: TransactionSetStart) {
        self.start = start
        delimiters = start.interchange.delimiters
        remittance = Remittance(interchangeControlNumber: start.interchange.controlNumber,
                                groupControlNumber: start.group?.controlNumber ?? "",
                                transactionSetControlNumber: start.header.controlNumber,
                                segmentIndex: start.header.position.segmentIndex ?? 0)
        ready.reserveCapacity(2)
    }

    private var controlNumber: String { start.header.controlNumber }

    /// Reads one body segment; `index` is its position in the set (ST = 1).
    mutating func consume(_ segment: Segment, index: Int) {
        let delimiters = delimiters
        let failure = segment.withFields { view -> FieldError? in
            do throws(FieldError) {
                try consume(RemittanceFields(view: view, delimiters: delimiters, index: index))
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            var position = segment.position
            position.transactionSegmentIndex = index
            position.elementPosition = failure.element
            fail(X12Error(failure.kind, at: position, failure.message), segment: segment)
        }
    }

    /// Ends the set: hands out the open claim, the header if no claim came, and the trailer.
    /// `problems` are the set's envelope faults.
    mutating func finish(problems: [X12Error]) {
        closeClaim()
        sendHeader()
        var trailer = RemittanceTrailer(transactionSetControlNumber: controlNumber)
        trailer.errors = (start.problems + problems).map { RemittanceProblem($0, transactionSetControlNumber: controlNumber) }
        trailer.errors += errors
        checkRequiredSegments(into: &trailer.errors)
        totals.providerAdjustmentAmount = providerAdjustments.reduce(Money.zero) { $0 + $1.amount }
        trailer.balance = RemittanceBalancer.transactionBalance(of: remittance, totals: totals)
        trailer.totals = totals
        trailer.providerAdjustments = providerAdjustments
        ready.append(.trailer(trailer))
    }

    // MARK: - Dispatch

    private mutating func consume(_ fields: RemittanceFields) throws(FieldError) {
        let id = fields.segmentId
        switch id {
        case .clp:
            closeClaim()
            sendHeader()
            skipping = false
            area = .claims
            try openClaim(fields)
            return
        case .lx:
            closeClaim()
            sendHeader()
            skipping = false
            area = .claims
            headerNumber = fields.optional(1)
            return
        case .ts3, .ts2:
            closeClaim()
            skipping = false
            return
        case .plb:
            closeClaim()
            sendHeader()
            skipping = false
            area = .trailer
            try readProviderAdjustments(fields)
            return
        default:
            break
        }
        if skipping { return }
        switch area {
        case .header, .payer, .payee:
            try consumeHeader(id, fields)
        case .claims:
            guard hasClaim else {
                skipping = true
                throw fields.error(.unexpectedSegment, "\(fields.id) is outside a claim payment loop: expected CLP first")
            }
            if let id { try consumeClaim(id, fields) }
        case .trailer:
            if id?.belongsToClaim == true {
                throw fields.error(.unexpectedSegment, "\(fields.id) after PLB: claim payment segments must come before PLB")
            }
        }
    }

    /// Records an unreadable segment: on the open claim (which stays) or, for a CLP, skipping its loop.
    private mutating func fail(_ error: X12Error, segment: Segment) {
        var error = error
        if hasClaim {
            let claimSegment = (start.header.position.segmentIndex ?? 1) + claims[0].segment - 1
            error.message = "claim \(claims[0].patientControlNumber) (CLP at segment \(claimSegment)): " + error.message
            if error.position.segmentId == "SVC", !hasLine { skippingLine = true }
            var problem = RemittanceProblem(error, transactionSetControlNumber: controlNumber)
            problem.segmentText = String(decoding: segment.content, as: UTF8.self)
            editClaim { $0.errors = ($0.errors ?? []) + [problem] }
        } else if error.position.segmentId == "CLP" {
            error.message = "claim \(rejectedClaimNumber) skipped: " + error.message
            skipping = true
            totals.skippedClaimCount += 1
        }
        errors.append(RemittanceProblem(error, transactionSetControlNumber: controlNumber))
    }

    /// Hands out the transaction header once, before its first claim.
    private mutating func sendHeader() {
        guard !headerSent else { return }
        headerSent = true
        ready.append(.header(remittance))
    }

    // MARK: - Header, payer, payee

    private mutating func consumeHeader(_ id: RemittanceSegmentId?, _ fields: RemittanceFields) throws(FieldError) {
        guard let id else { return }
        switch id {
        case .bpr:
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
        case .trn:
            sawTrace = true
            remittance.payment.traceNumber = fields.text(2)
            if let payer = fields.optional(3) { remittance.payment.payerIdentifier = payer }
        case .dtm where area == .header:
            if fields.has(1, "405") { remittance.productionDate = fields.optional(2) }
        case .ref where area == .header:
            if fields.has(1, "EV") { remittance.receiverIdentifier = fields.optional(2) }
        case .n1:
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
        case .n3, .n4, .ref, .per:
            guard area != .header else { return }
            var party = area == .payer ? remittance.payer : remittance.payee
            read(id, fields, into: &party)
            if area == .payer { remittance.payer = party } else { remittance.payee = party }
        case .svc, .cas, .nm1, .mia, .moa, .lq:
            skipping = true
            throw fields.error(.unexpectedSegment, "\(fields.id) is outside a claim payment loop: expected LX or CLP first")
        default:
            break
        }
    }

    private func read(_ id: RemittanceSegmentId, _ fields: RemittanceFields, into party: inout RemittanceParty) {
        switch id {
        case .n3:
            var address = party.address ?? RemittanceAddress()
            address.line1 = fields.text(1)
            address.line2 = fields.optional(2)
            party.address = address
        case .n4:
            var address = party.address ?? RemittanceAddress()
            address.city = fields.text(1)
            address.state = fields.optional(2)
            address.postalCode = fields.optional(3)
            address.country = fields.optional(4)
            party.address = address
        case .ref:
            let reference = RemittanceReference(qualifier: fields.text(1), value: fields.text(2))
            party.references.append(reference)
            if reference.qualifier == "TJ", party.taxId == nil { party.taxId = reference.value }
        case .per:
            var numbers: [RemittanceContact.Number] = []
            for pair in stride(from: 3, through: 7, by: 2) where !fields.isEmpty(pair) || !fields.isEmpty(pair + 1) {
                numbers.append(.init(qualifier: fields.text(pair), value: fields.text(pair + 1)))
            }
            party.contacts.append(RemittanceContact(function: fields.text(1), name: fields.optional(2), numbers: numbers))
        default:
            break
        }
    }

    private func checkRequiredSegments(into errors: inout [RemittanceProblem]) {
        func missing(_ what: String) {
            var position = start.header.position
            position.transactionSegmentIndex = 1
            let error = X12Error(.unexpectedSegment, at: position, "transaction set \(controlNumber) has no \(what)")
            errors.append(RemittanceProblem(error, transactionSetControlNumber: controlNumber))
        }
        if !sawPayment { missing("BPR (financial information): the payment amount is unknown") }
        if !sawTrace { missing("TRN (reassociation trace number)") }
        if !sawPayer { missing("N1*PR payer loop") }
        if !sawPayee { missing("N1*PE payee loop") }
    }

    // MARK: - Claims

    private mutating func openClaim(_ fields: RemittanceFields) throws(FieldError) {
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
        claims.append(opened)
        hasClaim = true
    }

    private mutating func closeClaim() {
        hasLine = false
        skippingLine = false
        guard hasClaim, var closed = claims.popLast() else { return }
        hasClaim = false
        RemittanceBalancer.balance(&closed)
        totals.claimCount += 1
        totals.serviceLineCount += closed.lines.count
        totals.chargeAmount += closed.chargeAmount
        totals.paidAmount += closed.paidAmount
        totals.patientResponsibilityAmount += closed.patientResponsibilityAmount ?? .zero
        ready.append(.claim(closed))
    }

    /// Changes the open claim in place; only called while `hasClaim`.
    private mutating func editClaim<Failure: Error>(_ edit: (inout RemittanceClaim) throws(Failure) -> Void) throws(Failure) {
        try edit(&claims[claims.count - 1])
    }

    /// Changes the open service line in place; only called while `hasLine`.
    private mutating func editLine<Failure: Error>(_ edit: (inout RemittanceServiceLine) throws(Failure) -> Void) throws(Failure) {
        try editClaim { claim throws(Failure) in try edit(&claim.lines[claim.lines.count - 1]) }
    }

    private mutating func consumeClaim(_ id: RemittanceSegmentId, _ fields: RemittanceFields) throws(FieldError) {
        if id == .svc {
            skippingLine = false
            hasLine = false
            let serviceLine = try readServiceLine(fields)
            editClaim { $0.lines.append(serviceLine) }
            hasLine = true
            if serviceLine.procedureQualifier.isEmpty {
                // Kept with its amounts and adjustments (the payment is not lost), and reported.
                throw fields.error(.invalidValue, "SVC01 must be qualifier:code (e.g. HC:99213), found '\(fields.text(1))'", element: 1)
            }
            return
        }
        if skippingLine { return }
        if hasLine {
            switch id {
            case .cas:
                try editLine { line throws(FieldError) in try Self.readAdjustments(fields, into: &line.adjustments) }
            case .dtm:
                if fields.has(1, "472") {
                    editLine { $0.serviceDate = fields.optional(2) }
                } else if fields.has(1, "150") {
                    editLine { $0.serviceStartDate = fields.optional(2) }
                } else if fields.has(1, "151") {
                    editLine { $0.serviceEndDate = fields.optional(2) }
                }
            case .ref:
                if fields.has(1, "6R") {
                    editLine { $0.lineControlNumber = fields.optional(2) }
                } else {
                    let reference = RemittanceReference(qualifier: fields.text(1), value: fields.text(2))
                    editLine { $0.references.append(reference) }
                }
            case .amt:
                if fields.has(1, "B6") {
                    let allowed = try fields.requiredAmount(2, name: "AMT02 amount")
                    editLine { $0.allowedAmount = allowed }
                } else {
                    let amount = try readAmount(fields)
                    editLine { $0.amounts.append(amount) }
                }
            case .qty:
                let quantity = RemittanceQuantity(qualifier: fields.text(1), quantity: fields.text(2))
                editLine { $0.quantities.append(quantity) }
            case .lq:
                if fields.has(1, "HE"), let code = fields.optional(2) { editLine { $0.remarkCodes.append(code) } }
            case .nm1, .mia, .moa:
                throw fields.error(.unexpectedSegment, "\(fields.id) after SVC: claim-level segments must come before the service lines")
            default:
                break
            }
            return
        }
        switch id {
        case .cas:
            try editClaim { claim throws(FieldError) in try Self.readAdjustments(fields, into: &claim.adjustments) }
        case .nm1: try readName(fields)
        case .mia, .moa:
            let adjudication = readAdjudication(id, fields)
            editClaim { $0.adjudication = adjudication }
        case .dtm:
            if fields.has(1, "232") {
                editClaim { $0.statementStartDate = fields.optional(2) }
            } else if fields.has(1, "233") {
                editClaim { $0.statementEndDate = fields.optional(2) }
            } else if fields.has(1, "050") {
                editClaim { $0.receivedDate = fields.optional(2) }
            } else if fields.has(1, "036") {
                editClaim { $0.coverageExpirationDate = fields.optional(2) }
            }
        case .ref:
            let reference = RemittanceReference(qualifier: fields.text(1), value: fields.text(2))
            editClaim { $0.references.append(reference) }
        case .amt:
            let amount = try readAmount(fields)
            editClaim { $0.amounts.append(amount) }
        case .qty:
            let quantity = RemittanceQuantity(qualifier: fields.text(1), quantity: fields.text(2))
            editClaim { $0.quantities.append(quantity) }
        case .lq: throw fields.error(.unexpectedSegment, "LQ outside a service line: expected SVC first")
        default: break
        }
    }

    private mutating func readName(_ fields: RemittanceFields) throws(FieldError) {
        let name = RemittanceName(entity: fields.text(1), lastName: fields.optional(3), firstName: fields.optional(4),
                                  middleName: fields.optional(5), suffix: fields.optional(7),
                                  identifierQualifier: fields.optional(8), identifier: fields.optional(9))
        switch name.entity {
        case "QC": editClaim { $0.patient = name }
        case "IL": editClaim { $0.insured = name }
        case "74": editClaim { $0.correctedName = name }
        case "82": editClaim { $0.serviceProvider = name }
        case "":
            throw fields.error(.invalidValue, "NM101 entity code is missing", element: 1)
        default: editClaim { $0.otherNames.append(name) }
        }
    }

    private func readAdjudication(_ id: RemittanceSegmentId, _ fields: RemittanceFields) -> ClaimAdjudication {
        let elements = fields.texts
        let remarkPositions = id == .moa ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23]
        let remarks = remarkPositions.compactMap { fields.optional($0) }
        return ClaimAdjudication(kind: id == .moa ? "outpatient" : "inpatient", elements: elements, remarkCodes: remarks)
    }

    private func readServiceLine(_ fields: RemittanceFields) throws(FieldError) -> RemittanceServiceLine {
        let procedure = fields.procedure(1)
        // An SVC01 that is not qualifier:code (often a composite written with another component separator)
        // keeps its text as the code and an empty qualifier, so the line's money is still read.
        let readable = procedure.qualifier != nil && procedure.code != nil
        var serviceLine = RemittanceServiceLine(
            procedureQualifier: readable ? procedure.qualifier ?? "" : "", procedureCode: readable ? procedure.code ?? "" : fields.text(1),
            modifiers: readable ? procedure.modifiers : [],
            chargeAmount: try fields.requiredAmount(2, name: "SVC02 line charge"),
            paidAmount: try fields.requiredAmount(3, name: "SVC03 line payment"),
            units: try fields.quantity(5, name: "SVC05 units paid") ?? "1", segment: fields.index)
        serviceLine.revenueCode = fields.optional(4)
        let original = fields.procedure(6)
        if let originalCode = original.code {
            serviceLine.originalProcedureCode = originalCode
            serviceLine.originalModifiers = original.modifiers
        }
        serviceLine.originalUnits = try fields.quantity(7, name: "SVC07 original units")
        return serviceLine
    }

    /// Appends the adjustments of a CAS segment to `adjustments` (of the open claim or line); throws before
    /// appending anything when the segment is broken.
    private static func readAdjustments(_ fields: RemittanceFields, into adjustments: inout [ClaimAdjustment]) throws(FieldError) {
        let group = fields.text(1)
        guard !group.isEmpty else { throw fields.error(.invalidValue, "CAS01 adjustment group code is missing", element: 1) }
        guard RemittanceCodes.adjustmentGroup(group) != nil else {
            throw fields.error(.invalidValue, "CAS01 '\(group)' is not an adjustment group (CO, PR, OA, PI)", element: 1)
        }
        let firstNew = adjustments.count
        if adjustments.capacity == 0 { adjustments.reserveCapacity(4) }
        do throws(FieldError) {
            for triplet in 0..<6 {
                let reasonAt = 2 + triplet * 3
                guard let reason = fields.optional(reasonAt) else {
                    if !fields.isEmpty(reasonAt + 1) {
                        throw fields.error(.invalidValue, "CAS\(twoDigits(reasonAt + 1)) amount has no reason code before it", element: reasonAt)
                    }
                    continue
                }
                let amount = try fields.requiredAmount(reasonAt + 1, name: "CAS\(twoDigits(reasonAt + 1)) adjustment amount")
                let quantity = try fields.quantity(reasonAt + 2, name: "CAS\(twoDigits(reasonAt + 2)) adjustment quantity")
                adjustments.append(ClaimAdjustment(group: group, reason: reason, amount: amount, quantity: quantity))
            }
        } catch {
            adjustments.removeSubrange(firstNew...)
            throw error
        }
        if adjustments.count == firstNew {
            throw fields.error(.invalidValue, "CAS02 reason code is missing: a CAS needs at least one reason and amount", element: 2)
        }
    }

    private func readAmount(_ fields: RemittanceFields) throws(FieldError) -> RemittanceAmount {
        RemittanceAmount(qualifier: fields.text(1), amount: try fields.requiredAmount(2, name: "AMT02 amount"))
    }

    // MARK: - PLB

    private mutating func readProviderAdjustments(_ fields: RemittanceFields) throws(FieldError) {
        let provider = fields.text(1)
        let fiscalPeriod = fields.text(2)
        var found: [ProviderAdjustment] = []
        for pair in 0..<6 {
            let reasonAt = 3 + pair * 2
            let composite = fields.components(reasonAt)
            let reason = composite.first ?? ""
            if reason.isEmpty {
                if !fields.isEmpty(reasonAt + 1) {
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
        providerAdjustments.append(contentsOf: found)
    }

    /// `5` → `"05"`, for element names such as `CAS05`.
    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

