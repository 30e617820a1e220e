"""Word export of generated cases, in-process and warm: FOI Desktop's writer beside docxtpl.

Warm means what an officer meets on the second export of a session: modules
imported and templates compiled (one untimed export of each size first).
Repeats are interleaved (ours, docxtpl, ours, ...) so a noisy neighbour hurts both.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks import docxtpl_letter
from benchmarks.generate import generated_case
from benchmarks.stats import summary
from foi_desktop.core.settings import Settings
from foi_desktop.letter import build_letter, write_docx
from foi_desktop.letter.docx_writer import default_letterhead


def measure_export(sizes=(10, 100, 300), repeats: int = 7, *, with_docxtpl: bool = True) -> dict:
    """Per size: build_letter + write_docx (and the docxtpl equivalent), medians in ms."""
    settings = Settings()
    with_docxtpl = with_docxtpl and docxtpl_letter.available()
    results: dict = {"docxtpl": docxtpl_letter.version() if with_docxtpl else None, "sizes": {}}
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        template = docxtpl_letter.make_template(folder_path / "template.docx") if with_docxtpl else None
        for size in sizes:
            case = generated_case(size)
            ours_path = folder_path / f"ours-{size}.docx"
            theirs_path = folder_path / f"docxtpl-{size}.docx"
            write_docx(build_letter(case, settings), ours_path, letterhead=default_letterhead())  # warm up
            if template is not None:
                docxtpl_letter.write_docx_with_docxtpl(build_letter(case, settings), template, theirs_path)
            build_ms, write_ms, ours_ms, theirs_ms, theirs_engine_ms = [], [], [], [], []
            for _ in range(repeats):
                started = time.perf_counter()
                document = build_letter(case, settings)
                built = time.perf_counter()
                write_docx(document, ours_path, letterhead=default_letterhead())
                done = time.perf_counter()
                build_ms.append((built - started) * 1000)
                write_ms.append((done - built) * 1000)
                ours_ms.append((done - started) * 1000)
                if template is not None:
                    started = time.perf_counter()
                    document = build_letter(case, settings)
                    built = time.perf_counter()
                    docxtpl_letter.write_docx_with_docxtpl(document, template, theirs_path)
                    done = time.perf_counter()
                    theirs_ms.append((done - started) * 1000)
                    theirs_engine_ms.append((done - built) * 1000)
            entry = {
                "ours_ms": summary(ours_ms),
                "ours_build_ms": summary(build_ms),
                "ours_write_ms": summary(write_ms),
                "docx_bytes": ours_path.stat().st_size,
            }
            if template is not None:
                ours_text = docxtpl_letter.body_texts(ours_path)
                theirs_text = docxtpl_letter.body_texts(theirs_path)
                entry.update(
                    docxtpl_ms=summary(theirs_ms),
                    docxtpl_render_ms=summary(theirs_engine_ms),
                    ours_vs_docxtpl=entry["ours_ms"]["median"] / summary(theirs_ms)["median"],
                    same_text=ours_text == theirs_text,
                    paragraphs=len(ours_text),
                )
            results["sizes"][str(size)] = entry
    return results
