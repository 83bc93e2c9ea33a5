"""The code base stays ruff-clean (style, imports, likely bugs)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_check_passes():
    ruff = Path(sys.executable).parent / "ruff"
    proc = subprocess.run([str(ruff), "check", "--no-cache", str(ROOT)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_index_never_imports_assistant_or_ui():
    for path in (ROOT / "index").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "from assistant" not in text and "import assistant" not in text, path
        assert "from ui" not in text and "import ui" not in text, path
    for path in (ROOT / "assistant").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "from ui" not in text and "import ui" not in text, path


def test_modules_stay_small():
    for package in ("index", "assistant", "ui", "bench"):
        for path in (ROOT / package).rglob("*.py"):
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
