#ifndef NEWSREADER_CLIBXML2_SHIM_H
#define NEWSREADER_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so encoding.h would pull in the system ICU headers,
   which clashes with Foundation's bundled ICU ("UErrorCode is not present in definition…").
   Nothing here touches the ICU fields of xmlCharEncodingHandler, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>
#include <libxml/xmlsave.h>
#endif
