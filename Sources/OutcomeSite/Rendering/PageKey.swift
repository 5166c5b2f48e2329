import Mustache
import OutcomeLedger

/// The key of a page: a hash of the data its template receives. A page is a function of
/// its template and its data, so a page whose key is the one recorded for the file already
/// in place (under the same theme and binary) need not be rendered again. Nothing has to
/// know which outcomes a page shows — parent, children, dependents, people, tags — since
/// all of it is in the data.
struct PageKey {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x6c62_272e_07bb_0142

    static func of(template: String, data: [String: Any]) -> UInt64 {
        var key = PageKey()
        key.add(template)
        key.add(data)
        return key.value
    }

    var value: UInt64 { first ^ (second &* 0x9E37_79B9_7F4A_7C15) }

    /// Mixes one 64-bit word into both lanes.
    private mutating func mix(_ word: UInt64) {
        first = (first ^ word) &* 0x0000_0100_0000_01B3
        first ^= first >> 32
        second = (second ^ word) &* 0x9E37_79B9_7F4A_7C15
        second ^= second >> 29
    }

    /// Text is hashed eight bytes at a time, then mixed in with its length.
    mutating func add(_ text: String) {
        var text = text
        let hash = text.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
        mix(1)
        mix(hash)
    }

    private mutating func add(number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    private mutating func add(byte: UInt8) {
        mix(UInt64(byte) | 0x100)
    }

    /// Every kind of value page data holds.
    mutating func add(_ value: Any) {
        switch ObjectIdentifier(type(of: value)) {
        case PageDataKind.text: add(value as! String)
        case PageDataKind.object: add(dictionary: value as! [String: Any])
        case PageDataKind.objects:
            let list = value as! [[String: Any]]
            add(byte: 6)
            add(number: list.count)
            for item in list { add(dictionary: item) }
        case PageDataKind.number: add(byte: 2); add(number: value as! Int)
        case PageDataKind.flag: add(byte: (value as! Bool) ? 3 : 4)
        case PageDataKind.shared: add(shared: value as! SharedData)
        case PageDataKind.shareds:
            let list = value as! [SharedData]
            add(byte: 6)
            add(number: list.count)
            for item in list { add(shared: item) }
        default: add(other: value)
        }
    }

    /// Shared data adds the key it was given when made: its contents were hashed then.
    private mutating func add(shared: SharedData) {
        add(byte: 9)
        mix(shared.key.first)
        mix(shared.key.second)
    }

    /// The sum of the keys of its pairs: a dictionary's order (which differs from run to
    /// run) does not matter, and nothing is sorted.
    private mutating func add(dictionary object: [String: Any]) {
        add(byte: 5)
        add(number: object.count)
        var first: UInt64 = 0
        var second: UInt64 = 0
        for (key, value) in object {
            var pair = PageKey()
            pair.add(key)
            pair.add(value)
            first &+= pair.first
            second &+= pair.second
        }
        mix(first)
        mix(second)
    }

    /// The rarer kinds of value. Anything unexpected is described with its type, so it
    /// changes the key rather than escaping it.
    private mutating func add(other value: Any) {
        switch value {
        case let text as String: add(text)
        case let object as [String: Any]: add(dictionary: object)
        case let number as Int: add(byte: 2); add(number: number)
        case let flag as Bool: add(byte: flag ? 3 : 4)
        case let deferred as DeferredHTML:
            add(byte: 7)
            deferred.addInputs(to: &self)
        case let list as [String]:
            add(byte: 6)
            add(number: list.count)
            for item in list { add(item) }
        case let lazy as LazyList:
            add(byte: 6)
            add(number: lazy.count)
            for item in lazy { add(item) }
        case let list as [Any]:
            add(byte: 6)
            add(number: list.count)
            for item in list { add(item) }
        default:
            add(byte: 8)
            add(String(reflecting: type(of: value)))
            add(String(describing: value))
        }
    }
}

/// HTML made from markdown only if a page is rendered: its key covers the inputs (the
/// markdown and what shapes its rendering), so unchanged pages never run cmark.
struct DeferredHTML: MustacheCustomRenderable, Sendable {
    let inputs: [String]
    let render: @Sendable () -> String

    var renderText: String { render() }
    var isNull: Bool { false }

    func addInputs(to key: inout PageKey) {
        for input in inputs { key.add(input) }
    }
}
