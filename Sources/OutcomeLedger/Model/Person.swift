/// A person from `people.yml`.
public struct Person: Sendable, Equatable {
    public var handle: Located<String>
    public var name: String
    public var email: String?
    public var url: String?

    public init(handle: Located<String>, name: String, email: String? = nil, url: String? = nil) {
        self.handle = handle
        self.name = name
        self.email = email
        self.url = url
    }
}
