import Foundation
import NewsModel

/// The bundled demo articles, embedded in the binary at build time from `Articles/`.
public enum DemoLibrary {
    public static var files: [(name: String, contents: String)] { EmbeddedFiles.all }
}
