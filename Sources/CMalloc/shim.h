// glibc's allocator controls (malloc_trim), for DaybookSystem's `Heap`.
#include <malloc.h>
