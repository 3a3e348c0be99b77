// The system zlib (libz is on every Linux; building needs its header: Debian's zlib1g-dev).
#include <zlib.h>
