import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The regular files under a folder, recursively, the way `find DIR -type f` sees them: symbolic
/// links are not followed, and hidden entries (names starting with ".") are skipped with
/// everything inside them.
///
/// Cheap on purpose: the entry type comes from `readdir`, with an `lstat` only when the file
/// system does not say. (FileManager's enumerator built an attribute dictionary per entry: 7 %
/// of the CPU of importing 10,000 files.)
public enum DirectoryWalker {
    /// Full paths (`folder` joined with the relative path) of the regular files whose name
    /// `accept` takes, in no particular order; nil when `folder` itself cannot be read.
    /// Sub-folders that cannot be read are passed over.
    public static func regularFiles(under folder: String, accept: (String) -> Bool) -> [String]? {
        var found: [String] = []
        let root = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard walk(root, depth: 0, accept: accept, into: &found) else { return nil }
        return found
    }

    /// Deeper than this is a folder loop (bind mounts) or a hostile tree, not articles.
    static let maxDepth = 128

    private static func walk(_ path: String, depth: Int, accept: (String) -> Bool, into found: inout [String]) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        let prefix = path == "/" ? "/" : path + "/"
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.isEmpty || name.hasPrefix(".") { continue }  // hidden, "." and ".."
            let full = prefix + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: continue
                }
            }
            if type == Int32(DT_DIR) {
                if depth < maxDepth { _ = walk(full, depth: depth + 1, accept: accept, into: &found) }
            } else if type == Int32(DT_REG), accept(name) {
                found.append(full)
            }
        }
        return true
    }
}
