"""A job for the worker tests: its first run hangs (the worker is killed during it), a later
run finishes at once. Each run leaves a file in ``folder`` (started-N, done)."""

import time
from pathlib import Path

from django_tasks import task


@task()
def hang_first_time(folder: str) -> str:
    path = Path(folder)
    runs = len(list(path.glob("started-*")))
    (path / f"started-{runs + 1}").write_text("")
    if runs == 0:
        time.sleep(300)
    (path / "done").write_text(str(runs + 1))
    return "done"


@task()
def quick(folder: str) -> str:
    (Path(folder) / "quick").write_text("ok")
    return "ok"
