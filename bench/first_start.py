"""First start of a fresh clone: from `streamlit run app.py` (the README's first command, packages installed) until
the Overview is drawn in the browser, the database built on the way.

    python bench/first_start.py               # 3 runs
    python bench/first_start.py --runs 1

Each run clones this repository (`git clone`, the committed tree) into a temporary folder, so there is no
data/hrdash.duckdb, and runs `python -m streamlit run app.py` there on 127.0.0.1 with HRDASH_DB unset; Chromium (the
flags of tests/helpers/browser.py) opens the app as soon as the server answers, and the clock stops when the
Overview is drawn (bench/browser_speed.py's definition). Reported: the time until the server answered, until the
Overview was drawn, and the build's own time as the app logged it. Target (issue 16): ≤ 10 s. Output:
bench/results/first_start.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser_speed import DRAWN_JS, TIMEOUT_MS  # noqa: E402 (needs the root on sys.path)
from bench.common import RESULTS, wait_for_health  # noqa: E402
from tests.helpers.browser import VIEWPORT, free_port, launch_chromium  # noqa: E402

TARGET_S = 10.0


def one_run(browser) -> dict[str, float]:
    """Clone, start the app, open it; return seconds until the server answered and until the Overview was drawn."""
    with tempfile.TemporaryDirectory(prefix="hrdash-clone-") as tmp:
        clone = Path(tmp) / "hrdash"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        assert not (clone / "data" / "hrdash.duckdb").exists()
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in ("HRDASH_DB", "HRDASH_IMPORTS")}
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
               "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]  # fmt: skip
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=clone, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for_health(url)
            answered = time.perf_counter() - start
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            page.goto(url)
            page.wait_for_function(DRAWN_JS, arg=[False, None, True], polling="raf", timeout=TIMEOUT_MS * 2)
            drawn = time.perf_counter() - start
            context.close()
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    return {"server_answered_s": answered, "overview_drawn_s": drawn}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=RESULTS / "first_start.json")
    args = ap.parse_args()
    runs = []
    with launch_chromium() as browser:
        for i in range(args.runs):
            runs.append(one_run(browser))
            print(f"run {i + 1}: server answered {runs[-1]['server_answered_s']:.1f} s, Overview drawn "
                  f"{runs[-1]['overview_drawn_s']:.1f} s", flush=True)  # fmt: skip
    drawn = statistics.median(r["overview_drawn_s"] for r in runs)
    print(f"median: Overview drawn {drawn:.1f} s after `streamlit run` (target ≤ {TARGET_S:.0f} s)")
    summary = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "runs": runs, "median_drawn_s": drawn,
        "target_s": TARGET_S,
        "environment": {"python": platform.python_version(), "load_average": list(os.getloadavg())},
    }  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2))
    return 0 if drawn <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
