/// Reads `ledger.yml`. Unknown keys and wrong types are `config` errors; whatever is
/// wrong falls back to its default so the rest of the ledger is still checked.
public enum ConfigParser {
    public static let knownKeys = [
        "title", "outcomes", "pod_size", "lenses", "done_heading", "how_heading",
        "max_pods_per_person", "rules", "signals", "behind_margin", "stale_after_days", "history_days", "base_url", "max_file_size", "max_asset_size",
    ]

    public static func parse(
        _ source: SourceText, ruleNames: [String], signalNames: [String] = SignalRegistry.names
    ) -> (LedgerConfig, [Diagnostic]) {
        var reader = ConfigReader(source: source, ruleNames: ruleNames, signalNames: signalNames)
        reader.read()
        return (reader.config, reader.diagnostics)
    }
}

/// Shared by the `ledger.yml` and `people.yml` readers: typed access to YAML nodes that
/// reports problems under the `config` rule.
struct ConfigValues {
    var diagnostics: [Diagnostic] = []

    mutating func problem(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Config.problem(message, at: location, hint: hint))
    }

    /// The root mapping of a configuration file, or nil (reported) when it is something else.
    mutating func rootMapping(of source: SourceText) -> [YAMLEntry]? {
        switch YAMLReader.read(source.text, startLine: 1, source: source) {
        case .failure(let failure):
            problem(failure.message, at: failure.location, hint: failure.hint)
            return nil
        case .success(nil):
            return []
        case .success(let node?):
            return mapping(node, what: "`\(source.path)`")
        }
    }

    mutating func mapping(_ node: YAMLNode, what: String) -> [YAMLEntry]? {
        if case .mapping(let entries) = node.kind { return entries }
        if node.isNull { return [] }
        problem("\(what) must be a mapping, found \(node.kindDescription)", at: node.location)
        return nil
    }

    mutating func key(_ entry: YAMLEntry) -> String? {
        if let key = entry.key.scalar { return key }
        problem("keys must be plain words", at: entry.key.location)
        return nil
    }

    mutating func text(_ node: YAMLNode, key: String) -> String? {
        if let value = node.scalar, !value.isEmpty { return value }
        problem("`\(key)` must be a single value, found \(node.kindDescription)", at: node.location)
        return nil
    }

    mutating func positiveInteger(_ node: YAMLNode, key: String) -> Int? {
        if case .scalar(let text, true) = node.kind, let value = Int(text), value > 0,
           text.utf8.allSatisfy({ (48...57).contains($0) }) {
            return value
        }
        problem("`\(key)` must be a whole number of at least 1", at: node.location)
        return nil
    }

    /// `1048576`, `512 KiB`, `2 MiB` (also KB and MB, as the same binary units).
    static func byteCount(_ text: String) -> Int? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, let number = Int(first), number > 0, parts.count <= 2 else { return nil }
        guard parts.count == 2 else { return number }
        switch parts[1].uppercased() {
        case "B": return number
        case "KIB", "KB": return number << 10
        case "MIB", "MB": return number << 20
        default: return nil
        }
    }

    mutating func unknownKey(_ key: String, known: [String], at location: SourceLocation) {
        problem("unknown key `\(key)`", at: location,
                hint: Suggestions.didYouMean(key, in: known) ?? "known keys: \(known.map { "`\($0)`" }.joined(separator: ", "))")
    }
}

private struct ConfigReader {
    let source: SourceText
    let ruleNames: [String]
    let signalNames: [String]
    var config = LedgerConfig()
    var values = ConfigValues()
    var diagnostics: [Diagnostic] { values.diagnostics }

    init(source: SourceText, ruleNames: [String], signalNames: [String]) {
        self.source = source
        self.ruleNames = ruleNames
        self.signalNames = signalNames
    }

    mutating func read() {
        guard let entries = values.rootMapping(of: source) else { return }
        for entry in entries {
            guard let key = values.key(entry) else { continue }
            read(key: key, entry.value, keyLocation: entry.key.location)
        }
    }

    private mutating func read(key: String, _ value: YAMLNode, keyLocation: SourceLocation) {
        // A key written with nothing after it keeps its default, as if it were absent.
        if value.isNull && ConfigParser.knownKeys.contains(key) { return }
        switch key {
        case "title": config.title = values.text(value, key: key)
        case "outcomes":
            guard let folder = values.text(value, key: key) else { return }
            let parts = folder.split(separator: "/")
            if folder.hasPrefix("/") || parts.contains("..") || parts.isEmpty {
                values.problem("`outcomes` must be a folder inside the ledger root, found `\(folder)`", at: value.location)
            } else {
                config.outcomesFolder = parts.filter { $0 != "." }.joined(separator: "/")
                config.outcomesFolderLocation = value.location
            }
        case "pod_size": readPodSize(value)
        case "lenses":
            guard case .sequence(let items) = value.kind, !items.isEmpty else {
                values.problem("`lenses` must be a non-empty list", at: value.location)
                return
            }
            let lenses = items.compactMap { values.text($0, key: key) }
            if Set(lenses).count != lenses.count {
                values.problem("`lenses` lists a lens twice", at: value.location)
            } else if lenses.count == items.count {
                config.lenses = lenses
            }
        case "done_heading": config.doneHeading = values.text(value, key: key) ?? config.doneHeading
        case "how_heading": config.howHeading = values.text(value, key: key) ?? config.howHeading
        case "max_pods_per_person":
            config.maxPodsPerPerson = values.positiveInteger(value, key: key) ?? config.maxPodsPerPerson
        case "rules": readRules(value)
        case "signals": readSignals(value)
        case "behind_margin":
            if case .scalar(let text, true) = value.kind, text.utf8.allSatisfy({ (48...57).contains($0) }),
               let points = Int(text), points <= 100 {
                config.behindMargin = points
            } else {
                values.problem("`behind_margin` must be a whole number of percentage points from 0 to 100", at: value.location)
            }
        case "stale_after_days": config.staleAfterDays = values.positiveInteger(value, key: key) ?? config.staleAfterDays
        case "history_days": config.historyDays = values.positiveInteger(value, key: key) ?? config.historyDays
        case "base_url": config.baseURL = values.text(value, key: key)
        case "max_file_size":
            if let text = value.scalar, let bytes = ConfigValues.byteCount(text) {
                config.maxFileSize = bytes
            } else {
                values.problem("`max_file_size` must be a size such as `1048576`, `512 KiB` or `2 MiB`", at: value.location)
            }
        case "max_asset_size":
            if let text = value.scalar, let bytes = ConfigValues.byteCount(text) {
                config.maxAssetSize = bytes
            } else {
                values.problem("`max_asset_size` must be a size such as `10485760`, `512 KiB` or `10 MiB`", at: value.location)
            }
        default: values.unknownKey(key, known: ConfigParser.knownKeys, at: keyLocation)
        }
    }

    private mutating func readPodSize(_ node: YAMLNode) {
        if let single = node.scalar, let size = Int(single), size > 0 {
            values.problem("`pod_size` is a range of people, not one number", at: node.location,
                           hint: "write `pod_size: {min: \(min(2, size)), max: \(size)}`")
            return
        }
        guard let entries = values.mapping(node, what: "`pod_size`") else { return }
        var minimum = config.podSize.lowerBound
        var maximum = config.podSize.upperBound
        for entry in entries {
            guard let key = values.key(entry) else { continue }
            switch key {
            case "min": minimum = values.positiveInteger(entry.value, key: "pod_size.min") ?? minimum
            case "max": maximum = values.positiveInteger(entry.value, key: "pod_size.max") ?? maximum
            default: values.unknownKey(key, known: ["min", "max"], at: entry.key.location)
            }
        }
        if minimum <= maximum {
            config.podSize = minimum...maximum
        } else {
            values.problem("`pod_size.min` (\(minimum)) is larger than `pod_size.max` (\(maximum))", at: node.location)
        }
    }

    private mutating func readSignals(_ node: YAMLNode) {
        guard let entries = values.mapping(node, what: "`signals`") else { return }
        let allowed = SignalSetting.allCases.map(\.rawValue)
        for entry in entries {
            guard let signal = values.key(entry) else { continue }
            guard signalNames.contains(signal) else {
                values.problem("unknown health signal `\(signal)`", at: entry.key.location,
                               hint: Suggestions.didYouMean(signal, in: signalNames) ?? "docs/health.md lists them")
                continue
            }
            guard let text = entry.value.scalar, let setting = SignalSetting(rawValue: text) else {
                values.problem("signal `\(signal)` must be set to `at-risk`, `off-track` or `off`", at: entry.value.location,
                               hint: entry.value.scalar.flatMap { Suggestions.setting($0, in: allowed) })
                continue
            }
            if signal == ReportedSignal.name && setting != .off {
                values.problem("the `reported` signal takes the level the owner reports; it can only be turned `off`",
                               at: entry.value.location)
                continue
            }
            config.signalSettings[signal] = setting
        }
    }

    private mutating func readRules(_ node: YAMLNode) {
        guard let entries = values.mapping(node, what: "`rules`") else { return }
        for entry in entries {
            guard let rule = values.key(entry) else { continue }
            guard ruleNames.contains(rule) else {
                values.problem("unknown rule `\(rule)`", at: entry.key.location,
                               hint: Suggestions.didYouMean(rule, in: ruleNames) ?? "`outcomes rules` lists them")
                continue
            }
            guard let text = entry.value.scalar, let setting = RuleSetting(rawValue: text) else {
                values.problem("rule `\(rule)` must be set to `error`, `warning` or `off`", at: entry.value.location,
                               hint: entry.value.scalar.flatMap { Suggestions.setting($0, in: RuleSetting.allCases.map(\.rawValue)) })
                continue
            }
            config.ruleSettings[rule] = setting
        }
    }
}
