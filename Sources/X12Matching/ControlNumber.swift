/// How lookups compare envelope control numbers.
enum ControlNumber {
    /// Control numbers match as written, or as numbers (`000000001` = `1`).
    static func same(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        guard let a = Int(left), let b = Int(right) else { return false }
        return a == b
    }
}
