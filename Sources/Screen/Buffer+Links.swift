extension Buffer {
    /// Gives the cells `x..<x+width` on row `y` a hyperlink target (clipped to the buffer).
    public mutating func setLink(_ link: String, x: Int, y: Int, width: Int) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(self.width, x + width)) {
            self[col, y].link = link
        }
    }
}
