#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, so its encoding.h includes the system's
 * <unicode/ucnv.h>. Swift's Foundation carries its own ICU headers, and clang
 * refuses two definitions of the same enums in one compilation. The suite never
 * touches libxml2's ICU converters, so the ICU part of the headers is switched
 * off here, before any other libxml2 header is read. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function pointer in libxml2, which the Swift 6 language
/// mode treats as shared mutable state and will not call. This wrapper makes it callable.
static inline void cxml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
