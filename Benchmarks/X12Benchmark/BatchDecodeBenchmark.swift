import Foundation
import X12Claims

/// `X12Benchmark batch-decode [visits] [rounds]`: the measurement behind keeping the batch's own JSON parser.
///
/// Times, on the generate benchmark's batch (default 100,000 visits), the toolkit's path
/// (`BillingBatch.decode`: its byte parser plus the mapping to the batch model with every error's JSON path)
/// against Foundation's `JSONDecoder` decoding the same document into `Decodable` mirrors of the same fields
/// (money as `Decimal` from a number or a string, as the contract requires). The `JSONDecoder` figure is a
/// lower bound for a Codable route: it builds the mirrors only, not the batch model, and checks no rule.
/// The own parser stays only while it is at least twice as fast (issue 14); the numbers are in
/// Benchmarks/README.md.
func runBatchDecodeBenchmark(_ arguments: [String]) {
    let visits = arguments.first.flatMap(Int.init) ?? 100_000
    let rounds = arguments.dropFirst().first.flatMap(Int.init) ?? 3
    let data = Data(benchmarkBatch(visits: visits, patients: max(1, min(20_000, visits / 5))).utf8)
    print(String(format: "batch-decode: %d visits, %.1f MB of JSON, best of %d rounds", visits,
                 Double(data.count) / 1_048_576, rounds))

    func best(_ name: String, _ body: () throws -> Int) {
        var times: [Double] = []
        var count = 0
        for _ in 0..<rounds {
            let start = processCPUSeconds()
            do { count = try body() } catch {
                print("  \(name): failed: \(error)")
                return
            }
            times.append(processCPUSeconds() - start)
        }
        let seconds = times.min() ?? 0
        print(String(format: "  %-34@ %6.2f s CPU  %6.1f MB/s  (%d visits)", name as NSString, seconds,
                     Double(data.count) / 1_048_576 / seconds, count))
    }
    best("own parser + mapping (x12)") { try BillingBatch.decode(from: data).visits.count }
    best("Foundation JSONDecoder (mirrors)") { try JSONDecoder().decode(MirrorBatch.self, from: data).visits.count }
}

// MARK: - Decodable mirrors of the benchmark batch's fields

/// Money as the contract reads it: a JSON number or a string, exactly.
private struct MirrorMoney: Decodable {
    let value: Decimal
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = Decimal(string: text) {
            self.value = value
        } else {
            self.value = try container.decode(Decimal.self)
        }
    }
}

private struct MirrorBatch: Decodable {
    struct Interchange: Decodable { let senderId, receiverId, usage: String }
    struct Contact: Decodable { let name, phone: String }
    struct Submitter: Decodable { let name, id: String; let contact: Contact }
    struct Receiver: Decodable { let name, id: String }
    struct Address: Decodable { let primary: Bool?; let line1, city, state, zip: String }
    struct BillingProvider: Decodable {
        let organizationName, npi, taxId, taxonomy, alternateId: String
        let address: Address
    }
    struct Payer: Decodable { let id, name, payerId, claimFilingCode, alternateId: String }
    struct Provider: Decodable {
        let id, firstName, lastName, npi: String
        let taxonomy: String?
        let active: Bool?
        let alternateId: String
    }
    struct Defaults: Decodable { let modifiers: [String] }
    struct Code: Decodable { let code: String; let defaults: Defaults }
    struct Patient: Decodable {
        let id, firstName, lastName, dateOfBirth, sex: String
        let addresses: [Address]
    }
    struct Subscriber: Decodable { let relationship, memberId: String }
    struct Authorization: Decodable { let required: Bool; let number, effectiveFrom, effectiveTo: String }
    struct Case: Decodable {
        let id, patientId, payerId, startDate: String
        let subscriber: Subscriber
        let kxModifier: Bool
        let referringProviderId, renderingProviderId: String
        let authorization: Authorization
    }
    struct Charge: Decodable { let code: String; let units: Int; let amount: MirrorMoney; let diagnosisPointers: [Int] }
    struct Payment: Decodable { let amount: MirrorMoney; let kind: String }
    struct Visit: Decodable {
        let id, caseId, dateOfService: String
        let diagnoses: [String]
        let charges: [Charge]
        let patientPayments: [Payment]
    }
    let interchange: Interchange
    let submitter: Submitter
    let receiver: Receiver
    let billingProvider: BillingProvider
    let payers: [Payer]
    let providers: [Provider]
    let referringProviders: [Provider]
    let codes: [Code]
    let patients: [Patient]
    let cases: [Case]
    let visits: [Visit]
}
