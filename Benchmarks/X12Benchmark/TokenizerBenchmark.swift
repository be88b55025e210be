import Foundation
import X12

/// `X12Benchmark tokenizer generate DIR SIZE_MB` writes synthetic 837P and 835 files of about SIZE_MB each;
/// `X12Benchmark tokenizer run FILE...` streams each file through `SegmentReader` and prints MB/s and peak RSS.
func runTokenizerBenchmark(_ arguments: [String]) {
    switch arguments.first {
    case "generate" where arguments.count == 3:
        let size = (Int(arguments[2]) ?? 100) << 20
        writeSynthetic(to: arguments[1] + "/bench.837", size: size, unit: claimUnit)
        writeSynthetic(to: arguments[1] + "/bench.835", size: size, unit: remittanceUnit)
    case "run":
        for path in arguments.dropFirst() { measureTokenizer(path) }
    default:
        print("usage: X12Benchmark tokenizer generate DIR SIZE_MB | run FILE...")
    }
}

private func measureTokenizer(_ path: String) {
    let only = ProcessInfo.processInfo.environment["X12_BENCH_API"]
    if only == nil || only == "next" { measureNext(path) }
    if only == nil || only == "forEachSegment" { measureForEach(path) }
    if only == nil || only == "envelope" { measureEnvelope(path) }
}

private func measureEnvelope(_ path: String) {
    measure(path, api: "EnvelopeReader") { reader in
        let envelopes = EnvelopeReader(reader)
        var segments = 0
        while let item = try envelopes.next() {
            if case .transactionSet(let set) = item { segments += set.segments.count }
        }
        return segments
    }
}

private func measureNext(_ path: String) {
    measure(path, api: "next()") { reader in
        var segments = 0
        var bytes = 0
        while let segment = try reader.next() {
            segments += 1
            bytes &+= segment.content.count
        }
        return segments
    }
}

private func measureForEach(_ path: String) {
    measure(path, api: "forEachSegment") { reader in
        var segments = 0
        var bytes = 0
        try reader.forEachSegment { segment in
            segments += 1
            bytes &+= segment.content.count
        }
        return segments
    }
}

private func measure(_ path: String, api: String, _ body: (SegmentReader) throws -> Int) {
    do {
        let start = DispatchTime.now().uptimeNanoseconds
        let reader = try SegmentReader(path: path)
        let segments = try body(reader)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let megabytes = Double(bytes) / 1_048_576
        print(String(format: "swift SegmentReader.%@ %@: %.0f MB in %.3f s = %.0f MB/s, %d segments, peak RSS %d MB",
                     api, (path as NSString).lastPathComponent, megabytes, seconds, megabytes / seconds, segments, peakResidentMegabytes()))
    } catch {
        print("tokenizer benchmark failed on \(path): \(error)")
    }
}

/// Peak resident set size of this process in MB.
func peakResidentMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

private func writeSynthetic(to path: String, size: Int, unit: (Int) -> String) {
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
        print("cannot write \(path)")
        return
    }
    defer { try? handle.close() }
    var written = 0
    var interchange = 0
    while written < size {
        interchange += 1
        var text = ""
        let header = "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240115*1430*^*00501*"
            + String(interchange).leftPadded(to: 9) + "*0*T*:~\n"
        text += header
        text += unit(interchange)
        text += "IEA*1*" + String(interchange).leftPadded(to: 9) + "~\n"
        let data = Data(text.utf8)
        handle.write(data)
        written += data.count
    }
}

/// One interchange of an 837P with 200 claims of 4 lines.
private func claimUnit(_ number: Int) -> String {
    var body = ["BHT*0019*00*B\(number)*20240115*1430*CH", "NM1*41*2*PT CLINIC*****46*S1", "PER*IC*BILLING*TE*5555551234",
                "NM1*40*2*CLEARINGHOUSE*****46*R1", "HL*1**20*1", "NM1*85*2*PT CLINIC*****XX*1234567893",
                "N3*100 MAIN STREET", "N4*SPRINGFIELD*IL*627011234", "REF*EI*123456789"]
    for claim in 1...200 {
        body += ["HL*\(claim + 1)*1*22*0", "SBR*P*18*******MB", "NM1*IL*1*DOE*JANE****MI*1EG4TE5MK72", "N3*12 ELM STREET",
                 "N4*SPRINGFIELD*IL*62701", "DMG*D8*19600101*F", "NM1*PR*2*MEDICARE B*****PI*12345",
                 "CLM*V\(number)-\(claim)*400***11:B:1*Y*A*Y*Y", "REF*G1*0000", "HI*ABK:M545*ABF:R262",
                 "NM1*DN*1*SMITH*JOHN****XX*1234567893"]
        for line in 1...4 {
            body += ["LX*\(line)", "SV1*HC:97110:GP:KX*100*UN*2***1:2", "DTP*472*D8*20240110", "REF*6R*V\(number)-\(claim)-\(line)"]
        }
    }
    return envelope(body, functionalId: "HC", id: "837", version: "005010X222A1")
}

/// One interchange of an 835 with 200 claim payments of 4 lines.
private func remittanceUnit(_ number: Int) -> String {
    var body = ["BPR*I*48000*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240120",
                "TRN*1*EFT\(number)*1512345678", "DTM*405*20240119", "N1*PR*MEDICARE B", "N3*PO BOX 1",
                "N4*SPRINGFIELD*IL*62701", "PER*BL*PROVIDER SERVICES*TE*8005551234", "N1*PE*PT CLINIC*XX*1234567893", "LX*1"]
    for claim in 1...200 {
        body += ["CLP*V\(number)-\(claim)*1*400*240*40*MB*ICN\(number)X\(claim)*11*1", "NM1*QC*1*DOE*JANE****MI*1EG4TE5MK72",
                 "DTM*232*20240110"]
        for line in 1...4 {
            body += ["SVC*HC:97110:GP:KX*100*60**2", "DTM*472*20240110", "CAS*CO*45*30", "CAS*PR*2*10",
                     "REF*6R*V\(number)-\(claim)-\(line)", "AMT*B6*70"]
        }
    }
    return envelope(body, functionalId: "HP", id: "835", version: "005010X221A1")
}

private func envelope(_ body: [String], functionalId: String, id: String, version: String) -> String {
    var lines = ["GS*\(functionalId)*SUBMITTER*RECEIVER*20240115*1430*1*X*\(version)", "ST*\(id)*0001*\(version)"] + body
    lines.append("SE*\(body.count + 2)*0001")
    lines.append("GE*1*1")
    return lines.map { $0 + "~\n" }.joined()
}
