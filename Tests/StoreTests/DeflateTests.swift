import Foundation
import Testing
@testable import Store

/// `Deflate` sizes zlib's window to the input; every size must still read back exactly.
@Suite struct DeflateTests {
    /// Text with repeats (as article bundles have) and a pseudo-random tail that does not compress.
    static func sample(_ count: Int, seed: UInt64) -> [UInt8] {
        let words = Array("the quick brown fox 日本語 jumps over ümlaut <p>lazy</p> dogs ".utf8)
        var state = seed
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            if out.count % 3 == 0 {
                out.append(UInt8(truncatingIfNeeded: state >> 33))
            } else {
                out.append(words[Int(state >> 40) % words.count])
            }
        }
        return out
    }

    @Test(arguments: [0, 1, 250, 511, 512, 513, 3_000, 32_506, 32_768, 40_000, 300_000])
    func everySizeRoundTrips(count: Int) throws {
        for dictionary in [[], ArticleBundle.dictionary] {
            let input = Self.sample(count, seed: UInt64(count) + 1)
            let packed = try #require(input.withUnsafeBytes { Deflate.compress($0, level: 5, dictionary: dictionary) })
            let unpacked = packed.withUnsafeBytes { Deflate.decompress($0, size: input.count, dictionary: dictionary) }
            #expect(unpacked == input)
        }
    }

    @Test func windowCoversTheInputUpToZlibsLargest() {
        for (count, bits, memLevel) in [(0, 9, 2), (3_000, 12, 5), (40_000, 15, 8)] as [(Int, Int32, Int32)] {
            let chosen = Deflate.parameters(forBytes: count)
            #expect(chosen.windowBits == bits && chosen.memLevel == memLevel, "\(count) bytes: \(chosen)")
        }
        for count in [1, 700, 5_000, 20_000, 32_000] {
            let (bits, _) = Deflate.parameters(forBytes: count)
            #expect(1 << bits >= count + 262 || bits == 15)
        }
    }

    /// A text that repeats its first half: the second half must become back-references across
    /// the whole input, as with zlib's full window.
    @Test func backReferencesReachTheStartOfTheInput() throws {
        for half in [1_000, 6_000, 15_000] {
            let first = Self.sample(half, seed: 7)
            let input = first + first
            let packed = try #require(input.withUnsafeBytes { Deflate.compress($0, level: 5) })
            let once = try #require(first.withUnsafeBytes { Deflate.compress($0, level: 5) })
            #expect(packed.count < once.count + once.count / 10, "half \(half): \(packed.count) vs \(once.count)")
        }
    }
}
