#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function pointer in libxml2, which the Swift 6 language
/// mode treats as shared mutable state and will not call. This wrapper makes it callable.
static inline void cxml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
