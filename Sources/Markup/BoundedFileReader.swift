import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a local file with a size cap, judging the file that was actually opened: the path is
/// opened first (non-blocking, so a FIFO cannot hang the open), then `fstat` on that descriptor
/// must say "regular file" — a symlink to /dev/zero or a FIFO is refused, not read forever — and
/// the read stops at `limit + 1` bytes even if the file grows after the check.
public enum BoundedFileReader {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case notRegularFile
        case tooLarge(bytes: Int)

        public var description: String {
            switch self {
            case .unreadable(let why): return why
            case .notRegularFile: return "not a regular file"
            case .tooLarge(let bytes): return "too large (\(bytes) bytes)"
            }
        }
    }

    public struct File {
        public var data: Data
        public var modified: Date
        /// The path it was read from.
        public var path: String
    }

    public static func read(_ path: String, limit: Int) throws(Failure) -> File {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw .unreadable("no such file")
            case EACCES: throw .unreadable("permission denied")
            default: throw .unreadable(String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable("cannot stat it") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw info.st_mode & S_IFMT == S_IFDIR ? .unreadable("is a directory") : .notRegularFile
        }
        if Int(info.st_size) > limit { throw .tooLarge(bytes: Int(info.st_size)) }
        let data = try readToEnd(fd, expected: Int(info.st_size), limit: limit)
        if data.count > limit { throw .tooLarge(bytes: data.count) }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return File(data: data, modified: modified, path: path)
    }

    /// Reads `fd` to its end, at most `limit + 1` bytes (so a caller sees a file that grew past
    /// its limit), into one buffer sized for the `expected` bytes fstat reported. (FileHandle's
    /// read grows its buffer as it goes: an 8 MB feed briefly took 16 MB.)
    public static func readToEnd(_ fd: Int32, expected: Int, limit: Int) throws(Failure) -> Data {
        // One byte more than expected: reading 0 there is how the end is seen without a regrow.
        var data = Data(count: min(limit + 1, max(0, expected) + 1))
        var filled = 0
        while filled <= limit {
            if filled == data.count { data.count = min(limit + 1, filled + max(65_536, filled / 2)) }
            let room = data.count - filled
            let got = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, room) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        data.count = filled
        return data
    }
}
