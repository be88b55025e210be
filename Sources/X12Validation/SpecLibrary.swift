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

    /// `Specs/` in this module's resource bundle: the guides the toolkit ships (837P, 835, 999, 277CA and the
    /// 00501 envelope), or `nil` when the bundle lacks them.
    ///
    /// The folder is found through `Bundle.module`, so it works for any package that depends on `X12Validation`,
    /// whatever the working directory or the executable's location.
    public static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "Specs", withExtension: nil)
    }

    /// Loads the guides bundled with this module (see ``bundledDirectory``).
    ///
    /// - Throws: ``SpecError`` when the bundle has no `Specs` folder or a bundled file cannot be read.
    public static func bundled() throws(SpecError) -> SpecLibrary {
        guard let directory = bundledDirectory else {
            throw SpecError(file: "Specs", message: "the X12Validation resource bundle has no Specs folder")
        }
        return try SpecLibrary(directory: directory)
    }
}
