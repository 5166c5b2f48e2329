#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version of `outcomes`, printed by `--version` and written into reports.
public enum ToolVersion {
    public static let current = "0.1.0"

    /// The running binary's version, size and modification time: what build state written
    /// by one binary must match before another trusts it, so a rebuilt `outcomes` (a new
    /// theme, a changed parser) starts afresh.
    package static let executableIdentity: String = {
        guard let executable = FileSystem.realPath("/proc/self/exe") else { return current }
        var info = stat()
        guard stat(executable, &info) == 0 else { return current }
        return "\(current) \(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)"
    }()
}
