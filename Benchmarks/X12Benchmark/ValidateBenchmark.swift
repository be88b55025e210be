import Foundation
import X12
import X12Validation

/// `X12Benchmark validate [MB]`: validates a generated 837P of about MB megabytes (default 100) against
/// the bundled specs and prints throughput (wall and CPU) and peak memory. `X12Benchmark validate --write PATH MB` only
/// writes the file; `X12Benchmark validate --file PATH` validates an existing file
/// (Benchmarks/validate-vs-pyx12.sh uses both to compare with pyx12 on the same content).
func runValidateBenchmark(_ arguments: [String]) {
    if arguments.first == "--write", arguments.count >= 3, let megabytes = Double(arguments[2]) {
        do {
            try writeBenchmarkClaims(to: arguments[1], megabytes: megabytes)
        } catch {
            FileHandle.standardError.write(Data("cannot write \(arguments[1]): \(error)\n".utf8))
            exit(2)
        }
        return
    }
    let existing = arguments.first == "--file" && arguments.count >= 2 ? arguments[1] : nil
    let megabytes = arguments.first.flatMap(Double.init) ?? 100
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("x12-validate-bench-\(getpid())")
    let path = existing ?? directory.appendingPathComponent("claims.837").path
    do {
        if existing == nil {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try writeBenchmarkClaims(to: path, megabytes: megabytes)
        }
        defer { if existing == nil { try? FileManager.default.removeItem(at: directory) } }
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        let loadStart = Date()
        let validator = try Validator()
        let loadTime = Date().timeIntervalSince(loadStart)
        let cpuStart = cpuSeconds()
        let start = Date()
        let report = validator.validate(path: path)
        let seconds = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - cpuStart
        var usage = rusage()
        getrusage(0, &usage) // 0 = RUSAGE_SELF
        let mb = size / 1_000_000
        print(String(format: "validate: %.1f MB, %d transaction sets, %d findings; wall %.2f s = %.1f MB/s, CPU %.2f s = %.1f MB/s (specs loaded in %.3f s); peak RSS %.1f MB",
                     mb, report.transactionSets.count, report.findings.count, seconds, mb / seconds, cpu, mb / cpu, loadTime,
                     Double(usage.ru_maxrss) / 1024))
    } catch {
        FileHandle.standardError.write(Data("validate benchmark failed: \(error)\n".utf8))
        exit(1)
    }
}

/// User + system CPU time of this process so far (wall time is unreliable on a shared machine).
private func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(0, &usage) // 0 = RUSAGE_SELF
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Writes valid 837P claims (two service lines each, 1000 claims per transaction set) until the file
/// reaches `megabytes`, streaming so the benchmark's peak memory is the validator's.
private func writeBenchmarkClaims(to path: String, megabytes: Double) throws {
    let target = Int(megabytes * 1_000_000)
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
        throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot create \(path)")
    }
    defer { try? handle.close() }
    var text = "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240115*1430*^*00501*000000001*0*P*:~\n"
        + "GS*HC*SUBMITTER*RECEIVER*20240115*1430*1*X*005010X222A1~\n"
    var written = 0
    var claim = 0
    var sets = 0
    while written + text.utf8.count < target {
        sets += 1
        let control = String(sets).leftPadded(to: 4)
        var segments = [
            "ST*837*\(control)*005010X222A1", "BHT*0019*00*BATCH\(sets)*20240115*1430*CH",
            "NM1*41*2*ACME THERAPY*****46*SUB123", "PER*IC*JANE*TE*5551234567", "NM1*40*2*PAYER CLEARINGHOUSE*****46*RCV456",
            "HL*1**20*1", "NM1*85*2*ACME THERAPY*****XX*1234567893", "N3*100 MAIN ST", "N4*SPRINGFIELD*IL*627011234", "REF*EI*123456789",
        ]
        for subscriber in 0..<1000 {
            claim += 1
            segments += [
                "HL*\(subscriber + 2)*1*22*0", "SBR*P*18*******MB", "NM1*IL*1*DOE*JOHN****MI*MBI\(claim)", "N3*1 ELM ST",
                "N4*SPRINGFIELD*IL*62701", "DMG*D8*19500101*M", "NM1*PR*2*MEDICARE*****PI*12345", "CLM*PCN\(claim)*220***11:B:1*Y*A*Y*Y",
                "HI*ABK:M5416", "LX*1", "SV1*HC:97110:GP*120*UN*4***1", "DTP*472*D8*20240110", "LX*2", "SV1*HC:97140:GP*100*UN*2***1",
                "DTP*472*D8*20240110",
            ]
        }
        segments.append("SE*\(segments.count + 1)*\(control)")
        text += segments.joined(separator: "~\n") + "~\n"
        handle.write(Data(text.utf8))
        written += text.utf8.count
        text = ""
    }
    text += "GE*\(sets)*1~\nIEA*1*000000001~\n"
    handle.write(Data(text.utf8))
}
