/// One filled CMS-1500 (02/12) page: the values of its items by NUCC item number, and up to six service lines.
///
/// A claim with more than six lines fills several pages; only the last carries the totals (items 28 and 29).
/// Item ids are those of ``CMS1500Layout`` (`1a`, `2`, `21A`, `24F`, `33a`, `5.city`...).
public struct CMS1500Page: Sendable, Hashable {
    /// CLM01.
    public var claimId: String
    /// 1-based page of the claim.
    public var pageNumber: Int
    /// Pages of the claim.
    public var pageCount: Int
    /// Values of the claim-level items, by item id.
    public var values: [String: String]
    /// The page's service lines (at most six), each a map from item id (`24A`...`24J`) to value.
    public var lines: [[String: String]]

    /// Creates a page.
    public init(claimId: String, pageNumber: Int, pageCount: Int, values: [String: String], lines: [[String: String]]) {
        self.claimId = claimId
        self.pageNumber = pageNumber
        self.pageCount = pageCount
        self.values = values
        self.lines = lines
    }

    /// The most service lines one form holds.
    public static let linesPerPage = 6
}
