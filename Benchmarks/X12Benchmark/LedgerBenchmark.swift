import Foundation
import X12Ledger

/// `X12Benchmark ledger [CLAIMS]`: writes an 837 of CLAIMS claims (default 100,000; two lines each, 5,000 claims
/// per transaction set) and an 835 paying every claim, then times recording each into a fresh ledger. Prints
/// seconds, claims per second, the database size and peak RSS.
func runLedgerBenchmark(_ arguments: [String]) {
    let claims = arguments.first.flatMap { Int($0) } ?? 100_000
    let directory = NSTemporaryDirectory() + "x12-ledger-bench-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let submitted = LedgerBenchmarkFiles.claims(claims)
    let remittance = LedgerBenchmarkFiles.remittance(claims)
    print(String(format: "837: %d claims, %.1f MB; 835: %.1f MB", claims, Double(submitted.count) / 1_000_000, Double(remittance.count) / 1_000_000))
    do {
        let ledger = try Ledger(path: directory + "/ledger.sqlite")
        var started = Date()
        let recorded = try ledger.recordSubmission(bytes: submitted, path: "bench.837")
        var seconds = Date().timeIntervalSince(started)
        print(String(format: "record 837: %d claims in %.2f s (%.0f claims/s)", recorded.claims, seconds, Double(recorded.claims) / seconds))
        started = Date()
        let paid = try ledger.importRemittance(bytes: remittance, path: "bench.835")
        seconds = Date().timeIntervalSince(started)
        print(String(format: "import 835: %d claims in %.2f s (%.0f claims/s), %d unmatched", paid.claims, seconds, Double(paid.claims) / seconds, paid.unmatched))
        started = Date()
        let summary = try ledger.summary()
        print(String(format: "summary over %d claims: %.2f s", summary.total.claims, Date().timeIntervalSince(started)))
    } catch {
        FileHandle.standardError.write(Data("ledger benchmark: \(error)\n".utf8))
        exit(1)
    }
    var size: UInt64 = 0
    for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
        size += ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name))?[.size] as? UInt64) ?? 0
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(String(format: "database: %.1f MB; peak RSS: %.0f MB", Double(size) / 1_000_000, Double(usage.ru_maxrss) / 1024))
}

/// The synthetic 837 and 835 of the ledger benchmark.
enum LedgerBenchmarkFiles {
    static let perSet = 5_000

    static func envelope(_ functionalId: String, _ version: String, _ sets: [[String]]) -> [UInt8] {
        var text = "ISA*00*          *00*          *ZZ*BENCHSENDER    *ZZ*BENCHRECEIVER  *240120*1030*^*00501*000000901*0*T*:~\n"
        text += "GS*\(functionalId)*BENCHSENDER*BENCHRECEIVER*20240120*1030*901*X*\(version)~\n"
        for (index, body) in sets.enumerated() {
            let number = String(format: "%04d", index + 1)
            text += "ST*\(functionalId == "HC" ? "837" : "835")*\(number)\(functionalId == "HC" ? "*" + version : "")~\n"
            for segment in body { text += segment + "~\n" }
            text += "SE*\(body.count + 2)*\(number)~\n"
        }
        text += "GE*\(sets.count)*901~\nIEA*1*000000901~\n"
        return Array(text.utf8)
    }

    static func claims(_ count: Int) -> [UInt8] {
        var sets: [[String]] = []
        var start = 0
        while start < count {
            var body = ["BHT*0019*00*BENCH*20240120*1030*CH", "NM1*41*2*BENCH CLINIC*****46*BENCH", "PER*IC*BILLING*TE*5035550142",
                        "NM1*40*2*BENCH RECEIVER*****46*BENCHRECEIVER", "HL*1**20*1", "NM1*85*2*BENCH CLINIC*****XX*1234567893",
                        "N3*1 MAIN ST", "N4*PORTLAND*OR*97201", "REF*EI*931234567"]
            for claim in start..<min(start + perSet, count) {
                let hl = claim - start + 2
                body += ["HL*\(hl)*1*22*0", "SBR*P*18*******MB", "NM1*IL*1*PATIENT*NUMBER\(claim)****MI*M\(claim)", "N3*2 MAIN ST",
                         "N4*PORTLAND*OR*97201", "DMG*D8*19600101*F", "NM1*PR*2*MEDICARE*****PI*02402",
                         "CLM*B\(claim)*150***11:B:1*Y*A*Y*Y", "HI*ABK:M5416",
                         "LX*1", "SV1*HC:97110:GP*90*UN*2***1", "DTP*472*D8*20240108", "REF*6R*B\(claim)-1",
                         "LX*2", "SV1*HC:97140:GP*60*UN*1***1", "DTP*472*D8*20240108", "REF*6R*B\(claim)-2"]
            }
            sets.append(body)
            start += perSet
        }
        return envelope("HC", "005010X222A1", sets)
    }

    static func remittance(_ count: Int) -> [UInt8] {
        var sets: [[String]] = []
        var start = 0
        while start < count {
            let end = min(start + perSet, count)
            var body = ["BPR*I*\((end - start) * 110)*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*20240215",
                        "TRN*1*EFT\(start)*1512345678", "N1*PR*MEDICARE", "N1*PE*BENCH CLINIC*XX*1234567893", "LX*1"]
            for claim in start..<end {
                body += ["CLP*B\(claim)*1*150*110*20*MB*ICN\(claim)*11*1",
                         "SVC*HC:97110:GP*90*70**2", "CAS*CO*45*10", "CAS*PR*2*10", "REF*6R*B\(claim)-1",
                         "SVC*HC:97140:GP*60*40**1", "CAS*CO*45*10", "CAS*PR*2*10", "REF*6R*B\(claim)-2"]
            }
            sets.append(body)
            start = end
        }
        return envelope("HP", "005010X221A1", sets)
    }
}
