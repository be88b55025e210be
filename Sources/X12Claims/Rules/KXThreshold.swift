import Foundation

/// K1: the Medicare KX modifier threshold for outpatient therapy, by calendar year.
///
/// Above this amount of physical therapy and speech-language pathology services combined in a year (a separate,
/// equal amount applies to occupational therapy), Medicare pays therapy lines only with the KX modifier, which
/// attests that the services are medically necessary and documented. CMS publishes the amount each year in the
/// Physician Fee Schedule final rule; add the new year here when it is published.
public enum KXThreshold {
    /// Year → threshold in dollars (PT and SLP combined).
    public static let amounts: [Int: Decimal] = [
        2018: 2010, 2019: 2040, 2020: 2080, 2021: 2110, 2022: 2150, 2023: 2230, 2024: 2330, 2025: 2410,
    ]

    /// The threshold of `year`, or nil when the table does not know it.
    public static func amount(for year: Int) -> Decimal? { amounts[year] }
}
