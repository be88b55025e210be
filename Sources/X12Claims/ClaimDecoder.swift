import Foundation
import X12

/// Reads a 005010X222A1 837P file back into the claim model: billing providers, subscribers, payers,
/// patients, claims and lines, so that `generate` then decode gives back what was built.
///
/// The decoder reads the segments this toolkit writes and the common ones other senders use, the COB loops
/// (2320/2330A/2330B, 2430) included; segments it has no field for (PWK, NTE, MOA, 2330C-G...) are skipped. It refuses what the model cannot hold
/// truthfully: a CLM02 that is not the sum of its SV102, a line without a service date, malformed amounts.
public enum ClaimDecoder {
    /// Decodes every 837 transaction set of an interchange.
    ///
    /// - Throws: `X12Error` naming the segment and element: envelope faults, a transaction set that is not an
    ///   837, or a claim the model cannot represent.
    public static func decode(_ bytes: [UInt8]) throws(X12Error) -> ClaimFile {
        let reader = EnvelopeReader(SegmentReader(bytes: bytes))
        var header: EnvelopeBuilder.Header?
        var transactions: [ClaimTransaction] = []
        while let item = try reader.next() {
            switch item {
            case .problem(let error):
                throw error
            case .interchangeAcknowledgment:
                continue
            case .transactionSet(let set):
                if let problem = set.problems.first { throw problem }
                guard set.header.id == "837" else {
                    throw X12Error(.unexpectedSegment, at: set.header.position.element(1),
                                   "transaction set \(set.header.controlNumber) is a \(set.header.id), not an 837")
                }
                if header == nil { header = envelopeHeader(set) }
                var state = TransactionDecoder()
                for segment in set.body { try state.consume(segment) }
                transactions.append(try state.finish(at: set.segments.last?.position ?? set.header.position))
            }
        }
        guard let header else {
            throw X12Error(.missingInterchangeHeader, at: Position(byteOffset: 0, line: 1), "no 837 transaction set found")
        }
        return ClaimFile(header: header, transactions: transactions)
    }

    private static func envelopeHeader(_ set: TransactionSet) -> EnvelopeBuilder.Header {
        let interchange = set.interchange
        let group = set.group
        let dateText = group?.date ?? ("20" + interchange.date)
        let timeText = group?.time ?? interchange.time
        var date = Date(timeIntervalSince1970: 0)
        if let day = CalendarDate(x12: dateText), timeText.count >= 4, let hour = Int(timeText.prefix(2)),
           let minute = Int(timeText.dropFirst(2).prefix(2)),
           let parsed = InterchangeSettings.parseDate("\(day)T\(String(hour).leftPadded(to: 2)):\(String(minute).leftPadded(to: 2))") {
            date = parsed
        }
        let sender = interchange.senderId
        let receiver = interchange.receiverId
        return EnvelopeBuilder.Header(
            senderQualifier: interchange.senderQualifier, senderId: sender, receiverQualifier: interchange.receiverQualifier,
            receiverId: receiver, controlNumber: Int(interchange.controlNumber) ?? 0, usage: interchange.usage,
            acknowledgmentRequested: interchange.acknowledgmentRequested, date: date,
            applicationSender: group.map(\.applicationSender).flatMap { $0 == sender ? nil : $0 },
            applicationReceiver: group.map(\.applicationReceiver).flatMap { $0 == receiver ? nil : $0 })
    }
}

/// `nil` for an empty element.
private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

/// The loop a name or address segment belongs to.
private enum Party {
    case submitter, receiver, billingProvider, payTo, subscriber, payer, patient, referring, rendering, facility, ordering
    case otherSubscriber, otherPayer, other
}

/// Walks one 837 transaction set's body, segment by segment.
private struct TransactionDecoder {
    var reference = ""
    var creationDate = CalendarDate(verifiedYear: 2000, month: 1, day: 1)
    var creationTime = ""
    var submitter = Submitter(name: "", id: "")
    var receiver = Receiver(name: "", id: "")
    var providers: [BillingProviderGroup] = []
    var party = Party.other
    var pendingStreet: (String, String?)?
    var inLine = false
    /// A 2320 loop of the current claim is open (until the first LX).
    var inOtherPayer = false
    /// A 2430 loop of the current line is open.
    var inLineAdjudication = false
    var claimPosition: Position?
    var statedCharge: Decimal = 0
    var adjudicationPosition: Position?

    static let emptyAddress = Address(line1: "", city: "", state: "", zip: "")

    mutating func consume(_ segment: Segment) throws(X12Error) {
        switch segment.id {
        case "BHT":
            reference = segment[3]
            creationDate = try date(segment, 4)
            creationTime = segment[5]
        case "HL":
            try hierarchy(segment)
        case "NM1":
            try name(segment)
        case "PER":
            guard party == .submitter else { return }
            submitter.contactName = nonEmpty(segment[2])
            var index = 3
            while index + 1 <= segment.elementCount {
                switch segment[index] {
                case "TE": submitter.phone = nonEmpty(segment[index + 1])
                case "EM": submitter.email = nonEmpty(segment[index + 1])
                default: break
                }
                index += 2
            }
        case "N3":
            pendingStreet = (segment[1], nonEmpty(segment[2]))
        case "N4":
            let street = pendingStreet ?? ("", nil)
            assign(Address(line1: street.0, line2: street.1, city: segment[1], state: segment[2], zip: segment[3]))
            pendingStreet = nil
        case "PRV":
            if segment[1] == "BI" { updateProvider { $0.provider.taxonomy = nonEmpty(segment[3]) } }
            if segment[1] == "PE" { updateClaim { $0.renderingProvider?.taxonomy = nonEmpty(segment[3]) } }
        case "REF":
            try reference(segment)
        case "SBR" where claimPosition != nil:
            try otherPayer(segment)
        case "SBR":
            updateSubscriberGroup { group in
                group.subscriber.responsibility = segment[1]
                group.subscriber.isPatient = segment[2] == "18"
                group.subscriber.groupNumber = nonEmpty(segment[3])
                group.subscriber.claimFilingCode = segment[9]
            }
        case "PAT":
            updateSubscriberGroup { $0.patient?.relationshipCode = segment[1] }
        case "DMG":
            let birth = try date(segment, 2)
            let sex = nonEmpty(segment[3])
            if party == .patient {
                updateSubscriberGroup { group in
                    group.patient?.dateOfBirth = birth
                    group.patient?.sex = sex ?? ""
                }
            } else {
                updateSubscriberGroup { group in
                    group.subscriber.dateOfBirth = birth
                    group.subscriber.sex = sex
                }
            }
        case "CLM":
            try claim(segment)
        case "CAS":
            try adjustment(segment)
        case "OI":
            updateOtherPayer { other in
                other.benefitsAssignment = segment[3]
                other.releaseOfInformation = segment[6]
            }
        case "SVD":
            try lineAdjudication(segment)
        case "DTP" where segment[1] == "573":
            let date = try date(segment, 3)
            if inLineAdjudication {
                updateLineAdjudication { $0.adjudicationDate = date }
            } else if party == .otherPayer {
                updateOtherPayer { $0.adjudicationDate = date }
            }
        case "DTP":
            if segment[1] == "431" {
                let onset = try date(segment, 3)
                updateClaim { $0.onsetDate = onset }
            } else if segment[1] == "472" {
                let (first, last) = try serviceDates(segment)
                updateLine {
                    $0.serviceDate = first
                    $0.serviceEndDate = last
                }
            }
        case "AMT":
            switch (segment[1], inLineAdjudication, inOtherPayer) {
            case ("F5", false, false):
                let paid = try amount(segment, 2)
                updateClaim { $0.patientAmountPaid = paid }
            case ("EAF", true, _):
                let remaining = try amount(segment, 2)
                updateLineAdjudication { $0.remainingPatientLiability = remaining }
            case ("D", false, true):
                let paid = try amount(segment, 2)
                updateOtherPayer { $0.paidAmount = paid }
            case ("EAF", false, true):
                let remaining = try amount(segment, 2)
                updateOtherPayer { $0.remainingPatientLiability = remaining }
            default:
                break
            }
        case "HI":
            guard segment[1, 1] == "ABK" || segment[1, 1] == "BK" else { return }
            let codes = segment.elements.map { $0.component(2) }.filter { !$0.isEmpty }
            updateClaim { $0.diagnoses = codes }
        case "LX":
            try finishLine()
            inLine = true
            inOtherPayer = false
            inLineAdjudication = false
            party = .other
            updateClaim {
                $0.lines.append(ServiceLine(procedureCode: "", charge: 0, units: 0, diagnosisPointers: [],
                                            serviceDate: CalendarDate(verifiedYear: 1, month: 1, day: 1), lineControlNumber: ""))
            }
        case "SV1":
            try serviceLine(segment)
        default:
            break
        }
    }

    mutating func finish(at position: Position) throws(X12Error) -> ClaimTransaction {
        try finishClaim()
        return ClaimTransaction(reference: reference, creationDate: creationDate, creationTime: creationTime, submitter: submitter,
                                receiver: receiver, billingProviders: providers)
    }

    // MARK: Segments

    private mutating func hierarchy(_ segment: Segment) throws(X12Error) {
        try finishClaim()
        switch segment[3] {
        case "20":
            providers.append(BillingProviderGroup(
                provider: BillingProvider(name: .organization(""), npi: "", taxId: "", taxonomy: nil, address: Self.emptyAddress),
                subscribers: []))
        case "22":
            guard !providers.isEmpty else {
                throw X12Error(.unexpectedSegment, at: segment.position.element(3), "subscriber HL before any billing provider HL")
            }
            let subscriber = Subscriber(isPatient: false, groupNumber: nil, claimFilingCode: "", name: .person(last: "", first: nil),
                                        memberId: "", address: nil, dateOfBirth: nil, sex: nil)
            providers[providers.count - 1].subscribers.append(
                SubscriberGroup(subscriber: subscriber, payer: ClaimPayer(name: "", payerId: ""), patient: nil, claims: []))
        case "23":
            guard providers.last?.subscribers.last != nil else {
                throw X12Error(.unexpectedSegment, at: segment.position.element(3), "patient HL before any subscriber HL")
            }
            updateSubscriberGroup { group in
                group.patient = Patient(relationshipCode: "", name: .person(last: "", first: nil), address: Self.emptyAddress,
                                        dateOfBirth: CalendarDate(verifiedYear: 1, month: 1, day: 1), sex: "")
            }
        default:
            throw X12Error(.invalidValue, at: segment.position.element(3), "HL03 '\(segment[3])' is not 20, 22 or 23")
        }
        party = .other
    }

    private mutating func name(_ segment: Segment) throws(X12Error) {
        let entity = EntityName(last: segment[3], first: nonEmpty(segment[4]), middle: nonEmpty(segment[5]),
                                isOrganization: segment[2] == "2")
        let id = segment[9]
        switch segment[1] {
        case "41":
            party = .submitter
            submitter.name = segment[3]
            submitter.id = id
        case "40":
            party = .receiver
            receiver = Receiver(name: segment[3], id: id)
        case "85":
            party = .billingProvider
            updateProvider { group in
                group.provider.name = entity
                group.provider.npi = id
            }
        case "87":
            party = .payTo
        case "IL" where inOtherPayer:
            party = .otherSubscriber
            updateOtherPayer { $0.subscriber = OtherSubscriber(name: entity, memberId: id) }
        case "PR" where inOtherPayer:
            party = .otherPayer
            updateOtherPayer { other in
                other.payerName = segment[3]
                other.payerId = id
            }
        case _ where inOtherPayer:
            party = .other
        case "IL":
            party = .subscriber
            updateSubscriberGroup { group in
                group.subscriber.name = entity
                group.subscriber.memberId = id
            }
        case "PR":
            party = .payer
            updateSubscriberGroup { group in
                group.payer.name = segment[3]
                group.payer.payerId = id
            }
        case "QC":
            party = .patient
            updateSubscriberGroup { $0.patient?.name = entity }
        case "DN" where !inLine:
            party = .referring
            updateClaim { $0.referringProvider = ProviderReference(name: entity, npi: id) }
        case "82" where !inLine:
            party = .rendering
            updateClaim { $0.renderingProvider = ProviderReference(name: entity, npi: id) }
        case "77" where !inLine:
            party = .facility
            updateClaim { $0.serviceFacility = ServiceFacility(name: segment[3], npi: nonEmpty(id), address: Self.emptyAddress) }
        case "DK" where inLine:
            party = .ordering
            updateLine { $0.orderingProvider = ProviderReference(name: entity, npi: id) }
        default:
            party = .other
        }
    }

    private mutating func reference(_ segment: Segment) throws(X12Error) {
        let value = segment[2]
        switch (segment[1], party) {
        case ("F8", .otherPayer):
            updateOtherPayer { $0.claimControlNumber = value }
        case (_, .otherPayer), (_, .otherSubscriber):
            break
        case ("EI", .billingProvider), ("SY", .billingProvider):
            updateProvider { $0.provider.taxId = value }
        case ("G2", .payer):
            updateSubscriberGroup { $0.payer.billingProviderSecondaryId = value }
        case ("G1", _) where !inLine:
            updateClaim { $0.priorAuthorization = value }
        case ("F8", _) where !inLine:
            updateClaim { $0.payerClaimControlNumber = value }
        case ("6R", _) where inLine:
            updateLine { $0.lineControlNumber = value }
        default:
            break
        }
    }

    private mutating func claim(_ segment: Segment) throws(X12Error) {
        try finishClaim()
        guard providers.last?.subscribers.last != nil else {
            throw X12Error(.unexpectedSegment, at: segment.position, "CLM before any subscriber HL")
        }
        statedCharge = try amount(segment, 2)
        claimPosition = segment.position
        party = .other
        let claim = Claim(patientControlNumber: segment[1], placeOfService: segment[5, 1],
                          frequencyCode: segment[5, 3].isEmpty ? "1" : segment[5, 3], diagnoses: [], lines: [])
        updateSubscriberGroup { $0.claims.append(claim) }
    }

    /// 2320 SBR: opens another payer of the claim.
    private mutating func otherPayer(_ segment: Segment) throws(X12Error) {
        guard !inLine else { throw X12Error(.unexpectedSegment, at: segment.position, "SBR inside a service line") }
        inOtherPayer = true
        party = .other
        let other = OtherPayer(responsibility: segment[1], relationshipCode: segment[2], groupNumber: nonEmpty(segment[3]),
                               claimFilingCode: segment[9], benefitsAssignment: "", releaseOfInformation: "",
                               subscriber: OtherSubscriber(name: .person(last: "", first: nil), memberId: ""), payerName: "", payerId: "")
        updateClaim { $0.otherPayers.append(other) }
    }

    /// CAS of a 2320 or 2430 loop.
    private mutating func adjustment(_ segment: Segment) throws(X12Error) {
        guard inLineAdjudication || (inOtherPayer && !inLine) else { return }
        var adjustments: [ClaimAdjustmentGroup.Adjustment] = []
        var element = 2
        while element <= min(segment.elementCount, 19) {
            let reason = segment[element]
            if !reason.isEmpty {
                let amount = try amount(segment, element + 1)
                var quantity: Decimal?
                if element + 2 <= segment.elementCount, !segment[element + 2].isEmpty {
                    quantity = try decimal(segment, element + 2)
                }
                adjustments.append(.init(reason: reason, amount: amount, quantity: quantity))
            }
            element += 3
        }
        let group = ClaimAdjustmentGroup(groupCode: segment[1], adjustments: adjustments)
        if inLineAdjudication {
            updateLineAdjudication { $0.adjustments.append(group) }
        } else {
            updateOtherPayer { $0.adjustments.append(group) }
        }
    }

    /// 2430 SVD: opens another payer's adjudication of the current line.
    private mutating func lineAdjudication(_ segment: Segment) throws(X12Error) {
        guard inLine else { throw X12Error(.unexpectedSegment, at: segment.position, "SVD outside a service line (no LX before it)") }
        try finishLineAdjudication()
        inLineAdjudication = true
        party = .other
        let paid = try amount(segment, 2)
        let units = try decimal(segment, 5)
        var bundled: Int?
        if !segment[6].isEmpty {
            guard let number = Int(segment[6]) else {
                throw X12Error(.invalidValue, at: segment.position.element(6), "SVD06 '\(segment[6])' is not a line number")
            }
            bundled = number
        }
        let composite = segment.element(3)?.components ?? []
        let modifiers = composite.count > 2 ? Array(composite[2..<min(composite.count, 6)]).filter { !$0.isEmpty } : []
        let adjudication = LineAdjudication(otherPayerId: segment[1], paidAmount: paid, procedureCode: segment[3, 2], modifiers: modifiers,
                                            paidUnits: units, bundledLineNumber: bundled,
                                            adjudicationDate: CalendarDate(verifiedYear: 1, month: 1, day: 1))
        updateLine { $0.adjudications.append(adjudication) }
        adjudicationPosition = segment.position
    }

    private mutating func serviceLine(_ segment: Segment) throws(X12Error) {
        guard inLine else { throw X12Error(.unexpectedSegment, at: segment.position, "SV1 outside a service line (no LX before it)") }
        let charge = try amount(segment, 2)
        guard let units = Decimal(string: segment[4], locale: Locale(identifier: "en_US_POSIX")) else {
            throw X12Error(.invalidValue, at: segment.position.element(4), "SV104 '\(segment[4])' is not a number")
        }
        var pointers: [Int] = []
        for (index, text) in (segment.element(7)?.components ?? []).enumerated() where !text.isEmpty {
            guard let pointer = Int(text) else {
                throw X12Error(.invalidValue, at: segment.position.element(7, component: index + 1), "SV107 pointer '\(text)' is not a number")
            }
            pointers.append(pointer)
        }
        let composite = segment.element(1)?.components ?? []
        let modifiers = composite.count > 2 ? Array(composite[2..<min(composite.count, 6)]).filter { !$0.isEmpty } : []
        updateLine { line in
            line.procedureCode = segment[1, 2]
            line.modifiers = modifiers
            line.charge = charge
            line.units = units
            line.diagnosisPointers = pointers
        }
    }

    // MARK: Closing

    private mutating func finishLineAdjudication() throws(X12Error) {
        guard inLineAdjudication, let position = adjudicationPosition else { return }
        adjudicationPosition = nil
        if currentClaim?.lines.last?.adjudications.last?.adjudicationDate.year == 1 {
            throw X12Error(.unexpectedSegment, at: position, "2430 SVD of line \(currentClaim?.lines.count ?? 0) has no DTP*573 adjudication date")
        }
    }

    private mutating func finishLine() throws(X12Error) {
        try finishLineAdjudication()
        inLineAdjudication = false
        guard inLine, let line = currentClaim?.lines.last else { return }
        if line.serviceDate.year == 1 {
            throw X12Error(.unexpectedSegment, at: claimPosition ?? Position(byteOffset: 0, line: 0),
                           "line \(currentClaim?.lines.count ?? 0) of claim \(currentClaim?.patientControlNumber ?? "") has no DTP*472 service date")
        }
    }

    private mutating func finishClaim() throws(X12Error) {
        try finishLine()
        inLine = false
        inOtherPayer = false
        guard let claim = currentClaim, let position = claimPosition else { return }
        claimPosition = nil
        if claim.totalCharge != statedCharge {
            throw X12Error(.invalidValue, at: position.element(2),
                           "CLM02 \(AmountText.x12(statedCharge)) is not the sum of the claim's SV102 (\(AmountText.x12(claim.totalCharge)))")
        }
    }

    // MARK: Helpers

    private var currentClaim: Claim? { claimPosition == nil ? nil : providers.last?.subscribers.last?.claims.last }

    private mutating func updateProvider(_ change: (inout BillingProviderGroup) -> Void) {
        guard !providers.isEmpty else { return }
        change(&providers[providers.count - 1])
    }

    private mutating func updateSubscriberGroup(_ change: (inout SubscriberGroup) -> Void) {
        updateProvider { group in
            guard !group.subscribers.isEmpty else { return }
            change(&group.subscribers[group.subscribers.count - 1])
        }
    }

    private mutating func updateClaim(_ change: (inout Claim) -> Void) {
        guard claimPosition != nil else { return }
        updateSubscriberGroup { group in
            guard !group.claims.isEmpty else { return }
            change(&group.claims[group.claims.count - 1])
        }
    }

    private mutating func updateLine(_ change: (inout ServiceLine) -> Void) {
        guard inLine else { return }
        updateClaim { claim in
            guard !claim.lines.isEmpty else { return }
            change(&claim.lines[claim.lines.count - 1])
        }
    }

    private mutating func updateOtherPayer(_ change: (inout OtherPayer) -> Void) {
        guard inOtherPayer, !inLine else { return }
        updateClaim { claim in
            guard !claim.otherPayers.isEmpty else { return }
            change(&claim.otherPayers[claim.otherPayers.count - 1])
        }
    }

    private mutating func updateLineAdjudication(_ change: (inout LineAdjudication) -> Void) {
        guard inLineAdjudication else { return }
        updateLine { line in
            guard !line.adjudications.isEmpty else { return }
            change(&line.adjudications[line.adjudications.count - 1])
        }
    }

    private mutating func assign(_ address: Address) {
        switch party {
        case .otherSubscriber: updateOtherPayer { $0.subscriber.address = address }
        case .otherPayer: break
        case .billingProvider: updateProvider { $0.provider.address = address }
        case .payTo: updateProvider { $0.provider.payToAddress = address }
        case .subscriber: updateSubscriberGroup { $0.subscriber.address = address }
        case .payer: updateSubscriberGroup { $0.payer.address = address }
        case .patient: updateSubscriberGroup { $0.patient?.address = address }
        case .facility: updateClaim { $0.serviceFacility?.address = address }
        case .referring: updateClaim { $0.referringProvider?.address = address }
        case .rendering: updateClaim { $0.renderingProvider?.address = address }
        case .ordering: updateLine { $0.orderingProvider?.address = address }
        case .submitter, .receiver, .other: break
        }
    }

    /// DTP*472: one day (`D8`) or a range (`RD8`, `CCYYMMDD-CCYYMMDD`, the last day `nil` when it is the first).
    private func serviceDates(_ segment: Segment) throws(X12Error) -> (CalendarDate, CalendarDate?) {
        guard segment[2] == "RD8" else { return (try date(segment, 3), nil) }
        let parts = segment[3].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = CalendarDate(x12: String(parts[0])), let last = CalendarDate(x12: String(parts[1])),
              first <= last else {
            throw X12Error(.invalidValue, at: segment.position.element(3),
                           "DTP element 3 '\(segment[3])' is not a CCYYMMDD-CCYYMMDD range (first day not after the last)")
        }
        return (first, first == last ? nil : last)
    }

    private func date(_ segment: Segment, _ element: Int) throws(X12Error) -> CalendarDate {
        guard let date = CalendarDate(x12: segment[element]) else {
            throw X12Error(.invalidValue, at: segment.position.element(element), "\(segment.id) element \(element) '\(segment[element])' is not a CCYYMMDD date")
        }
        return date
    }

    private func decimal(_ segment: Segment, _ element: Int) throws(X12Error) -> Decimal {
        let text = segment[element]
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }),
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw X12Error(.invalidValue, at: segment.position.element(element), "\(segment.id) element \(element) '\(text)' is not a number")
        }
        return value
    }

    private func amount(_ segment: Segment, _ element: Int) throws(X12Error) -> Decimal {
        let text = segment[element]
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }),
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw X12Error(.invalidValue, at: segment.position.element(element), "\(segment.id) element \(element) '\(text)' is not an amount")
        }
        return value
    }
}
