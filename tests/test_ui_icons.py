"""The application icon: every size present, a .ico Windows tools can read, and the script reproduces it."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader

from foi_desktop.assets import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def load_make_icons():
    path = Path(__file__).resolve().parent.parent / "tools" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ico_holds_every_size_in_forms_windows_reads(qapp):
    data = resource_path("icons", "foi-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(SIZES))
    found = []
    for number in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * number)
        size = width or 256
        found.append(size)
        assert (width, planes, bits) == (height, 1, 32) and offset + length <= len(data)
        payload = data[offset: offset + length]
        if size < 256:
            assert struct.unpack_from("<I", payload)[0] == 40  # a BMP entry: BITMAPINFOHEADER
        else:
            assert payload.startswith(b"\x89PNG")
    assert found == list(SIZES)
    reader = QImageReader(str(resource_path("icons", "foi-desktop.ico")))
    assert reader.imageCount() == len(SIZES)


def test_the_script_draws_the_committed_icons(tmp_path, qapp):
    assert load_make_icons().main(["--out", str(tmp_path)]) == 0
    for size in SIZES:
        drawn = QImage(str(tmp_path / f"foi-desktop-{size}.png"))
        committed = QImage(str(resource_path("icons", f"foi-desktop-{size}.png")))
        assert drawn.size() == committed.size()
        assert drawn.convertToFormat(QImage.Format.Format_ARGB32) == committed.convertToFormat(QImage.Format.Format_ARGB32)
    assert (tmp_path / "foi-desktop.ico").read_bytes()[:6] == resource_path("icons", "foi-desktop.ico").read_bytes()[:6]


def test_the_window_uses_the_icon(qapp):
    from foi_desktop.ui.main_window import application_icon

    icon = application_icon()
    assert not icon.isNull() and len(icon.availableSizes()) == len(SIZES)
