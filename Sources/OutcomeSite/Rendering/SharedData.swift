import Mustache
import OutcomeLedger

/// Page data that many pages show — an outcome's summary is on its own page, its parent's,
/// its dependents', its people's and its tags' — made once with its key computed once, so
/// a page that lists it adds one key to its own instead of hashing all of it again.
///
/// Templates see it as the dictionary it holds: swift-mustache through
/// `MustacheCustomRepresentation`, the default theme's renderer directly.
final class SharedData: MustacheCustomRepresentation, @unchecked Sendable {
    /// Never changed once made; holds only what page data holds.
    let fields: [String: Any]

    init(_ fields: [String: Any]) {
        self.fields = fields
    }

    /// The key of the fields, made the first time a page's key needs it (`serve` renders
    /// pages without keys, and never pays for it).
    var key: PageKey {
        madeKey.value {
            var key = PageKey()
            key.add(fields)
            return key
        }
    }
    private let madeKey = Memo<PageKey>()

    var representation: Any? { fields }
}
