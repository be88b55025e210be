/// The 835 segment ids the remittance parser acts on, each packed from its two or three ASCII bytes
/// (`CLP` → `0x43_4C_50`) so that a segment is dispatched without building a `String`.
enum RemittanceSegmentId: UInt32 {
    case amt = 0x41_4D_54
    case bpr = 0x42_50_52
    case cas = 0x43_41_53
    case clp = 0x43_4C_50
    case dtm = 0x44_54_4D
    case lq = 0x4C_51
    case lx = 0x4C_58
    case mia = 0x4D_49_41
    case moa = 0x4D_4F_41
    case n1 = 0x4E_31
    case n3 = 0x4E_33
    case n4 = 0x4E_34
    case nm1 = 0x4E_4D_31
    case per = 0x50_45_52
    case plb = 0x50_4C_42
    case qty = 0x51_54_59
    case ref = 0x52_45_46
    case svc = 0x53_56_43
    case trn = 0x54_52_4E
    case ts2 = 0x54_53_32
    case ts3 = 0x54_53_33

    /// Claim and service-line segments, which may only appear inside a claim payment loop.
    var belongsToClaim: Bool {
        switch self {
        case .svc, .cas, .nm1, .mia, .moa, .lq: return true
        default: return false
        }
    }
}
