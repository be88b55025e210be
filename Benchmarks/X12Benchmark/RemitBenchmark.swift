import Foundation

/// Placeholder until the Remit benchmark lands.
func runRemitBenchmark(_ arguments: [String]) {
    print("remit benchmark: not built yet")
}
