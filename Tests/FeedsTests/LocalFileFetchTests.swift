import Foundation
import Testing
@testable import Feeds

/// Local feed paths that are not regular files must fail at once, never hang a refresh.
@Suite(.timeLimit(.minutes(1))) struct LocalFileFetchTests {
    func fetch(_ location: String, configuration: FeedFetcher.Configuration = .init()) async -> Result<FeedResponse, FetchError> {
        await FeedFetcher(configuration: configuration).fetch(FeedRequest(location: location))
    }

    @Test func fifoFailsInsteadOfHanging() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("feed.rss").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let finished = await fetch(fifo)
        guard case .failure(.file(let message)) = finished else { Issue.record("\(finished)"); return }
        #expect(message.contains("not a regular file"))
    }

    @Test func devZeroAndDirectoriesFail() async throws {
        for path in ["/dev/zero", FileManager.default.temporaryDirectory.path] {
            let result = await fetch(path)
            guard case .failure(.file(let message)) = result else { Issue.record("\(path): \(result)"); continue }
            #expect(message.contains("not a regular file"))
        }
    }

    @Test func regularFileIsStillReadAndCapped() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-cap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.rss")
        try Data(repeating: 0x41, count: 2_000).write(to: file)
        var small = FeedFetcher.Configuration()
        small.maxBodyBytes = 1_000
        #expect(await fetch(file.path, configuration: small) == .failure(.tooLarge(limit: 1_000)))
        let read = try await fetch(file.path).get().fetched
        #expect(read?.data.count == 2_000)
    }
}
