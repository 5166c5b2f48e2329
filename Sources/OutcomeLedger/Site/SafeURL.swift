/// Links taken from ledger data (a person's `url`) reach an `href` only when they are
/// plainly web or mail addresses; anything else (`javascript:`, `data:`, obfuscated
/// schemes) is dropped.
enum SafeURL {
    static func link(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimming(" ")
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return nil }
        // Control characters and spaces have no place in a URL and can hide a scheme.
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return nil }
        return trimmed
    }
}
