"""Check, inside the Windows Python, that the wheels we unzipped form a complete set.

Wheels are installed without a resolver (see prepare_windows_python.py), so this is
where a missing dependency is caught: every requirement given on the command line
(pyproject.toml's runtime dependencies) and every requirement of every installed
distribution, with its markers evaluated on Windows, must be met.
"""

from __future__ import annotations

import sys
from importlib import metadata

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name


def installed_versions() -> dict[str, str]:
    return {canonicalize_name(dist.metadata["Name"]): dist.version for dist in metadata.distributions()}


def unmet(requirement: Requirement, versions: dict[str, str]) -> str | None:
    if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
        return None
    version = versions.get(canonicalize_name(requirement.name))
    if version is None:
        return f"{requirement.name} is missing"
    if requirement.specifier and not requirement.specifier.contains(version, prereleases=True):
        return f"{requirement.name} {version} does not satisfy {requirement}"
    return None


def main(argv: list[str]) -> int:
    versions = installed_versions()
    problems: list[str] = []
    for text in argv:
        try:
            problem = unmet(Requirement(text), versions)
        except InvalidRequirement as exc:
            problem = f"pyproject.toml: {exc}"
        if problem:
            problems.append(f"pyproject.toml needs {text}: {problem}")
    for dist in metadata.distributions():
        for text in dist.requires or []:
            problem = unmet(Requirement(text), versions)
            if problem:
                problems.append(f"{dist.metadata['Name']} needs {text}: {problem}")
    if problems:
        for problem in problems:
            print(f"missing Windows dependency: {problem}", file=sys.stderr)
        print("Add the package, pinned, to packaging/windows-requirements.txt.", file=sys.stderr)
        return 1
    print(f"{len(versions)} Windows packages, all requirements met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
