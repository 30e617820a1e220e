"""Draw FOI Desktop's icon and write it as PNGs and a Windows .ico.

    python tools/make_icons.py                # writes resources/icons/
    python tools/make_icons.py --out DIR      # somewhere else (tests compare with the committed ones)

The icon is drawn with QPainter from shapes only (no fonts), so running the
script again gives the same pictures. A letter page with a folded corner, a
heading band and lines of text, and a tick: a request answered. Each size is
drawn on its own, not scaled down from 256 px, so the small ones stay crisp.

The .ico holds every size: 16 to 128 px as 32-bit BMP images (what every
Windows tool, installer builders included, reads) and 256 px as PNG (as
Windows itself stores it).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_IN_ICO_FROM = 256  # sizes from here on are stored as PNG inside the .ico
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"

PAPER = QColor("#ffffff")
EDGE = QColor("#1f3b5c")
BAND = QColor("#2563a8")
LINES = QColor("#9aa9ba")
TICK_FILL = QColor("#1e8a4c")
TICK = QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)  # draw on a 256-unit grid
    stroke = max(6.0, 256 / size * 1.2)  # at least about one device pixel

    # the page, with its top-right corner folded
    fold = 54
    page = QPainterPath()
    page.moveTo(40, 16)
    page.lineTo(204 - fold, 16)
    page.lineTo(204, 16 + fold)
    page.lineTo(204, 236)
    page.lineTo(40, 236)
    page.closeSubpath()
    p.setPen(QPen(EDGE, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(PAPER)
    p.drawPath(page)
    corner = QPainterPath()
    corner.moveTo(204 - fold, 16)
    corner.lineTo(204 - fold, 16 + fold)
    corner.lineTo(204, 16 + fold)
    p.setBrush(QColor("#d9e2ec"))
    p.drawPath(corner)

    # heading band and lines of text (fewer lines at small sizes, where they would blur)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BAND)
    p.drawRoundedRect(QRectF(64, 48, 78, 26), 6, 6)
    p.setBrush(LINES)
    lines = [(64, 100, 116), (64, 128, 116), (64, 156, 70)] if size >= 32 else [(64, 108, 116), (64, 146, 70)]
    for x, y, width in lines:
        p.drawRoundedRect(QRectF(x, y, width, 14), 7, 7)

    # the tick in a circle, overlapping the page's lower right corner
    p.setBrush(TICK_FILL)
    p.setPen(QPen(PAPER, stroke * 0.9))
    p.drawEllipse(QPointF(186, 190), 58, 58)
    tick = QPainterPath()
    tick.moveTo(158, 192)
    tick.lineTo(178, 212)
    tick.lineTo(214, 170)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(TICK, 20, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    return bytes(buffer.data())


def bmp_entry(image: QImage) -> bytes:
    """An ICO image in BMP form: BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit AND mask."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(height - 1, -1, -1):
        line = bytes(image.constScanLine(y))[: width * 4]  # ARGB32 is B, G, R, A in memory on little-endian
        rows.append(line)
    mask_stride = ((width + 31) // 32) * 4
    mask = bytearray()
    for y in range(height - 1, -1, -1):
        bits = bytearray(mask_stride)
        for x in range(width):
            if image.pixelColor(x, y).alpha() == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + b"".join(rows) + bytes(mask)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = []
    for size, image in sorted(images.items()):
        data = png_bytes(image) if size >= PNG_IN_ICO_FROM else bmp_entry(image)
        entries.append((size, data))
    offset = 6 + 16 * len(entries)
    directory = b""
    payload = b""
    for size, data in entries:
        dimension = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return struct.pack("<HHH", 0, 1, len(entries)) + directory + payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw FOI Desktop's icon as PNGs and a .ico.")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"folder to write to (default {OUT_DIR})")
    out = parser.parse_args(argv).out
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        (out / f"foi-desktop-{size}.png").write_bytes(png_bytes(image))
    (out / "foi-desktop.ico").write_bytes(ico_bytes(images))
    print(f"Wrote {len(SIZES)} PNGs and foi-desktop.ico to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
