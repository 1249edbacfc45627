import NewsModel

/// STUB: the pure app core; being built.
public struct AppState {}
