import Foundation

// Usage: X12Benchmark <name> [arguments]. Each benchmark lives in its own file and prints its numbers.
let arguments = Array(CommandLine.arguments.dropFirst())
let name = arguments.first ?? ""
let rest = Array(arguments.dropFirst())
switch name {
case "tokenizer": runTokenizerBenchmark(rest)
case "generate": runGenerateBenchmark(rest)
case "remit": runRemitBenchmark(rest)
case "validate": runValidateBenchmark(rest)
case "ledger": runLedgerBenchmark(rest)
case "batch-decode": runBatchDecodeBenchmark(rest)
default:
    FileHandle.standardError.write(Data("usage: X12Benchmark tokenizer|generate|remit|validate|ledger|batch-decode [args]\n".utf8))
    exit(2)
}
