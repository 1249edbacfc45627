import Foundation
import NewsModel
import Store
import Testing

/// One XDG rule for the library (data) and the config: the variable only when absolute (the
/// spec says relative ones are ignored), else `$HOME`'s `.local/share` / `.config`.
@Suite struct XDGPathTests {
    @Test func libraryPathIgnoresARelativeXDGDataHome() {
        #expect(LibraryStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/ann"])
            == "/home/ann/.local/share/newsreader/library.sqlite")
        #expect(LibraryStore.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/home/ann"])
            == "/home/ann/.local/share/newsreader/library.sqlite")
        #expect(LibraryStore.defaultPath(environment: ["XDG_DATA_HOME": "/d/", "HOME": "/home/ann"])
            == "/d/newsreader/library.sqlite")
    }

    @Test func dataAndConfigFollowTheSameRule() {
        let home = ["HOME": "/home/ann"]
        #expect(XDGDirectory.data.url(environment: home).path == "/home/ann/.local/share")
        #expect(XDGDirectory.config.url(environment: home).path == "/home/ann/.config")
        #expect(XDGDirectory.config.url(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/home/ann"]).path == "/c")
        #expect(XDGDirectory.config.url(environment: ["XDG_CONFIG_HOME": "c", "HOME": "/home/ann"]).path == "/home/ann/.config")
    }
}
