"""Every Django process (manage.py commands, gunicorn workers, the task worker, each test
worker) starts by setting Django up and importing the URLconf: the heavy libraries that draw,
sign or read files are imported where they are used, never on the way there."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = (
    "pyhanko",  # ≈ 0.5 s with aiohttp
    "asn1crypto",
    "fpdf",
    "fontTools",
    "PIL",
    "pypdf",
    "docx",
    "openpyxl",
    "rapidfuzz",
    "holidays",
)
PROBE = f"""
import json, sys
import django
django.setup()
import thidua.urls, thidua.wsgi
print(json.dumps(sorted(name for name in {HEAVY!r} if name in sys.modules)))
"""


def test_starting_django_imports_none_of_the_heavy_libraries():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "THIDUA_DEBUG": "true",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []
