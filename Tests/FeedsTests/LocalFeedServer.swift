import TestSupport

/// The shared feed server (Tests/TestSupport), under the name this target's tests use.
typealias LocalFeedServer = TestSupport.LocalFeedServer
