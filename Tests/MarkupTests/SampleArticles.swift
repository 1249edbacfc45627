/// Copies of the two shared sample articles (byte for byte: blank-line runs, curly quotes,
/// two-space-indented `•` tags, no trailing newline), so the tests do not read /work/shared.
enum SampleArticles {
    static let lunarLander = """
        Print PRINT

        SCIENCE > Space

        Small lunar lander sends first images from crater rim

        A small robotic lander touched down on the rim of a southern lunar crater early Tuesday and sent back its first panoramic images, mission controllers said, ending a tense descent that was delayed twice by guidance checks.


        The craft, about the size of a refrigerator, carries a drill, a compact spectrometer and a camera mast that unfolded about two hours after landing, according to the team’s “first light” briefing.


        Engineers plan to spend the first week testing the drill on loose regolith before attempting to reach ice-bearing layers thought to lie about a meter below the surface.


        The lander is expected to operate for roughly two weeks, until the long lunar night drops temperatures below what its batteries can survive.

          • Space
          • Robotics
          • Science
        """

    static let tokyoMarkets = """
        BUSINESS > Markets

        東京株式市場、半導体株が反発

        東京株式市場では午前の取引で半導体関連株が買い戻され、日経平均株価は前日比で小幅に上昇した。市場関係者は「米国の金利見通しが落ち着いたことが支えになった」と話している。


        Trading volume stayed thin ahead of a three-day weekend, and analysts said the rebound could fade if overseas markets turn lower on Friday. 🙂

          • Markets
          • Japan
          • Semiconductors
        """
}
