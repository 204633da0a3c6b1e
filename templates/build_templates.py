"""Build templates/brief.docx and templates/persbericht.docx from their JSON manifests.

The entry point of `make templates`; the builders are build_brief.py and build_persbericht.py,
their shared parts template_parts.py (all beside this script).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_brief import build_brief
from build_persbericht import build_persbericht
from template_parts import TEMPLATE_NAMES, TEMPLATES_DIR, load_manifest, write_docx

BUILDERS = {"brief": build_brief, "persbericht": build_persbericht}


def build_all(out_dir: Path, manifest_dir: Path = TEMPLATES_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TEMPLATE_NAMES:
        manifest = load_manifest(name, manifest_dir)
        path = out_dir / f"{name}.docx"
        write_docx(BUILDERS[manifest["kind"]](manifest), path)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=TEMPLATES_DIR,
        help="where to write the .docx files (default: next to this script)",
    )
    args = parser.parse_args(argv)
    for path in build_all(args.out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
