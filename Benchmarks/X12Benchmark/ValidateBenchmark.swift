import Foundation

/// Placeholder until the Validate benchmark lands.
func runValidateBenchmark(_ arguments: [String]) {
    print("validate benchmark: not built yet")
}
