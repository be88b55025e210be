import Foundation

/// Placeholder until the Generate benchmark lands.
func runGenerateBenchmark(_ arguments: [String]) {
    print("generate benchmark: not built yet")
}
