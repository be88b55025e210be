import Foundation

func runTokenizerBenchmark(_ arguments: [String]) {
    print("tokenizer benchmark: not built yet")
}
