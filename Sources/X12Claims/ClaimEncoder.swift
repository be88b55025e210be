import Foundation
import X12

/// Writes a ``ClaimFile`` as 005010X222A1 837P bytes: one interchange, one `HC` group, one ST per transaction.
///
/// The encoder writes what the model says and nothing else; the billing rules (what goes on which claim) are
/// ``ClaimBuilder``'s. HL numbers, LX numbers, CLM02 and every envelope count are computed here.
public enum ClaimEncoder {
    /// The implementation guide written in GS08 and ST03.
    public static let implementationGuide = "005010X222A1"

    /// Encodes a file.
    ///
    /// - Parameter file: the claims with their envelope.
    /// - Parameter lineBreak: written after every segment terminator (`"\n"` by default, `""` for none).
    /// - Throws: `X12Error` when a value contains a delimiter or does not fit the ISA.
    public static func encode(_ file: ClaimFile, lineBreak: String = "\n") throws(X12Error) -> [UInt8] {
        var builder = try EnvelopeBuilder(header: file.header, lineBreak: lineBreak)
        if !file.transactions.isEmpty {
            try builder.beginGroup(functionalId: "HC", version: implementationGuide)
            for transaction in file.transactions {
                try write(transaction, into: &builder)
            }
            try builder.endGroup()
        }
        return try builder.finish()
    }

    static func write(_ transaction: ClaimTransaction, into builder: inout EnvelopeBuilder) throws(X12Error) {
        try builder.beginTransactionSet(id: "837", implementationReference: implementationGuide)
        try builder.write("BHT", ["0019", "00", .simple(transaction.reference), .simple(transaction.creationDate.x12),
                                  .simple(transaction.creationTime), "CH"])
        let submitter = transaction.submitter
        try builder.write("NM1", ["41", "2", .simple(submitter.name), "", "", "", "", "46", .simple(submitter.id)])
        var contact: [FieldValue] = ["IC", .simple(submitter.contactName ?? "")]
        if let phone = submitter.phone { contact += ["TE", .simple(phone)] }
        if let email = submitter.email { contact += ["EM", .simple(email)] }
        try builder.write("PER", contact)
        try builder.write("NM1", ["40", "2", .simple(transaction.receiver.name), "", "", "", "", "46", .simple(transaction.receiver.id)])
        var hl = 0
        for group in transaction.billingProviders {
            hl += 1
            let providerHL = hl
            try builder.write("HL", [.simple(String(providerHL)), "", "20", "1"])
            let provider = group.provider
            if let taxonomy = provider.taxonomy { try builder.write("PRV", ["BI", "PXC", .simple(taxonomy)]) }
            try writeName("85", provider.name, idQualifier: "XX", id: provider.npi, into: &builder)
            try writeAddress(provider.address, into: &builder)
            try builder.write("REF", ["EI", .simple(provider.taxId)])
            if let payTo = provider.payToAddress {
                try builder.write("NM1", ["87", .simple(provider.name.entityType)])
                try writeAddress(payTo, into: &builder)
            }
            for subscriberGroup in group.subscribers {
                hl += 1
                let subscriberHL = hl
                try writeSubscriber(subscriberGroup, hl: subscriberHL, parent: providerHL, into: &builder)
                if let patient = subscriberGroup.patient {
                    hl += 1
                    try builder.write("HL", [.simple(String(hl)), .simple(String(subscriberHL)), "23", "0"])
                    try builder.write("PAT", [.simple(patient.relationshipCode)])
                    try writeName("QC", patient.name, idQualifier: nil, id: nil, into: &builder)
                    try writeAddress(patient.address, into: &builder)
                    try builder.write("DMG", ["D8", .simple(patient.dateOfBirth.x12), .simple(patient.sex)])
                }
                for claim in subscriberGroup.claims {
                    try writeClaim(claim, billingProvider: provider, into: &builder)
                }
            }
        }
        try builder.endTransactionSet()
    }

    private static func writeSubscriber(_ group: SubscriberGroup, hl: Int, parent: Int, into builder: inout EnvelopeBuilder) throws(X12Error) {
        let subscriber = group.subscriber
        try builder.write("HL", [.simple(String(hl)), .simple(String(parent)), "22", group.patient == nil ? "0" : "1"])
        try builder.write("SBR", [.simple(subscriber.responsibility), subscriber.isPatient ? "18" : "",
                                  .simple(subscriber.groupNumber ?? ""), "", "", "", "", "", .simple(subscriber.claimFilingCode)])
        try writeName("IL", subscriber.name, idQualifier: "MI", id: subscriber.memberId, into: &builder)
        if let address = subscriber.address { try writeAddress(address, into: &builder) }
        if let birth = subscriber.dateOfBirth {
            try builder.write("DMG", ["D8", .simple(birth.x12), .simple(subscriber.sex ?? "")])
        }
        let payer = group.payer
        try builder.write("NM1", ["PR", "2", .simple(payer.name), "", "", "", "", "PI", .simple(payer.payerId)])
        if let address = payer.address { try writeAddress(address, into: &builder) }
        if let secondary = payer.billingProviderSecondaryId { try builder.write("REF", ["G2", .simple(secondary)]) }
    }

    private static func writeClaim(_ claim: Claim, billingProvider: BillingProvider, into builder: inout EnvelopeBuilder) throws(X12Error) {
        try builder.write("CLM", [.simple(claim.patientControlNumber), .simple(AmountText.x12(claim.totalCharge)), "", "",
                                  .composite([claim.placeOfService, "B", claim.frequencyCode]), "Y", "A", "Y", "Y"])
        if let onset = claim.onsetDate { try builder.write("DTP", ["431", "D8", .simple(onset.x12)]) }
        if let paid = claim.patientAmountPaid { try builder.write("AMT", ["F5", .simple(AmountText.x12(paid))]) }
        if let authorization = claim.priorAuthorization { try builder.write("REF", ["G1", .simple(authorization)]) }
        if let original = claim.payerClaimControlNumber { try builder.write("REF", ["F8", .simple(original)]) }
        var diagnoses: [FieldValue] = []
        for (index, code) in claim.diagnoses.enumerated() {
            diagnoses.append(.composite([index == 0 ? "ABK" : "ABF", code]))
        }
        try builder.write("HI", diagnoses)
        if let referring = claim.referringProvider {
            try writeName("DN", referring.name, idQualifier: "XX", id: referring.npi, into: &builder)
        }
        if let rendering = claim.renderingProvider {
            try writeName("82", rendering.name, idQualifier: "XX", id: rendering.npi, into: &builder)
            if let taxonomy = rendering.taxonomy { try builder.write("PRV", ["PE", "PXC", .simple(taxonomy)]) }
        }
        if let facility = claim.serviceFacility {
            try builder.write("NM1", ["77", "2", .simple(facility.name), "", "", "", "", facility.npi == nil ? "" : "XX",
                                      .simple(facility.npi ?? "")])
            try writeAddress(facility.address, into: &builder)
        }
        for other in claim.otherPayers {
            try writeOtherPayer(other, into: &builder)
        }
        for (index, line) in claim.lines.enumerated() {
            try builder.write("LX", [.simple(String(index + 1))])
            try builder.write("SV1", [.composite(["HC", line.procedureCode] + line.modifiers), .simple(AmountText.x12(line.charge)), "UN",
                                      .simple(AmountText.quantity(line.units)), "", "", .composite(line.diagnosisPointers.map(String.init))])
            if let last = line.serviceEndDate, last != line.serviceDate {
                try builder.write("DTP", ["472", "RD8", .simple(line.serviceDate.x12 + "-" + last.x12)])
            } else {
                try builder.write("DTP", ["472", "D8", .simple(line.serviceDate.x12)])
            }
            try builder.write("REF", ["6R", .simple(line.lineControlNumber)])
            if let ordering = line.orderingProvider {
                try writeName("DK", ordering.name, idQualifier: "XX", id: ordering.npi, into: &builder)
                if let address = ordering.address { try writeAddress(address, into: &builder) }
            }
            for adjudication in line.adjudications {
                try writeLineAdjudication(adjudication, into: &builder)
            }
        }
    }

    /// 2320 SBR, CAS, AMT*D, AMT*EAF, OI; 2330A NM1*IL (N3/N4); 2330B NM1*PR, DTP*573, REF*F8.
    private static func writeOtherPayer(_ other: OtherPayer, into builder: inout EnvelopeBuilder) throws(X12Error) {
        try builder.write("SBR", [.simple(other.responsibility), .simple(other.relationshipCode), .simple(other.groupNumber ?? ""),
                                  "", "", "", "", "", .simple(other.claimFilingCode)])
        try writeAdjustments(other.adjustments, into: &builder)
        if let paid = other.paidAmount { try builder.write("AMT", ["D", .simple(AmountText.x12(paid))]) }
        if let remaining = other.remainingPatientLiability { try builder.write("AMT", ["EAF", .simple(AmountText.x12(remaining))]) }
        try builder.write("OI", ["", "", .simple(other.benefitsAssignment), "", "", .simple(other.releaseOfInformation)])
        try writeName("IL", other.subscriber.name, idQualifier: "MI", id: other.subscriber.memberId, into: &builder)
        if let address = other.subscriber.address { try writeAddress(address, into: &builder) }
        try builder.write("NM1", ["PR", "2", .simple(other.payerName), "", "", "", "", "PI", .simple(other.payerId)])
        if let date = other.adjudicationDate { try builder.write("DTP", ["573", "D8", .simple(date.x12)]) }
        if let number = other.claimControlNumber { try builder.write("REF", ["F8", .simple(number)]) }
    }

    /// 2430 SVD, CAS, DTP*573, AMT*EAF.
    private static func writeLineAdjudication(_ adjudication: LineAdjudication, into builder: inout EnvelopeBuilder) throws(X12Error) {
        var fields: [FieldValue] = [.simple(adjudication.otherPayerId), .simple(AmountText.x12(adjudication.paidAmount)),
                                    .composite(["HC", adjudication.procedureCode] + adjudication.modifiers), "",
                                    .simple(AmountText.quantity(adjudication.paidUnits))]
        if let bundled = adjudication.bundledLineNumber { fields.append(.simple(String(bundled))) }
        try builder.write("SVD", fields)
        try writeAdjustments(adjudication.adjustments, into: &builder)
        try builder.write("DTP", ["573", "D8", .simple(adjudication.adjudicationDate.x12)])
        if let remaining = adjudication.remainingPatientLiability {
            try builder.write("AMT", ["EAF", .simple(AmountText.x12(remaining))])
        }
    }

    private static func writeAdjustments(_ groups: [ClaimAdjustmentGroup], into builder: inout EnvelopeBuilder) throws(X12Error) {
        for group in groups {
            var fields: [FieldValue] = [.simple(group.groupCode)]
            for (index, adjustment) in group.adjustments.enumerated() {
                let last = index == group.adjustments.count - 1
                fields += [.simple(adjustment.reason), .simple(AmountText.x12(adjustment.amount))]
                if let quantity = adjustment.quantity {
                    fields.append(.simple(AmountText.quantity(quantity)))
                } else if !last {
                    fields.append("")
                }
            }
            try builder.write("CAS", fields)
        }
    }

    private static func writeName(_ code: String, _ name: EntityName, idQualifier: String?, id: String?, into builder: inout EnvelopeBuilder) throws(X12Error) {
        try builder.write("NM1", [.simple(code), .simple(name.entityType), .simple(name.last), .simple(name.first ?? ""),
                                  .simple(name.middle ?? ""), "", "", .simple(id == nil ? "" : idQualifier ?? ""), .simple(id ?? "")])
    }

    private static func writeAddress(_ address: Address, into builder: inout EnvelopeBuilder) throws(X12Error) {
        try builder.write("N3", [.simple(address.line1), .simple(address.line2 ?? "")])
        try builder.write("N4", [.simple(address.city), .simple(address.state), .simple(address.zip)])
    }
}
