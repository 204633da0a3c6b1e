"""The README names every system library the window's X11 plugin needs on Linux."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# The library Qt's xcb plugin loads → the Debian/Ubuntu package that has it.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def readme_packages() -> set[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"sudo apt-get install (.*?)\n```", text, re.S)
    assert block, "README: no apt-get line for the window's libraries"
    return set(block.group(1).replace("\\", " ").split())


def test_the_readme_names_the_packages():
    assert set(PACKAGES.values()) <= readme_packages()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries: Linux only")
@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is needed to read the plugin")
def test_every_x11_library_the_plugin_needs_is_in_the_readme():
    pyside = pytest.importorskip("PySide6")
    qt = Path(pyside.__file__).parent / "Qt"
    needed: set[str] = set()
    for binary in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"):
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True)
        needed |= {line.split()[0] for line in out.stdout.splitlines() if line.strip()}
    x11 = {name for name in needed if re.match(r"lib(xcb-|xkbcommon-x11)", name)}
    assert x11, "the plugin's libraries could not be read"
    assert x11 <= set(PACKAGES), f"not yet in the README: {sorted(x11 - set(PACKAGES))}"
