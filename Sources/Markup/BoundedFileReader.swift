import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a local file with a size cap, judging the file that was actually opened: the path is
/// opened first (non-blocking, so a FIFO cannot hang the open), then `fstat` on that descriptor
/// must say "regular file" — a symlink to /dev/zero or a FIFO is refused, not read forever — and
/// the read stops at `limit + 1` bytes even if the file grows after the check.
public enum BoundedFileReader {
    public enum Failure: Error, Equatable {
        case unreadable(String)
        case notRegularFile
        case tooLarge(bytes: Int)
    }

    public struct File {
        public var data: Data
        public var modified: Date
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
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable("cannot stat it") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw info.st_mode & S_IFMT == S_IFDIR ? .unreadable("is a directory") : .notRegularFile
        }
        if Int(info.st_size) > limit { throw .tooLarge(bytes: Int(info.st_size)) }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        if data.count > limit { throw .tooLarge(bytes: data.count) }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return File(data: data, modified: modified)
    }
}
