import Foundation
import X12
import X12Claims

/// `X12Benchmark generate [visits] [--write-batch PATH]`: end-to-end claim generation (with `--write-batch`, only writes
/// the batch to PATH, for Benchmarks/cli.sh to time `x12 generate` on it as a whole process). Writes a billing batch of `visits` finalized
/// visits (default 100,000; 3 charges each, 20,000 patients over 3 payers) to a temporary folder, then times
/// reading + JSON decoding + billing rules + 837 encoding + the atomic write, and prints claims/s and peak RSS.
func runGenerateBenchmark(_ arguments: [String]) {
    let visits = arguments.first.flatMap(Int.init) ?? 100_000
    if let flag = arguments.firstIndex(of: "--write-batch"), flag + 1 < arguments.count {
        let json = benchmarkBatch(visits: visits, patients: max(1, min(20_000, visits / 5)))
        guard FileManager.default.createFile(atPath: arguments[flag + 1], contents: Data(json.utf8)) else {
            print("generate benchmark: cannot write \(arguments[flag + 1])")
            exit(2)
        }
        return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-generate-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let batchPath = folder.appendingPathComponent("batch.json").path
    let outputPath = folder.appendingPathComponent("claims.837").path
    let json = benchmarkBatch(visits: visits, patients: max(1, min(20_000, visits / 5)))
    FileManager.default.createFile(atPath: batchPath, contents: Data(json.utf8))

    let cpuStart = processCPUSeconds()
    let start = Date()
    guard let data = FileManager.default.contents(atPath: batchPath) else {
        print("generate benchmark: cannot read \(batchPath)")
        return
    }
    let batch: BillingBatch
    do {
        batch = try BillingBatch.decode(from: data)
    } catch {
        print("generate benchmark: \(error)")
        return
    }
    let decoded = Date()
    let output = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 1, date: Date()))
    let built = Date()
    let bytes: [UInt8]
    do {
        bytes = try ClaimEncoder.encode(output.file)
        try AtomicFile.write(bytes, to: outputPath)
    } catch {
        print("generate benchmark: \(error)")
        return
    }
    let end = Date()
    let seconds = end.timeIntervalSince(start)
    let claims = output.report.claims.count
    let cpuSeconds = processCPUSeconds() - cpuStart
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let inputMB = Double(data.count) / 1_048_576
    let outputMB = Double(bytes.count) / 1_048_576
    print(String(format: "generate: %d visits, %d claims, %d transaction sets", visits, claims, output.file.transactions.count))
    print(String(format: "  input %.1f MB JSON, output %.1f MB 837", inputMB, outputMB))
    print(String(format: "  decode %.2f s, rules %.2f s, encode+write %.2f s, total %.2f s",
                 decoded.timeIntervalSince(start), built.timeIntervalSince(decoded), end.timeIntervalSince(built), seconds))
    print(String(format: "  %.0f claims/s, %.1f MB/s of 837 written", Double(claims) / seconds, outputMB / seconds))
    print(String(format: "  CPU time %.2f s (%.0f claims per CPU second; wall time is longer when the machine is shared)",
                 cpuSeconds, Double(claims) / cpuSeconds))
    print(String(format: "  peak RSS %.0f MB", Double(usage.ru_maxrss) / 1024))
    print("  totals balance: \(output.report.totals.balances)")
}

/// User + system CPU time of the process so far.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// A realistic batch as JSON text: the example practice's reference data and `visits` visits.
func benchmarkBatch(visits: Int, patients: Int) -> String {
    var out = """
    {"interchange":{"senderId":"RIVERSIDEPT","receiverId":"CLEARHOUSE01","usage":"T"},
    "submitter":{"name":"Riverside Physical Therapy","id":"RIVPT0001","contact":{"name":"Dana Whitaker","phone":"5035550142"}},
    "receiver":{"name":"Cascade Clearinghouse","id":"CLEARHOUSE01"},
    "billingProvider":{"organizationName":"Riverside Physical Therapy LLC","npi":"1234567893","taxId":"931234567","taxonomy":"225100000X",
    "address":{"line1":"1200 Harbor Blvd","city":"Portland","state":"OR","zip":"972011234"},"alternateId":"BP-001"},
    "payers":[{"id":"MCR","name":"Medicare Part B Oregon","payerId":"02402","claimFilingCode":"MB","alternateId":"PY-101"},
    {"id":"AET","name":"Aetna","payerId":"60054","claimFilingCode":"CI","alternateId":"PY-102"},
    {"id":"BCBS","name":"Regence BlueCross BlueShield of Oregon","payerId":"00851","claimFilingCode":"BL","alternateId":"PY-103"}],
    "providers":[{"id":"P1","firstName":"María","lastName":"González","npi":"1456789019","taxonomy":"225100000X","active":true,"alternateId":"PR-201"},
    {"id":"P2","firstName":"David","lastName":"Chen","npi":"1567890128","taxonomy":"225100000X","active":true,"alternateId":"PR-202"}],
    "referringProviders":[{"id":"R2","firstName":"James","lastName":"Patel","npi":"1890123452","alternateId":"RF-402"}],
    "codes":[{"code":"97110","defaults":{"modifiers":["GP"]}},{"code":"97140","defaults":{"modifiers":["GP"]}},{"code":"97530","defaults":{"modifiers":["GP"]}}],
    "patients":[
    """
    out.reserveCapacity(visits * 400 + patients * 300)
    let payers = ["MCR", "AET", "BCBS"]
    for index in 0..<patients {
        if index > 0 { out += ",\n" }
        out += #"{"id":"PT\#(index)","firstName":"Pat\#(index)","lastName":"Müller\#(index % 97)","dateOfBirth":"19\#(50 + index % 49)-0\#(1 + index % 9)-1\#(index % 9)","sex":"\#(index % 2 == 0 ? "F" : "M")","addresses":[{"primary":true,"line1":"\#(100 + index) SE Division St","city":"Portland","state":"OR","zip":"97202"}]}"#
    }
    out += "],\n\"cases\":[\n"
    for index in 0..<patients {
        if index > 0 { out += ",\n" }
        out += #"{"id":"C\#(index)","patientId":"PT\#(index)","payerId":"\#(payers[index % 3])","startDate":"2024-01-01","subscriber":{"relationship":"self","memberId":"M\#(index)X"},"kxModifier":\#(index % 4 == 0),"referringProviderId":"R2","renderingProviderId":"P\#(1 + index % 2)","authorization":{"required":\#(index % 5 == 0),"number":"AUTH\#(index)","effectiveFrom":"2024-01-01","effectiveTo":"2024-12-31"}}"#
    }
    out += "],\n\"visits\":[\n"
    for index in 0..<visits {
        if index > 0 { out += ",\n" }
        let day = 1 + index % 28
        out += #"{"id":"V\#(index)","caseId":"C\#(index % patients)","dateOfService":"2024-03-\#(day < 10 ? "0" : "")\#(day)","diagnoses":["M54.16","M62.81"],"charges":[{"code":"97110","units":2,"amount":"90.00","diagnosisPointers":[1]},{"code":"97140","units":1,"amount":45,"diagnosisPointers":[2]},{"code":"97530","units":2,"amount":96.5,"diagnosisPointers":[1,2]}],"patientPayments":[{"amount":\#(index % 3 == 0 ? 20 : 0),"kind":"copay"}]}"#
    }
    out += "]}\n"
    return out
}
