# make                 release build (.build/release/newsreader)
# make install         build, then install the binary, man page and shell completions
#                      into $(PREFIX) (default /usr/local); DESTDIR stages for packagers;
#                      BIN=path installs an already built binary instead of building
# make uninstall       remove exactly what `make install` installed (same PREFIX/DESTDIR)
# make manpage         regenerate docs/newsreader.1 from the CLI definition
PREFIX ?= /usr/local
DESTDIR ?=
BIN ?=

.PHONY: all build install uninstall manpage

all: build

build:
	swift build -c release --product newsreader

install:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" BIN="$(BIN)" scripts/install

uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/install --uninstall

manpage:
	swift build --product newsreader
	"$$(swift build --show-bin-path)/newsreader" generate-manpage > docs/newsreader.1
