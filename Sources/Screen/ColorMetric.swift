import Foundation

/// Nearest-colour arithmetic behind `Color.mapped(to:)`: CIE L*a*b* (D65) distances, which
/// follow what eyes see far better than distances in RGB.
public enum ColorMetric {
    /// xterm's default RGB for the 16 ANSI colours. Real terminals differ (users pick their
    /// own palettes), so these only serve as reference points for choosing a hue.
    public static let ansiReference: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The RGB an xterm shows for a 256-colour index (0–15 use `ansiReference`).
    public static func xterm256RGB(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16: return ansiReference[Int(index)]
        case 16..<232:
            let n = Int(index) - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let v = UInt8(8 + 10 * (Int(index) - 232))
            return (v, v, v)
        }
    }

    /// A colour in CIE L*a*b*.
    public struct Lab: Sendable {
        public var l: Double, a: Double, b: Double
        public var chroma: Double { (a * a + b * b).squareRoot() }
        /// Hue angle in degrees, 0..<360.
        public var hue: Double {
            let h = atan2(b, a) * 180 / .pi
            return h < 0 ? h + 360 : h
        }
        public func distance(to o: Lab) -> Double {
            let dl = l - o.l, da = a - o.a, db = b - o.b
            return (dl * dl + da * da + db * db).squareRoot()
        }
    }

    public static func lab(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Lab {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let lr = linear(r), lg = linear(g), lb = linear(b)
        let x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047
        let y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
        let z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        let fx = f(x), fy = f(y), fz = f(z)
        return Lab(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    private static let paletteLab: [Lab] = (0...255).map { i in
        let (r, g, b) = xterm256RGB(UInt8(i))
        return lab(r, g, b)
    }

    /// Nearest of indexes 16–255 (cube and grey ramp: the same on every 256-colour terminal).
    public static func nearestXterm256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let target = lab(r, g, b)
        var best = 16, bestDistance = Double.infinity
        for i in 16...255 {
            let d = target.distance(to: paletteLab[i])
            if d < bestDistance { best = i; bestDistance = d }
        }
        return UInt8(best)
    }

    /// Below this chroma a colour reads as grey and maps to black/grey/white.
    static let greyChroma = 12.0
    /// Colours this dark or light read as black or white whatever their hue (Solarized's
    /// dark teal background must become black, not cyan, or cyan text would vanish on it).
    static let nearBlack = 22.0, nearWhite = 93.0

    /// The ANSI colour (0–15) that best stands for an RGB colour. Pure nearest-distance would
    /// turn most muted theme colours into greys, so this keeps the hue: greyish, very dark
    /// and very light colours go to the grey with the nearest lightness (0, 8, 7, 15); others
    /// to the ANSI hue nearest in angle, normal or bright by lightness.
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let target = lab(r, g, b)
        if isGreyish(target) {
            // Typical palettes' greys rather than xterm's (whose 7 is almost white).
            let anchors: [(UInt8, Double)] = [(0, 0), (8, 45), (7, 78), (15, 100)]
            return anchors.min { abs($0.1 - target.l) < abs($1.1 - target.l) }?.0 ?? 0
        }
        let hue = nearestHue(target)
        return abs(paletteLab[hue].l - target.l) <= abs(paletteLab[hue + 8].l - target.l) ? UInt8(hue) : UInt8(hue + 8)
    }

    /// The nearest of the first 8 ANSI colours: black or light grey by lightness, else the
    /// nearest hue.
    public static func nearestANSI8(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let target = lab(r, g, b)
        if isGreyish(target) { return target.l < 50 ? 0 : 7 }
        return UInt8(nearestHue(target))
    }

    private static func isGreyish(_ c: Lab) -> Bool {
        c.chroma < greyChroma || c.l < nearBlack || c.l > nearWhite
    }

    /// 1–6: red, green, yellow, blue, magenta, cyan, by hue angle.
    private static func nearestHue(_ target: Lab) -> Int {
        func angle(_ x: Double, _ y: Double) -> Double {
            let d = abs(x - y).truncatingRemainder(dividingBy: 360)
            return min(d, 360 - d)
        }
        return (1...6).min { angle(paletteLab[$0].hue, target.hue) < angle(paletteLab[$1].hue, target.hue) } ?? 1
    }

    /// An ANSI colour (0–15) folded onto the first 8: bright colours to their normal twin,
    /// bright black to light grey 7 (it is usually a mid grey: black would hide grey text).
    public static func foldToEight(_ n: UInt8) -> UInt8 {
        switch n {
        case 0..<8: return n
        case 8, 15: return 7
        default: return n & 7
        }
    }
}
