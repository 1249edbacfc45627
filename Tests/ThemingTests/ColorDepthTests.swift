import Screen
import Theming
import Testing

@Suite struct ColorDepthTests {
    @Test func detection() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], terminalColors: 256) == .none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .colors256)
        // With curses running its count decides: COLORTERM cannot change what terminfo can send.
        #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 256) == .colors256)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 8) == .colors8)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "24bit"], terminalColors: -1) == .truecolor)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 1 << 24) == .truecolor)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 88) == .colors16)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 16) == .colors16)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 8) == .colors8)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 0) == .none)
        // Without curses (negative count) TERM decides.
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color"], terminalColors: -1) == .colors256)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-direct"], terminalColors: -1) == .truecolor)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], terminalColors: -1) == .truecolor)
        #expect(ColorDepth.detect(environment: ["TERM": "rxvt-16color"], terminalColors: -1) == .colors16)
        #expect(ColorDepth.detect(environment: ["TERM": "linux"], terminalColors: -1) == .colors8)
        #expect(ColorDepth.detect(environment: ["TERM": "dumb"], terminalColors: -1) == .none)
        #expect(ColorDepth.detect(environment: [:], terminalColors: -1) == .none)
    }

    @Test func terminalDefaultAndTruecolorPassThrough() {
        for depth in ColorDepth.allCases {
            #expect(Color.terminalDefault.mapped(to: depth) == .terminalDefault)
        }
        #expect(Color.rgb(1, 2, 3).mapped(to: .truecolor) == .rgb(1, 2, 3))
        #expect(Color.indexed(200).mapped(to: .truecolor) == .indexed(200))
    }

    @Test func noneDropsEveryColour() {
        for c in [Color.ansi(3), .indexed(100), .rgb(255, 0, 0)] {
            #expect(c.mapped(to: .none) == .terminalDefault)
        }
    }

    @Test func rgbTo256PicksTheCubeOrGreyRamp() {
        // Exact cube and ramp colours map to themselves.
        #expect(Color.rgb(0xff, 0x87, 0x00).mapped(to: .colors256) == .indexed(208))
        #expect(Color.rgb(0, 0, 0).mapped(to: .colors256) == .indexed(16))
        #expect(Color.rgb(255, 255, 255).mapped(to: .colors256) == .indexed(231))
        #expect(Color.rgb(0x5f, 0xaf, 0xd7).mapped(to: .colors256) == .indexed(74))
        #expect(Color.rgb(0x44, 0x44, 0x44).mapped(to: .colors256) == .indexed(238))
        // Near greys go to the ramp (finer than the cube's greys).
        #expect(Color.rgb(0x28, 0x28, 0x28).mapped(to: .colors256) == .indexed(235))
        #expect(Color.rgb(0xfa, 0xfa, 0xfa).mapped(to: .colors256) == .indexed(231))
        // Off-grid colours: the nearest is within a cube step.
        for (r, g, b) in [(0x26, 0x8b, 0xd2), (0xcb, 0x4b, 0x16), (0x88, 0xc0, 0xd0), (0xfe, 0x80, 0x19)] as [(UInt8, UInt8, UInt8)] {
            guard case .indexed(let i) = Color.rgb(r, g, b).mapped(to: .colors256) else {
                Issue.record("not indexed"); continue
            }
            #expect(i >= 16)
            let (mr, mg, mb) = ColorMetric.xterm256RGB(i)
            #expect(ColorMetric.lab(r, g, b).distance(to: ColorMetric.lab(mr, mg, mb)) < 15, "\(r),\(g),\(b) → \(i)")
        }
        // ANSI and indexed colours are already showable.
        #expect(Color.ansi(9).mapped(to: .colors256) == .ansi(9))
        #expect(Color.indexed(42).mapped(to: .colors256) == .indexed(42))
    }

    @Test func xtermPaletteArithmetic() {
        #expect(ColorMetric.xterm256RGB(16) == (0, 0, 0))
        #expect(ColorMetric.xterm256RGB(196) == (255, 0, 0))
        #expect(ColorMetric.xterm256RGB(231) == (255, 255, 255))
        #expect(ColorMetric.xterm256RGB(232) == (8, 8, 8))
        #expect(ColorMetric.xterm256RGB(255) == (238, 238, 238))
        #expect(ColorMetric.xterm256RGB(9) == (255, 0, 0))
    }

    @Test func rgbTo16KeepsHueAndLightness() {
        func ansi(_ hex: UInt32) -> Color {
            Color.rgb(UInt8(hex >> 16), UInt8(hex >> 8 & 0xff), UInt8(hex & 0xff)).mapped(to: .colors16)
        }
        #expect(ansi(0x000000) == .ansi(0))
        #expect(ansi(0xffffff) == .ansi(15))
        #expect(ansi(0x282c34) == .ansi(0))   // dark background
        #expect(ansi(0x002b36) == .ansi(0))   // Solarized's teal background is black, not cyan
        #expect(ansi(0x3e4451) == .ansi(8))   // a selection grey
        #expect(ansi(0xabb2bf) == .ansi(7))   // light grey text
        #expect(ansi(0xfafafa) == .ansi(15))
        #expect(ansi(0xff0000) == .ansi(9))
        #expect(ansi(0x800000) == .ansi(1))
        #expect(ansi(0x268bd2) == .ansi(12))  // Solarized blue
        #expect(ansi(0x2aa198) == .ansi(6))   // Solarized cyan
        #expect(ansi(0x859900) == .ansi(3))   // Solarized green is olive: yellow wins on hue
        #expect(ansi(0x98c379) == .ansi(2))
        #expect(ansi(0xe5c07b) == .ansi(3))
        #expect(ansi(0xc678dd) == .ansi(13))
        #expect(ansi(0x88c0d0) == .ansi(6))   // Nord frost: cyan, normal by lightness
        #expect(ansi(0x5e81ac) == .ansi(12))
        // Indexed colours: 0–15 are ANSI already; others via their RGB.
        #expect(Color.indexed(4).mapped(to: .colors16) == .ansi(4))
        #expect(Color.indexed(196).mapped(to: .colors16) == .ansi(9))
        #expect(Color.indexed(236).mapped(to: .colors16) == .ansi(0))
        #expect(Color.indexed(250).mapped(to: .colors16) == .ansi(7))
    }

    @Test func eightColoursUseOnlyTheFirstEight() {
        for i in 0...255 {
            guard case .ansi(let n) = Color.indexed(UInt8(i)).mapped(to: .colors8) else {
                Issue.record("\(i) not ANSI"); continue
            }
            #expect(n < 8)
        }
        #expect(Color.ansi(9).mapped(to: .colors8) == .ansi(1))
        #expect(Color.ansi(8).mapped(to: .colors8) == .ansi(7))   // grey text stays visible on black
        #expect(Color.ansi(15).mapped(to: .colors8) == .ansi(7))
        #expect(Color.rgb(0x38, 0x3a, 0x42).mapped(to: .colors8) == .ansi(0))
        #expect(Color.rgb(0xfa, 0xfa, 0xfa).mapped(to: .colors8) == .ansi(7))
        #expect(Color.rgb(0x26, 0x8b, 0xd2).mapped(to: .colors8) == .ansi(4))
    }

    @Test func styleMappingKeepsAttributes() {
        let s = Style(fg: .rgb(255, 0, 0), bg: .indexed(236), attributes: [.bold, .underline])
        #expect(s.mapped(to: .colors16) == Style(fg: .ansi(9), bg: .ansi(0), attributes: [.bold, .underline]))
        #expect(s.mapped(to: .none) == Style(attributes: [.bold, .underline]))
    }
}

@Suite struct StyleEscapesTests {
    @Test func sgrSequences() {
        #expect(StyleEscapes.sgr(.plain) == "")
        #expect(StyleEscapes.sgr(Style(fg: .ansi(1), bg: .ansi(12), attributes: [.bold, .reverse])) == "\u{1b}[1;7;31;104m")
        #expect(StyleEscapes.sgr(Style(fg: .indexed(208), bg: .rgb(1, 2, 3))) == "\u{1b}[38;5;208;48;2;1;2;3m")
        #expect(StyleEscapes.styled("x", Style(attributes: .underline)) == "\u{1b}[4mx\u{1b}[0m")
        #expect(StyleEscapes.styled("x", .plain) == "x")
    }
}
