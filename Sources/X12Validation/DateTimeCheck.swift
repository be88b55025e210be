/// Calendar checks for X12 dates (CCYYMMDD, YYMMDD) and times (HHMM, HHMMSS, HHMMSSD, HHMMSSDD).
enum DateTimeCheck {
    static func isValidDate<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        guard bytes.count == 8 || bytes.count == 6, let value = number(bytes) else { return false }
        var year = bytes.count == 8 ? value / 10000 : value / 10000 + 2000
        if bytes.count == 6 && year >= 2050 { year -= 100 }
        let month = value / 100 % 100
        let day = value % 100
        guard year >= 1800, (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        switch month {
        case 2: return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    static func isValidTime<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        guard bytes.count == 4 || (bytes.count >= 6 && bytes.count <= 8), number(bytes) != nil else { return false }
        let start = bytes.startIndex
        guard let hours = number(bytes[start..<start + 2]), let minutes = number(bytes[start + 2..<start + 4]) else { return false }
        guard hours < 24, minutes < 60 else { return false }
        if bytes.count >= 6, let seconds = number(bytes[start + 4..<start + 6]), seconds >= 60 { return false }
        return true
    }

    /// Checks a value against a date-time format qualifier (`D8`, `RD8`, `D6`, `DT`, `TM`).
    static func matches<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, format: String) -> Bool where Bytes.Index == Int {
        switch format {
        case "D8": return bytes.count == 8 && isValidDate(bytes)
        case "D6": return bytes.count == 6 && isValidDate(bytes)
        case "RD8":
            guard let dash = bytes.firstIndex(of: UInt8(ascii: "-")) else { return false }
            let from = bytes[bytes.startIndex..<dash]
            let to = bytes[(dash + 1)...]
            return from.count == 8 && to.count == 8 && isValidDate(from) && isValidDate(to)
        case "DT":
            guard bytes.count == 12 else { return false }
            return isValidDate(bytes.prefix(8)) && isValidTime(bytes.suffix(4))
        case "TM": return isValidTime(bytes)
        default: return true
        }
    }

    /// ``matches(_:format:)`` with the qualifier given as bytes (`D8`), as read from the segment.
    static func matches<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, format: some Collection<UInt8>) -> Bool
        where Bytes.Index == Int {
        if format.elementsEqual("D8".utf8) { return matches(bytes, format: "D8") }
        if format.elementsEqual("D6".utf8) { return matches(bytes, format: "D6") }
        if format.elementsEqual("RD8".utf8) { return matches(bytes, format: "RD8") }
        if format.elementsEqual("DT".utf8) { return matches(bytes, format: "DT") }
        if format.elementsEqual("TM".utf8) { return matches(bytes, format: "TM") }
        return true
    }

    private static func number(_ bytes: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
