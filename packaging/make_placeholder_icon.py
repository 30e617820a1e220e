"""Write a plain placeholder .ico when resources/icons/foi-desktop.ico does not exist yet.

Only for builds made before the real icon is in the repository; the file goes to
the build folder, never into the sources. Pure Python (32-bit BMP entries) so it
needs nothing but the standard library.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

SIZES = (16, 32, 48, 256)
BLUE = (0x8A, 0x4B, 0x1F, 0xFF)  # BGRA: a dark blue page
PAPER = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


def _pixel(x: int, y: int, size: int) -> tuple[int, int, int, int]:
    """A page with a folded corner and three text lines, y counted from the top."""
    margin, fold = size // 8, size // 4
    left, right, top, bottom = margin, size - margin, 0, size
    if not (left <= x < right and top <= y < bottom):
        return CLEAR
    if x - (right - fold) > y:  # cut corner
        return CLEAR
    line_rows = [size * k // 8 for k in (3, 4, 5)]
    if left + size // 8 <= x < right - size // 8 and any(r <= y < r + max(1, size // 16) for r in line_rows):
        return PAPER
    return BLUE


def _bitmap(size: int) -> bytes:
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):  # BMP rows go bottom-up
        rows.append(b"".join(bytes(_pixel(x, y, size)) for x in range(size)))
    mask_row = b"\x00" * (((size + 31) // 32) * 4)
    return header + b"".join(rows) + mask_row * size


def write_icon(path: Path) -> None:
    images = [_bitmap(size) for size in SIZES]
    offset = 6 + 16 * len(images)
    directory = struct.pack("<HHH", 0, 1, len(images))
    for size, image in zip(SIZES, images):
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(directory + b"".join(images))


if __name__ == "__main__":
    write_icon(Path(sys.argv[1]))
