import Screen

/// STUB: themes; being built.
public struct Theme {
    public static var embeddedNames: [String] { EmbeddedFiles.all.map(\.name) }
}
