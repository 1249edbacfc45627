import Dispatch
import Feeds
import Foundation
import Markup
import NewsModel

/// Parses many article (and feed) files on all cores; results come back in the order of the input.
enum ParallelFileParser {
    enum Outcome: Sendable {
        case parsed(ParsedDocument)
        case failed(String)
    }

    /// One slot per file, each written by exactly one worker, read after all have finished.
    private final class Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Outcome>
        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: .failed("not parsed"))
        }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }

    static func parse(_ files: [URL]) -> [Outcome] {
        let slots = Slots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots.buffer[index] = parseOne(files[index])
        }
        return Array(slots.buffer)
    }

    static func parseOne(_ file: URL) -> Outcome {
        do {
            return .parsed(try DocumentParser.parse(fileAt: file))  // feed files too
        } catch let error as ArticleFileError {
            return .failed(error.description)
        } catch {
            return .failed("\(file.path): \(error)")
        }
    }
}
