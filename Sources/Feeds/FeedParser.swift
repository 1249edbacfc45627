import Foundation
import NewsModel

/// STUB: RSS / Atom / RDF / JSON Feed parsing; being built.
public enum FeedParser {}
