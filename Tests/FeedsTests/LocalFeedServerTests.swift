import Foundation
import Testing
@testable import Feeds

/// The shared test server (Tests/TestSupport) every HTTP test relies on: it serves, and it is
/// gone once released (the launcher kills it; no server outlives its test).
@Suite struct LocalFeedServerTests {
    @Test func servesAndStopsWhenReleased() async throws {
        var server: LocalFeedServer? = try LocalFeedServer()
        let url = try #require(server?.url("/feed.xml"))
        guard case .success(.fetched) = await FeedFetcher().fetch(FeedRequest(location: url)) else {
            Issue.record("the server did not serve /feed.xml")
            return
        }
        server = nil
        if case .success = await FeedFetcher().fetch(FeedRequest(location: url)) {
            Issue.record("the server still answers after release")
        }
    }
}
