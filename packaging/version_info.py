"""The Windows version resource of FOI Desktop's executables (Properties > Details).

Built from ``foi_desktop.__version__`` so the version is written in one place.
Imported by foi-desktop.spec while PyInstaller runs.
"""

from __future__ import annotations

import re
from pathlib import Path

from PyInstaller.utils.win32.versioninfo import (
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)

PUBLISHER = "FOI Desktop contributors"
PRODUCT = "FOI Desktop"


def read_version(project_root: Path) -> str:
    text = (project_root / "foi_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise ValueError("foi_desktop/__init__.py has no __version__")
    return match.group(1)


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` or ``1.2.0rc1`` as the four numbers Windows wants."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_resource(version: str, description: str, file_name: str) -> VSVersionInfo:
    numbers = numeric_version(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004, fileType=0x1),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        "080904B0",  # English (United Kingdom), Unicode
                        [
                            StringStruct("CompanyName", PUBLISHER),
                            StringStruct("FileDescription", description),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", file_name.rsplit(".", 1)[0]),
                            StringStruct("LegalCopyright", f"© {PUBLISHER}, MIT licence"),
                            StringStruct("OriginalFilename", file_name),
                            StringStruct("ProductName", PRODUCT),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [0x0809, 1200])]),
        ],
    )
