@testable import Conformance
import ConformanceModel
import Testing

/// The scanner's allocation-free name check (`SecretNames.isSecret(bytes:)`) against the
/// definition over `String`s (`normalize`, then `isSecret(normalized:)`): every listed name
/// and ending in many spellings, and seeded random names built from their pieces.
@Suite struct SecretNamesTests {
    static func definition(_ name: String) -> Bool {
        SecretNames.isSecret(normalized: SecretNames.normalize(name))
    }

    @Test func theByteCheckAgreesWithTheDefinition() {
        var names: [String] = ["", "id", "name", "x", "token", "Token", "clientToken", "X-Client-Token", "next_token", "user[password]", "é-token",
                               String(repeating: "a", count: 63) + "token", String(repeating: "a", count: 59) + "token", String(repeating: "-", count: 200) + "sk"]
        let pieces = Array(SecretNames.exact) + SecretNames.suffixes + Array(SecretNames.notSecret) + ["db", "user", "x", "client", "admin", "status", "é"]
        for piece in pieces {
            names += [piece, piece.uppercased(), "x-" + piece, piece + "_id", "my_" + piece, piece.replacingOccurrences(of: "e", with: "-e.")]
        }
        var random = SplitMix64(seed: 16)
        for _ in 0..<5000 {
            let count = Int.random(in: 1...3, using: &random)
            let separators = ["", "-", "_", ".", " "]
            names.append((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined(separator: separators.randomElement(using: &random)!))
        }
        for name in names {
            #expect(SecretNames.isSecret(bytes: Array(name.utf8)) == Self.definition(name), "\(name)")
            #expect(SecretNames.isSecret(name) == Self.definition(name), "\(name)")
        }
        // Not vacuous: both answers occur.
        #expect(names.contains(where: Self.definition) && names.contains { !Self.definition($0) })
    }
}
