import Testing
import OutcomeLedger
@testable import OutcomeSite

/// A page is skipped when its key is unchanged, so every difference in its data must
/// change the key, and nothing else may.
@Suite struct PageKeyTests {
    static var data: [String: Any] { [
        "root": "../../",
        "outcome": [
            "title": "Grow artists", "missing": false, "done": ["checked": 1, "total": 3] as [String: Any],
            "children": [["id": "a", "title": "A"], ["id": "b", "title": "B"]] as [[String: Any]],
            "body_html": DeferredHTML(inputs: ["## How\nAsk them.", "Grow artists"]) { "<h2>How</h2>" },
        ] as [String: Any],
    ] }

    private func key(_ data: [String: Any], template: String = "outcome") -> UInt64 {
        PageKey.of(template: template, data: data)
    }

    @Test func sameDataSameKeyWhateverTheDictionaryOrder() {
        let reordered: [String: Any] = ["outcome": Self.data["outcome"]!, "root": "../../"]
        #expect(key(Self.data) == key(Self.data))
        #expect(key(Self.data) == key(reordered))
    }

    @Test func anyNestedChangeChangesTheKey() {
        func changed(_ edit: (inout [String: Any]) -> Void) -> UInt64 {
            var outcome = Self.data["outcome"] as! [String: Any]
            edit(&outcome)
            var data = Self.data
            data["outcome"] = outcome
            return key(data)
        }
        let original = key(Self.data)
        #expect(changed { $0["title"] = "Grow artist" } != original)
        #expect(changed { $0["missing"] = true } != original)
        #expect(changed { $0["done"] = ["checked": 2, "total": 3] as [String: Any] } != original)
        #expect(changed { $0["children"] = [["id": "b", "title": "B"], ["id": "a", "title": "A"]] as [[String: Any]] } != original)
        #expect(changed { $0["children"] = [["id": "a", "title": "A"]] as [[String: Any]] } != original)
        #expect(changed { $0["body_html"] = DeferredHTML(inputs: ["## How\nAsk them!", "Grow artists"]) { "" } } != original)
        #expect(changed { $0["extra"] = false } != original)
        #expect(key(Self.data, template: "person") != original)
    }

    @Test func valuesOfDifferentKindsDoNotCollide() {
        #expect(key(["a": 1]) != key(["a": "1"]))
        #expect(key(["a": true]) != key(["a": 1]))
        #expect(key(["a": ["b"]]) != key(["a": "b"]))
        #expect(key(["a": "", "b": "x"]) != key(["a": "x", "b": ""]))
    }
}

extension PageKeyTests {
    /// Values reach the key through a fast path by their exact type and a slow path for
    /// everything else: the same content must give the same key either way.
    @Test func theSameContentKeysTheSameWhateverItsStaticType() {
        let strings: [String] = ["a", "b"]
        #expect(key(["x": strings]) == key(["x": strings as [Any]]))
        let rows: [[String: Any]] = [["id": "a"], ["id": "b"]]
        #expect(key(["x": rows]) == key(["x": rows as [Any]]))
        let optional: String? = "a"
        #expect(key(["x": optional as Any]) == key(["x": "a"]))
        #expect(key(["x": LazyList(count: 2) { ["id": ["a", "b"][$0]] }]) == key(["x": rows]))
    }
}

/// The fused two-seed hash gives, in each lane, what the hash's definition gives for that
/// seed, for every length around the eight-byte steps.
struct ContentHashTests {
    /// The hash as defined: eight bytes at a time, then the tail, one chain.
    static func reference(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = seed ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            var word: UInt64 = 0
            for index in 0..<8 { word |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        for (index, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(index)) }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
    }

    @Test func eachLaneIsTheHashOfItsSeed() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...bytes.count {
            let slice = Array(bytes[..<length])
            slice.withUnsafeBytes { raw in
                let (first, second) = ContentHash.pair(of: raw, seeds: 1, 0x5851_F42D_4C95_7F2D)
                #expect(first == Self.reference(slice, seed: 1), "\(length)")
                #expect(second == Self.reference(slice, seed: 0x5851_F42D_4C95_7F2D), "\(length)")
                #expect(ContentHash.of(raw, seed: 7) == Self.reference(slice, seed: 7), "\(length)")
            }
        }
    }
}
