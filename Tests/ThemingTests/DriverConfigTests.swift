import Foundation
@testable import Settings
import Testing

/// The settings the reader's links and mouse read: osc52, mouse, hyperlinks.
@Suite struct DriverConfigTests {
    @Test func defaultsAreMouseOnClipboardOffHyperlinksAuto() {
        let config = ConfigFile.parse("", file: "x").config
        #expect(config.mouse && !config.osc52 && config.hyperlinks == "auto")
    }

    @Test func valuesAreReadAndBadOnesWarnedAbout() {
        let good = ConfigFile.parse("osc52 = true\nmouse = false\nhyperlinks = false\n", file: "x")
        #expect(good.diagnostics.isEmpty)
        #expect(good.config.osc52 && !good.config.mouse && good.config.hyperlinks == "false")
        let bad = ConfigFile.parse("osc52 = \"yes\"\nmouse = 1\nhyperlinks = \"sometimes\"\n", file: "x")
        #expect(bad.diagnostics.count == 3, "\(bad.diagnostics)")
        #expect(bad.config == ConfigFile.parse("", file: "x").config, "bad values keep the defaults")
        #expect(bad.diagnostics.contains { $0.description.contains("x:3: hyperlinks: expected \"auto\", true or false") }, "\(bad.diagnostics)")
    }
}
