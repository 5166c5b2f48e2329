import ArgumentParser
import Foundation
import OutcomeLedger

/// `outcomes init [DIR]`: start a ledger that passes `outcomes check` as it is.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new ledger: ledger.yml, people.yml and an example outcome.",
        discussion: "Refuses to overwrite existing files (exit status 2). Adds _site/ and the folders builds keep beside it to .gitignore."
    )

    @Argument(help: "The folder to create the ledger in (created if missing).", completion: .directory)
    var directory: String = "."

    @Option(help: ArgumentHelp("Also write CI workflows: github (GitHub Actions) or gitlab (.gitlab-ci.yml).", valueName: "system"))
    var ci: CISystem?

    @Option(help: ArgumentHelp("The outcomes action the GitHub workflows use, as OWNER/REPO@TAG.", valueName: "action"))
    var action: String = CIWorkflows.defaultAction

    @Option(help: ArgumentHelp("The outcomes image the GitLab pipeline uses.", valueName: "image"))
    var image: String = CIWorkflows.defaultImage

    enum CISystem: String, ExpressibleByArgument, CaseIterable { case github, gitlab }

    func validate() throws {
        guard action.wholeMatch(of: /[A-Za-z0-9_.-]+\/[A-Za-z0-9_.\/-]+@[A-Za-z0-9_.\/-]+/) != nil else {
            throw ValidationError("--action must be written OWNER/REPO@TAG, for example \(CIWorkflows.defaultAction)")
        }
        if action != CIWorkflows.defaultAction && ci != .github {
            throw ValidationError("--action names the action of the GitHub workflows: add --ci github")
        }
        // An image reference (registry, path, tag or digest), which may start from a CI
        // variable (`$CI_REGISTRY_IMAGE/outcomes:0.1.0`); nothing YAML would read otherwise.
        guard image.wholeMatch(of: /[A-Za-z0-9$][A-Za-z0-9_.\/:@${}-]*/) != nil else {
            throw ValidationError("--image must be an image name such as \(CIWorkflows.defaultImage)")
        }
        if image != CIWorkflows.defaultImage && ci != .gitlab {
            throw ValidationError("--image names the image of the GitLab pipeline: add --ci gitlab")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), !isFolder.boolValue {
            Terminal.standardError("outcomes: \(root.path) is a file, not a folder: give `init` a folder to create the ledger in")
            throw ExitCode(2)
        }
        let title = root.lastPathComponent.isEmpty || root.path == "/" ? "Outcomes" : root.lastPathComponent
        var files = LedgerScaffold.files(title: title, today: CalendarDate.today())
        switch ci {
        case .github: files += CIWorkflows.github(action: action)
        case .gitlab: files += CIWorkflows.gitlab(image: image)
        case nil: break
        }

        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        guard existing.isEmpty else {
            Terminal.standardError("outcomes: not overwriting existing files in \(root.path): \(existing.joined(separator: ", "))")
            throw ExitCode(2)
        }
        do {
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (file.text.hasSuffix("\n") ? file.text : file.text + "\n").write(to: url, atomically: true, encoding: .utf8)
            }
            try ignoreSite(in: root)
        } catch {
            Terminal.standardError("outcomes: cannot write the ledger: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let written = files.map { "  \($0.path)" }.joined(separator: "\n")
        Terminal.standardOutput("""
            Created a ledger in \(root.path):
            \(written)

            Next: \(directory == "." ? "" : "go to the ledger with\n  cd \(Self.shellQuoted(directory))\nthen ")edit people.yml and the example outcome, add outcomes with
              outcomes new "A result worth reaching" --owner you --pod you,teammate
            and preview the site with
              outcomes serve

            """)
    }

    /// Adds the site and what builds keep beside it (the replaced site, reused by the next
    /// build, and staging folders) to `.gitignore`, creating it or appending to it.
    private func ignoreSite(in root: URL) throws {
        let url = root.appendingPathComponent(".gitignore")
        let current = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = Set(current.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        var added = ""
        if lines.isDisjoint(with: ["_site/", "_site", "/_site/", "/_site"]) { added += "_site/\n" }
        if !lines.contains(Self.besideSitePattern) { added += Self.besideSitePattern + "\n" }
        guard !added.isEmpty else { return }
        let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
        try (current + separator + added).write(to: url, atomically: true, encoding: .utf8)
    }

    static let besideSitePattern = "._site.outcomes-*/"

    /// A path as a shell reads it: quoted when it holds anything but plain characters.
    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy({ $0.isLetter || $0.isNumber || "-_./~".contains($0) }) ? path
            : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
