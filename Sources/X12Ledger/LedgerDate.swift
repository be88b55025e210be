import Foundation
import X12Claims

/// Date text as the ledger stores it: days as `YYYY-MM-DD`, instants as ISO 8601 UTC; all in UTC.
enum LedgerDate {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        return calendar
    }

    static func timestamp(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    static func day(_ date: Date) -> String {
        String(timestamp(date).prefix(10))
    }

    /// `20240120` (CCYYMMDD) to `2024-01-20`; other text is returned as is.
    static func day(x12 text: String) -> String {
        guard text.count == 8, text.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return text }
        let digits = Array(text)
        return String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8])
    }

    /// Whole days from `YYYY-MM-DD` to the day of `date`; `nil` when the text is not a day.
    static func days(from day: String, to date: Date) -> Int? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return nil
        }
        let end = calendar.startOfDay(for: date)
        return calendar.dateComponents([.day], from: start, to: end).day
    }
}

extension Decimal {
    /// The decimal as ledger text (`135.5`, `-90`), independent of locale.
    var ledgerText: String { "\(self)" }

    /// Parses ledger text; malformed text (never written by the ledger) reads as zero.
    init(ledgerText text: String) {
        self = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }
}

extension LedgerDate {
    /// BHT04/BHT05 for `date`: CCYYMMDD as a `CalendarDate` and HHMM.
    static func x12Stamp(_ date: Date) -> (date: CalendarDate?, time: String) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        return (day, String(format: "%02d%02d", parts.hour ?? 0, parts.minute ?? 0))
    }
}
