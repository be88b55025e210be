import Foundation
import X12
import X12Output
import X12Remittance

/// `X12Benchmark remit [MEGABYTES] [--keep PATH | --file PATH] [--only segments|sets|records|ndjson]`: generates a balanced
/// 835 of about MEGABYTES (default 100; `--file` reads an existing file instead, e.g. one kept earlier, so a profile shows
/// reading only) with many transaction sets, then times reading it: segments only, transaction sets only, 835
/// records (RemittanceDecoder), and records written as NDJSON. Prints MB/s and peak RSS.
func runRemitBenchmark(_ arguments: [String]) {
    var megabytes = 100
    var keep: String?
    var existing: String?
    var only: String?
    var index = 0
    while index < arguments.count {
        if arguments[index] == "--keep", index + 1 < arguments.count {
            keep = arguments[index + 1]
            index += 2
            continue
        }
        if arguments[index] == "--file", index + 1 < arguments.count {
            existing = arguments[index + 1]
            index += 2
            continue
        }
        if arguments[index] == "--only", index + 1 < arguments.count {
            only = arguments[index + 1]
            index += 2
            continue
        }
        megabytes = Int(arguments[index]) ?? megabytes
        index += 1
    }
    let path = existing ?? keep ?? NSTemporaryDirectory() + "x12-remit-bench-\(ProcessInfo.processInfo.processIdentifier).835"
    let size: Double
    if existing != nil {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let bytes = attributes[.size] as? NSNumber else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            exit(2)
        }
        size = bytes.doubleValue / 1_000_000
        print(String(format: "reading %@: %.1f MB", path, size))
    } else {
        let started = Date()
        guard let generated = RemittanceBenchmarkFile.write(to: path, megabytes: megabytes) else {
            FileHandle.standardError.write(Data("cannot write \(path)\n".utf8))
            exit(2)
        }
        size = Double(generated.bytes) / 1_000_000
        print(String(format: "generated %@: %.1f MB, %d transaction sets, %d claims, %d service lines in %.1f s",
                     path, size, generated.transactionSets, generated.claims, generated.claims * 3, Date().timeIntervalSince(started)))
    }
    defer { if keep == nil && existing == nil { unlink(path) } }

    func measure(_ key: String, _ name: String, _ body: () throws -> String) {
        if only == nil || only == key { measureOnce(name, size: size, body) }
    }
    measure("segments", "segments (SegmentReader)") {
        let reader = try SegmentReader(path: path)
        var count = 0
        while try reader.next() != nil { count += 1 }
        return "\(count) segments"
    }
    measure("sets", "transaction sets (EnvelopeReader)") {
        let envelopes = EnvelopeReader(try SegmentReader(path: path))
        var count = 0
        while let item = try envelopes.next() { if case .transactionSet = item { count += 1 } }
        return "\(count) transaction sets"
    }
    measure("records", "835 records (RemittanceDecoder)") {
        let decoder = try RemittanceDecoder(path: path)
        var claims = 0
        var paid = Money.zero
        var findings = 0
        while let remittance = try decoder.next() {
            claims += remittance.claims.count
            paid += remittance.payment.amount
            findings += remittance.allBalanceFindings.count + remittance.errors.count
        }
        return "\(claims) claims, Σ BPR02 \(paid), \(findings) findings"
    }
    measure("ndjson", "835 records + NDJSON output") {
        let decoder = try RemittanceDecoder(path: path)
        var writer = RemittanceWriter(format: .ndjson)
        var bytes = 0
        while let remittance = try decoder.next() { bytes += try writer.write(remittance).count }
        return String(format: "%.1f MB of NDJSON", Double(bytes) / 1_000_000)
    }
}

/// Runs `body` once and prints throughput by wall clock and by CPU time (the machine may be shared, so
/// CPU time is the steadier number), and the process's peak RSS so far.
private func measureOnce(_ name: String, size: Double, _ body: () throws -> String) {
    let cpuStart = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    let detail: String
    do {
        detail = try body()
    } catch {
        print("\(name): failed: \(error)")
        return
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = cpuSeconds() - cpuStart
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(String(format: "%@: %.2f s wall, %.1f MB/s; %.2f s CPU, %.1f MB/s; peak RSS %.1f MB (%@)", name, seconds,
                 size / seconds, cpu, size / cpu, Double(usage.ru_maxrss) / 1024, detail))
}

/// User + system CPU seconds of this process so far.
private func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Writes a balanced 835 file, one transaction set (200 claims of 3 lines, with CAS, REF*6R, AMT*B6,
/// LQ and a PLB) at a time, so generating it needs little memory.
enum RemittanceBenchmarkFile {
    struct Summary {
        var bytes = 0
        var transactionSets = 0
        var claims = 0
    }

    static func write(to path: String, megabytes: Int) -> Summary? {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            return nil
        }
        defer { try? handle.close() }
        var summary = Summary()
        let target = megabytes * 1_000_000
        let header = "ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*PTCLINIC       *240315*1200*^*00501*000000001*0*P*:~\n"
            + "GS*HP*ACMEPAYER*PTCLINIC*20240315*1200*1*X*005010X221A1~\n"
        handle.write(Data(header.utf8))
        summary.bytes += header.utf8.count
        while summary.bytes < target {
            summary.transactionSets += 1
            let text = transactionSet(number: summary.transactionSets, firstClaim: summary.claims, claims: 200)
            summary.claims += 200
            handle.write(Data(text.utf8))
            summary.bytes += text.utf8.count
        }
        let trailer = "GE*\(summary.transactionSets)*1~\nIEA*1*000000001~\n"
        handle.write(Data(trailer.utf8))
        summary.bytes += trailer.utf8.count
        return summary
    }

    private static func money(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func transactionSet(number: Int, firstClaim: Int, claims: Int) -> String {
        var body: [String] = []
        var paidTotal = 0
        body.append("TRN*1*EFT\(number)*1512345678")
        body.append("DTM*405*20240314")
        body.append("N1*PR*ACME HEALTH PLAN")
        body.append("N3*100 MAIN ST")
        body.append("N4*HARTFORD*CT*06101")
        body.append("PER*BL*EDI SUPPORT*TE*8005551212")
        body.append("N1*PE*PT CLINIC*XX*1234567893")
        body.append("REF*TJ*123456789")
        body.append("LX*1")
        for claim in firstClaim..<(firstClaim + claims) {
            var lines: [String] = []
            var charge = 0
            var paid = 0
            var patient = 0
            for line in 0..<3 {
                let lineCharge = 10_000 + ((claim * 7 + line * 13) % 400) * 100 + (claim + line) % 100
                let contractual = lineCharge / 5
                let coinsurance = 1_000
                let linePaid = lineCharge - contractual - coinsurance
                charge += lineCharge
                paid += linePaid
                patient += coinsurance
                lines.append("SVC*HC:9921\(line + 1):GP*\(money(lineCharge))*\(money(linePaid))**1")
                lines.append("DTM*472*20240110")
                lines.append("CAS*CO*45*\(money(contractual))")
                lines.append("CAS*PR*2*\(money(coinsurance))")
                lines.append("REF*6R*PCN\(claim)-\(line + 1)")
                lines.append("AMT*B6*\(money(lineCharge - contractual))")
                lines.append("LQ*HE*N130")
            }
            paidTotal += paid
            body.append("CLP*PCN\(claim)*1*\(money(charge))*\(money(paid))*\(money(patient))*12*ICN\(claim)*11*1")
            body.append("NM1*QC*1*PATIENT\(claim % 1000)*JANE****MI*M\(claim)")
            body.append("NM1*82*1*SMITH*ANNA****XX*1245319599")
            body.append("DTM*232*20240110")
            body.append("DTM*233*20240110")
            body.append(contentsOf: lines)
        }
        body.append("PLB*1234567893*20241231*WO:ICN1*12.34*L6*-1.00")
        let payment = paidTotal - 1_134
        let control = String(number).leftPadded(to: 4)
        var text = "ST*835*\(control)~\nBPR*I*\(money(payment))*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*20240315~\n"
        for segment in body { text += segment + "~\n" }
        text += "SE*\(body.count + 3)*\(control)~\n"
        return text
    }
}
