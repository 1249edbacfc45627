import CNcursesw
import Screen

/// STUB: the curses backend; being built.
public struct CursesBackend {}
