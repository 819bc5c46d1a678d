/* Test support for Wine only, never shipped: Wine 8 lacks bcryptprimitives.dll, whose ProcessPrng every Rust .exe
 * (std 1.78 and later) imports, so each .exe would stop at load. Real Windows 10/11 has the DLL. This stand-in fills
 * the buffer from RtlGenRandom (advapi32's SystemFunction036), the generator Rust's std used before ProcessPrng.
 * Built by scripts/test-windows.sh with x86_64-w64-mingw32-gcc and the exports in bcryptprimitives.def. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    /* RtlGenRandom takes a 32-bit length: fill large buffers in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, piece)) return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
