import Foundation
import Testing
import Yams
import OutcomeLedger

/// The action downloads a release's binary when it runs at that release's tag, and builds
/// one otherwise. The download script is run here against releases laid out as GitHub
/// serves them (`TAG/NAME`, read through `file://`), good and bad.
struct ActionReleaseTests {
    static let script = TestSupport.repositoryRoot.appendingPathComponent("action/download-release.sh").path
    static let tag = "v\(ToolVersion.current)"

    /// The archive name `make dist` gives this machine's binary.
    static var archiveName: String {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return "outcomes-\(ToolVersion.current)-linux-\(machine).tar.gz"
    }

    /// A release folder holding an archive whose `outcomes` prints `says`, and its SHA-256
    /// file (of other bytes when `checksumOf` is given).
    static func release(says: String = "outcomes from the release", checksumOf other: String? = nil) throws -> URL {
        let root = TestSupport.temporaryFolder()
        let package = root.appendingPathComponent("package/outcomes-\(ToolVersion.current)")
        try FileManager.default.createDirectory(at: package.appendingPathComponent("licenses"), withIntermediateDirectories: true)
        let binary = package.appendingPathComponent("outcomes")
        try "#!/bin/sh\necho \"\(says)\"\n".write(to: binary, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
        try "licence\n".write(to: package.appendingPathComponent("licenses/swift.txt"), atomically: true, encoding: .utf8)
        let releases = root.appendingPathComponent("releases/\(tag)")
        try FileManager.default.createDirectory(at: releases, withIntermediateDirectories: true)
        #expect(try shell("tar -C \"$1\" -czf \"$2\" \"$3\"", package.deletingLastPathComponent().path,
                          releases.appendingPathComponent(archiveName).path, package.lastPathComponent).status == 0)
        var summed = releases.appendingPathComponent(archiveName)
        if let other {
            summed = releases.appendingPathComponent(archiveName + ".other")
            try other.write(to: summed, atomically: true, encoding: .utf8)
        }
        let sum = try shell("sha256sum \"$1\" | cut -d' ' -f1", summed.path).output.trimmingCharacters(in: .whitespacesAndNewlines)
        try "\(sum)  \(archiveName)\n".write(to: releases.appendingPathComponent(archiveName + ".sha256"), atomically: true, encoding: .utf8)
        return root.appendingPathComponent("releases")
    }

    static func shell(_ command: String, _ arguments: String..., environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try TestSupport.capture("/bin/sh", ["-c", command, "sh"] + arguments,
                                environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 })
    }

    /// Runs the download script into a new folder; returns its status, output and the folder.
    static func download(ref: String?, repository: String? = "someone/outcomes", releases: URL?) throws -> (status: Int32, output: String, destination: URL) {
        let destination = TestSupport.temporaryFolder().appendingPathComponent("bin")
        var environment: [String: String] = [:]
        environment["ACTION_REF"] = ref
        environment["ACTION_REPOSITORY"] = repository
        environment["OUTCOMES_RELEASES_URL"] = releases.map { "file://" + $0.path }
        let (status, output) = try shell("\"$1\" \"$2\"", script, destination.path, environment: environment)
        return (status, output, destination)
    }

    @Test func atItsReleaseTagTheActionUsesTheReleasedBinary() throws {
        let run = try Self.download(ref: Self.tag, releases: try Self.release())
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("using the released binary of \(Self.tag)"))
        let installed = try Self.shell("\"$1\"", run.destination.appendingPathComponent("outcomes").path)
        #expect(installed.output == "outcomes from the release\n")
        #expect(FileManager.default.fileExists(atPath: run.destination.appendingPathComponent("licenses/swift.txt").path))
    }

    @Test func atABranchOrCommitTheActionBuildsInstead() throws {
        for ref in ["main", "0123456789abcdef0123456789abcdef01234567", "v0.0.1", ""] {
            let run = try Self.download(ref: ref, releases: try Self.release())
            #expect(run.status == 1)
            #expect(run.output.contains("not at its release tag \(Self.tag); building it instead"), "\(run.output)")
            #expect(!FileManager.default.fileExists(atPath: run.destination.path))
        }
    }

    @Test func aBinaryThatDoesNotMatchItsChecksumIsNotUsed() throws {
        let run = try Self.download(ref: Self.tag, releases: try Self.release(checksumOf: "other bytes"))
        #expect(run.status == 1)
        #expect(run.output.contains("::warning::outcomes: \(Self.archiveName) does not match the SHA-256 published with it"))
        #expect(!FileManager.default.fileExists(atPath: run.destination.appendingPathComponent("outcomes").path))
    }

    @Test func aReleaseWithoutABinaryForThisMachineIsBuiltInstead() throws {
        let releases = try Self.release()
        try FileManager.default.removeItem(at: releases.appendingPathComponent("\(Self.tag)/\(Self.archiveName)"))
        let run = try Self.download(ref: Self.tag, releases: releases)
        #expect(run.status == 1)
        #expect(run.output.contains("release \(Self.tag) has no \(Self.archiveName)"), "\(run.output)")

        let unknown = try Self.download(ref: Self.tag, repository: nil, releases: nil)
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("the action's repository is not known"))
    }

    /// The action downloads before it would set up Swift, and builds only when the download
    /// did not put the binary in place; the release workflow publishes what the script
    /// looks for, under the name `make dist` gives it, and the image docs/ci.md names.
    @Test func actionAndReleaseWorkflowAgreeWithTheScript() throws {
        let action = try #require(try Yams.load(yaml: String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("action.yml"),
                                                             encoding: .utf8)) as? [String: Any])
        let steps = try #require((action["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        let names = steps.map { $0["name"] as? String ?? "" }
        let download = try #require(names.firstIndex(of: "Download the released binary"))
        #expect(download < names.firstIndex(of: "Set up Swift")!)
        let env = try #require(steps[download]["env"] as? [String: String])
        #expect(env["ACTION_REF"] == "${{ github.action_ref }}")
        #expect(env["ACTION_REPOSITORY"] == "${{ github.action_repository }}")
        #expect((steps[download]["run"] as? String)?.contains("action/download-release.sh") == true)
        for name in ["Set up Swift", "Build the outcomes binary"] {
            #expect((steps[names.firstIndex(of: name)!]["if"] as? String)?.contains("steps.download.outputs.done != 'true'") == true, "\(name)")
        }

        let makefile = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        #expect(makefile.contains("DIST_NAME := outcomes-$(VERSION)-linux-$(ARCH)") && makefile.contains("ARCH := $(shell uname -m)"))
        let script = try String(contentsOfFile: Self.script, encoding: .utf8)
        #expect(script.contains(#"name="outcomes-$version-linux-$(uname -m).tar.gz""#))
        let release = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(".github/workflows/release.yml"), encoding: .utf8)
        #expect(release.contains("run: make dist-check") && release.contains("path: dist/") && release.contains("--verify-tag"))
        #expect(release.contains(#"if [ "$GITHUB_REF_NAME" != "v$version" ]"#))
        // Both architectures are built; nothing is published unless every build passed.
        let jobs = try #require((try Yams.load(yaml: release) as? [String: Any])?["jobs"] as? [String: [String: Any]])
        let matrix = (jobs["dist"]?["strategy"] as? [String: Any])?["matrix"] as? [String: Any]
        #expect(matrix?["runner"] as? [String] == ["ubuntu-24.04", "ubuntu-24.04-arm"])
        #expect(jobs["publish"]?["needs"] as? String == "dist")
        #expect(jobs["image"]?["needs"] as? String == "dist")
        #expect(release.contains("ghcr.io/${GITHUB_REPOSITORY,,}:$version"))
    }
}
