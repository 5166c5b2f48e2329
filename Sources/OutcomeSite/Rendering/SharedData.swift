import Mustache

/// Page data that many pages show — an outcome's summary is on its own page, its parent's,
/// its dependents', its people's and its tags' — made once with its key computed once, so
/// a page that lists it adds one key to its own instead of hashing all of it again.
///
/// Templates see it as the dictionary it holds: swift-mustache through
/// `MustacheCustomRepresentation`, the default theme's renderer directly.
final class SharedData: MustacheCustomRepresentation, @unchecked Sendable {
    /// Never changed once made; holds only what page data holds.
    let fields: [String: Any]
    let key: PageKey

    init(_ fields: [String: Any]) {
        self.fields = fields
        var key = PageKey()
        key.add(fields)
        self.key = key
    }

    var representation: Any? { fields }
}
