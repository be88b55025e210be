import Foundation

/// Every implementation guide found in a specs directory, looked up by transaction set id and version.
public struct SpecLibrary: Sendable {
    /// The guides, in file name order.
    public let specs: [ImplementationSpec]
    /// Where they were loaded from.
    public let directory: URL
    /// Control segment definitions by ISA12 version.
    public let envelopes: [String: EnvelopeSpec]

    /// Tells transaction specs from envelope specs before decoding the whole file.
    private struct Probe: Decodable {
        var envelope: String?
    }

    /// Loads every `*.json` in `directory` (codes.json holds the shared code lists).
    ///
    /// - Throws: ``SpecError`` naming the file that cannot be read or understood.
    public init(directory: URL) throws(SpecError) {
        self.directory = directory
        let fileManager = FileManager.default
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw SpecError(file: directory.path, message: "cannot list the specs directory: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var codeLists: [String: Set<String>] = [:]
        if names.contains("codes.json") {
            let url = directory.appendingPathComponent("codes.json")
            do {
                let file = try decoder.decode(CodeListFile.self, from: Data(contentsOf: url))
                codeLists = file.codeLists.mapValues(Set.init)
            } catch {
                throw SpecError(file: url.path, message: "cannot read code lists: \(error)")
            }
        }
        var specs: [ImplementationSpec] = []
        var envelopes: [String: EnvelopeSpec] = [:]
        for name in names where name != "codes.json" {
            let url = directory.appendingPathComponent(name)
            let file: SpecFile
            do {
                let data = try Data(contentsOf: url)
                if try decoder.decode(Probe.self, from: data).envelope != nil {
                    let envelope = try EnvelopeSpec(file: decoder.decode(EnvelopeSpec.File.self, from: data), codeLists: codeLists, fileName: url.path)
                    envelopes[envelope.version] = envelope
                    continue
                }
                file = try decoder.decode(SpecFile.self, from: data)
            } catch let error as SpecError {
                throw error
            } catch {
                throw SpecError(file: url.path, message: "not a spec file: \(error)")
            }
            do {
                specs.append(try ImplementationSpec(file: file, codeLists: codeLists))
            } catch {
                throw SpecError(file: url.path, message: error.message)
            }
        }
        self.envelopes = envelopes
        guard !specs.isEmpty else { throw SpecError(file: directory.path, message: "no spec files (*.json) in the specs directory") }
        self.specs = specs
    }

    /// The guide for transaction set `id` (`837`) and implementation reference `version` (`005010X222A1`).
    public func spec(transactionSet id: String, version: String) -> ImplementationSpec? {
        specs.first { $0.transactionSetId == id && $0.implementation == version }
    }

    /// `837 005010X222A1, 835 005010X221A1, ...` for messages.
    public var summary: String {
        specs.map { "\($0.transactionSetId) \($0.implementation)" }.joined(separator: ", ")
    }

    /// Finds the specs directory: `explicit` (an option), else `$X12_SPECS`, else `specs/` in the package root
    /// above the executable, else the first `specs/` found walking up from the current directory.
    public static func locate(explicit: String? = nil, executablePath: String = CommandLine.arguments.first ?? "") -> URL? {
        let fileManager = FileManager.default
        func isSpecs(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
                && fileManager.fileExists(atPath: url.appendingPathComponent("codes.json").path)
        }
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let environment = ProcessInfo.processInfo.environment["X12_SPECS"], !environment.isEmpty {
            return URL(fileURLWithPath: environment)
        }
        var starts: [URL] = []
        if !executablePath.isEmpty {
            starts.append(URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: fileManager.currentDirectoryPath))
        for start in starts {
            var directory = start
            while true {
                let candidate = directory.appendingPathComponent("specs")
                if isSpecs(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }
}
