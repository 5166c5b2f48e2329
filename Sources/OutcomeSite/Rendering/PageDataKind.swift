/// The types page data is made of, by identity. Page keys and the default theme's renderer
/// compare a value's dynamic type with these before casting it, once, to what it is: a
/// cast that fails walks the type's conformances, and failing casts one after another
/// were most of what both spent.
enum PageDataKind {
    static let text = ObjectIdentifier(String.self)
    static let number = ObjectIdentifier(Int.self)
    static let flag = ObjectIdentifier(Bool.self)
    static let object = ObjectIdentifier([String: Any].self)
    static let objects = ObjectIdentifier([[String: Any]].self)
    static let texts = ObjectIdentifier([String].self)
    static let shared = ObjectIdentifier(SharedData.self)
    static let shareds = ObjectIdentifier([SharedData].self)
    static let html = ObjectIdentifier(DeferredHTML.self)
    static let lazy = ObjectIdentifier(LazyList.self)
}
