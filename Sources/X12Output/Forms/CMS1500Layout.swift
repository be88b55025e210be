/// Where each CMS-1500 (02/12) item sits on the letter-size page, on the form's print grid of 10 characters
/// and 6 lines an inch: the drawn boxes (``cells``, with their printed captions) and the value positions
/// (``slots``, one per item id). `--values-only` prints the slots alone, for pre-printed red forms.
///
/// Positions follow the grid the form is designed on; check them once against the pre-printed stock of the
/// printer in use (printers differ by a character or so).
public enum CMS1500Layout {
    /// Left edge of column 1, in inches.
    public static let leftMargin = 0.2
    /// Top edge of row 1, in inches.
    public static let topMargin = 0.25
    /// Width of a column (10 characters an inch).
    public static let columnWidth = 0.1
    /// Height of a row (6 lines an inch).
    public static let rowHeight = 1.0 / 6.0
    /// Rows of the first service line's unshaded (value) row; each line takes two rows.
    public static let firstLineRow = 43

    /// A printed box with its caption; columns and rows are 1-based.
    public struct Cell: Sendable {
        /// The caption printed in the box's top left corner.
        public let caption: String
        /// First column.
        public let column: Int
        /// First row.
        public let row: Int
        /// Width in columns.
        public let width: Int
        /// Height in rows.
        public let height: Int
    }

    /// What a value slot prints.
    public enum Kind: Sendable {
        /// Text, left aligned.
        case text
        /// An amount: dollars right aligned up to the cents line, then the cents.
        case money
        /// Check boxes: an `X` at the column of the chosen value.
        case check([(value: String, column: Int)])
    }

    /// Where an item's value is printed.
    public struct Slot: Sendable {
        /// The item id (`1a`, `24F`, `5.city`).
        public let item: String
        /// First column.
        public let column: Int
        /// Row (for line items, the row within the line: 0).
        public let row: Int
        /// Width in columns.
        public let width: Int
        /// How the value is printed.
        public let kind: Kind
    }

    static func cell(_ caption: String, _ column: Int, _ row: Int, _ width: Int, _ height: Int) -> Cell {
        Cell(caption: caption, column: column, row: row, width: width, height: height)
    }

    static func slot(_ item: String, _ column: Int, _ row: Int, _ width: Int, _ kind: Kind = .text) -> Slot {
        Slot(item: item, column: column, row: row, width: width, kind: kind)
    }

    /// The drawn boxes of the form.
    public static let cells: [Cell] = [
        cell("", 41, 1, 41, 4),
        cell("1. MEDICARE  MEDICAID  TRICARE  CHAMPVA  GROUP HEALTH PLAN  FECA BLK LUNG  OTHER", 1, 7, 49, 2),
        cell("1a. INSURED'S I.D. NUMBER", 50, 7, 32, 2),
        cell("2. PATIENT'S NAME (Last Name, First Name, Middle Initial)", 1, 9, 29, 2),
        cell("3. PATIENT'S BIRTH DATE   SEX", 30, 9, 20, 2),
        cell("4. INSURED'S NAME (Last Name, First Name, Middle Initial)", 50, 9, 32, 2),
        cell("5. PATIENT'S ADDRESS (No., Street)", 1, 11, 29, 2),
        cell("6. PATIENT RELATIONSHIP TO INSURED", 30, 11, 20, 2),
        cell("7. INSURED'S ADDRESS (No., Street)", 50, 11, 32, 2),
        cell("CITY", 1, 13, 24, 2), cell("STATE", 25, 13, 5, 2),
        cell("8. RESERVED FOR NUCC USE", 30, 13, 20, 4),
        cell("CITY", 50, 13, 24, 2), cell("STATE", 74, 13, 8, 2),
        cell("ZIP CODE", 1, 15, 13, 2), cell("TELEPHONE (Include Area Code)", 14, 15, 16, 2),
        cell("ZIP CODE", 50, 15, 13, 2), cell("TELEPHONE (Include Area Code)", 63, 15, 19, 2),
        cell("9. OTHER INSURED'S NAME", 1, 17, 29, 2),
        cell("10. IS PATIENT'S CONDITION RELATED TO:", 30, 17, 20, 2),
        cell("11. INSURED'S POLICY GROUP OR FECA NUMBER", 50, 17, 32, 2),
        cell("a. OTHER INSURED'S POLICY OR GROUP NUMBER", 1, 19, 29, 2),
        cell("a. EMPLOYMENT? (Current or Previous)  YES  NO", 30, 19, 20, 2),
        cell("a. INSURED'S DATE OF BIRTH   SEX", 50, 19, 32, 2),
        cell("b. RESERVED FOR NUCC USE", 1, 21, 29, 2),
        cell("b. AUTO ACCIDENT?  YES  NO  PLACE (State)", 30, 21, 20, 2),
        cell("b. OTHER CLAIM ID (Designated by NUCC)", 50, 21, 32, 2),
        cell("c. RESERVED FOR NUCC USE", 1, 23, 29, 2),
        cell("c. OTHER ACCIDENT?  YES  NO", 30, 23, 20, 2),
        cell("c. INSURANCE PLAN NAME OR PROGRAM NAME", 50, 23, 32, 2),
        cell("d. INSURANCE PLAN NAME OR PROGRAM NAME", 1, 25, 29, 2),
        cell("10d. CLAIM CODES (Designated by NUCC)", 30, 25, 20, 2),
        cell("d. IS THERE ANOTHER HEALTH BENEFIT PLAN?  YES  NO", 50, 25, 32, 2),
        cell("12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE", 1, 27, 49, 3),
        cell("13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", 50, 27, 32, 3),
        cell("14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)   QUAL.", 1, 30, 29, 2),
        cell("15. OTHER DATE   QUAL.", 30, 30, 20, 2),
        cell("16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION", 50, 30, 32, 2),
        cell("17. NAME OF REFERRING PROVIDER OR OTHER SOURCE", 1, 32, 29, 2),
        cell("17a.                17b. NPI", 30, 32, 20, 2),
        cell("18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES", 50, 32, 32, 2),
        cell("19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)", 1, 34, 49, 2),
        cell("20. OUTSIDE LAB?   $ CHARGES", 50, 34, 32, 2),
        cell("21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service line below (24E)   ICD Ind.", 1, 36, 49, 4),
        cell("22. RESUBMISSION CODE   ORIGINAL REF. NO.", 50, 36, 32, 2),
        cell("23. PRIOR AUTHORIZATION NUMBER", 50, 38, 32, 2),
        cell("24. A. DATE(S) OF SERVICE From / To", 1, 40, 18, 2), cell("B. PLACE OF SERVICE", 19, 40, 3, 2),
        cell("C. EMG", 22, 40, 3, 2), cell("D. PROCEDURES, SERVICES, OR SUPPLIES  CPT/HCPCS  MODIFIER", 25, 40, 20, 2),
        cell("E. DIAGNOSIS POINTER", 45, 40, 5, 2), cell("F. $ CHARGES", 50, 40, 9, 2),
        cell("G. DAYS OR UNITS", 59, 40, 4, 2), cell("H. EPSDT", 63, 40, 3, 2), cell("I. ID QUAL.", 66, 40, 3, 2),
        cell("J. RENDERING PROVIDER ID. #", 69, 40, 13, 2),
        cell("25. FEDERAL TAX I.D. NUMBER   SSN EIN", 1, 54, 22, 2),
        cell("26. PATIENT'S ACCOUNT NO.", 23, 54, 15, 2),
        cell("27. ACCEPT ASSIGNMENT?  YES  NO", 38, 54, 12, 2),
        cell("28. TOTAL CHARGE", 50, 54, 11, 2), cell("29. AMOUNT PAID", 61, 54, 11, 2),
        cell("30. Rsvd for NUCC Use", 72, 54, 10, 2),
        cell("31. SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS", 1, 56, 22, 6),
        cell("32. SERVICE FACILITY LOCATION INFORMATION", 23, 56, 27, 4),
        cell("33. BILLING PROVIDER INFO & PH #", 50, 56, 32, 4),
        cell("a.", 23, 60, 13, 2), cell("b.", 36, 60, 14, 2),
        cell("a.", 50, 60, 13, 2), cell("b.", 63, 60, 19, 2),
    ] + (0..<CMS1500Page.linesPerPage).map { cell(String($0 + 1), 1, 42 + 2 * $0, 81, 2) }

    /// The value positions of the claim-level items.
    public static let slots: [Slot] = [
        slot("carrier", 42, 1, 40), slot("carrier.street", 42, 2, 40), slot("carrier.city", 42, 3, 40),
        slot("1", 1, 8, 49, .check([("MEDICARE", 2), ("MEDICAID", 9), ("TRICARE", 16), ("CHAMPVA", 24), ("GROUP", 31),
                                    ("FECA", 39), ("OTHER", 45)])),
        slot("1a", 51, 8, 31),
        slot("2", 2, 10, 28),
        slot("3", 31, 10, 11),
        slot("3.sex", 30, 10, 20, .check([("M", 43), ("F", 47)])),
        slot("4", 51, 10, 31),
        slot("5", 2, 12, 28),
        slot("6", 30, 12, 20, .check([("SELF", 32), ("SPOUSE", 37), ("CHILD", 41), ("OTHER", 46)])),
        slot("7", 51, 12, 31),
        slot("5.city", 2, 14, 23), slot("5.state", 26, 14, 4),
        slot("7.city", 51, 14, 23), slot("7.state", 75, 14, 7),
        slot("5.zip", 2, 16, 12), slot("7.zip", 51, 16, 12),
        slot("11", 51, 18, 31),
        slot("11a", 53, 20, 11),
        slot("11a.sex", 50, 20, 32, .check([("M", 70), ("F", 76)])),
        slot("14", 3, 31, 10), slot("14.qual", 15, 31, 4),
        slot("17.qual", 2, 33, 3), slot("17", 5, 33, 25), slot("17b", 34, 33, 16),
        slot("21.ind", 44, 36, 3),
        slot("21A", 3, 37, 11), slot("21B", 15, 37, 11), slot("21C", 27, 37, 11), slot("21D", 39, 37, 11),
        slot("21E", 3, 38, 11), slot("21F", 15, 38, 11), slot("21G", 27, 38, 11), slot("21H", 39, 38, 11),
        slot("21I", 3, 39, 11), slot("21J", 15, 39, 11), slot("21K", 27, 39, 11), slot("21L", 39, 39, 11),
        slot("22", 51, 37, 10), slot("22.original", 62, 37, 20),
        slot("23", 51, 39, 31),
        slot("25", 2, 55, 15),
        slot("26", 24, 55, 14),
        slot("28", 51, 55, 10, .money), slot("29", 62, 55, 10, .money),
        slot("32", 24, 57, 26), slot("32.street", 24, 58, 26), slot("32.city", 24, 59, 26),
        slot("33", 51, 57, 31), slot("33.street", 51, 58, 31), slot("33.city", 51, 59, 31),
        slot("32a", 24, 61, 12),
        slot("33a", 51, 61, 12), slot("33b", 64, 61, 18),
    ]

    /// The check boxes drawn for the ``Kind/check(_:)`` slots: each choice's column and row, with its caption.
    public static var checkBoxes: [(caption: String, column: Int, row: Int)] {
        slots.flatMap { slot -> [(caption: String, column: Int, row: Int)] in
            guard case .check(let choices) = slot.kind else { return [] }
            return choices.map { (caption: $0.value, column: $0.column, row: slot.row) }
        }
    }

    /// The value positions of a service line's items, on the line's unshaded row.
    public static let lineSlots: [Slot] = [
        slot("24A", 1, 0, 8), slot("24A.to", 10, 0, 8), slot("24B", 19, 0, 3),
        slot("24D", 25, 0, 7), slot("24D.modifiers", 32, 0, 13), slot("24E", 45, 0, 5), slot("24F", 50, 0, 9, .money),
        slot("24G", 60, 0, 3), slot("24J", 69, 0, 13),
    ]
}
