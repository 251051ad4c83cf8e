"""Smoke test of the frozen desktop build, run from its own files only.

    python3 packaging/smoke_test.py [FOLDER] [--full] [--json]

FOLDER is the built folder (default dist/assessor) or an installed one (/opt/assessor). Everything
runs in an empty temporary home outside the source tree, with no virtual environment, PYTHONPATH or
Python of ours on the path, so a module or data file the build forgot fails here as it would on a
workshop's PC. The steps:

1. ``assessor demo --headless --no-sync``: a whole assessment with simulated camera and vehicle,
   sealed (video, CAN log, PDF records in five languages);
2. ``assessor verify`` on its bundle and on its archive;
3. the window, offscreen, until its "ready" log line (with the times to its first painted frame and
   to ready: the store open, the list shown), then closed; again on
   a real X server (Xvfb) through Qt's xcb plugin where Xvfb is installed;
4. ``assessor provider serve`` until it answers ``/health`` on loopback;
5. with ``--full``: ``assessor provider demo --no-serve`` (a cohort delivered over HTTP, moderation,
   face-blurred media made by worker processes, credentials issued and their EDCs validated against
   the ELM shapes), then the credentials exported and one checked with ``assessor credential verify``.

It fails on a non-zero exit, a traceback, a missing module or a Qt plugin that did not load, in any
output or log. Exit status 0 when every step passed. Uses only the standard library: it runs with
any Python 3.11+, none of the app's packages needed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

#: what a frozen build that forgot something prints (PyInstaller, Python, Qt)
BROKEN = re.compile(
    r"Traceback \(most recent call last\)|ModuleNotFoundError|No module named|ImportError|"
    r"Could not (find|load) the Qt platform plugin|qt\.qpa\.plugin: Could not|Cannot load library|"
    r"Failed to execute script|FileNotFoundError|unhandled error",
)
STEP_TIMEOUT_S = 600
READY_TIMEOUT_S = 60


class SmokeFailure(Exception):
    pass


class MachineLacks(SmokeFailure):
    """The machine lacks what the window needs from the system, and the app said which."""


#: the app's exit status when the system lacks Qt's libraries (assessor_app.app.EXIT_NO_PLATFORM)
EXIT_NO_PLATFORM = 3


@dataclass
class Smoke:
    folder: Path
    work: Path
    figures: dict[str, float] = field(default_factory=dict)
    passed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: how to start the app (default: the folder's executable); the start-up benchmark gives the
    #: source install's command here
    command: list[str] | None = None

    def argv(self, *args: str) -> list[str]:
        exe = str(self.folder / ("assessor.exe" if os.name == "nt" else "assessor"))
        return [*(self.command or [exe]), *args]

    def env(self, **extra: str) -> dict[str, str]:
        """A workshop PC's environment: a fresh home, the system's path, nothing of the build's."""
        home = self.work / "home"
        home.mkdir(exist_ok=True)
        system_path = os.pathsep.join(p for p in os.defpath.split(os.pathsep) if p) or "/usr/bin:/bin"
        env = {"PATH": system_path, "HOME": str(home), "LANG": "C.UTF-8", "TMPDIR": str(self.work)}
        for keep in ("SYSTEMROOT", "WINDIR", "USERPROFILE", "LOCALAPPDATA", "APPDATA", "TEMP", "TMP"):
            if keep in os.environ and os.name == "nt":
                env[keep] = os.environ[keep]
        env.update(extra)
        return env

    def check_text(self, what: str, text: str) -> None:
        found = BROKEN.search(text)
        if found:
            start = max(0, found.start() - 600)
            raise SmokeFailure(f"{what}: {found.group(0)!r} in its output:\n{text[start:found.end() + 1500]}")

    def run(self, what: str, *args: str, timeout: float = STEP_TIMEOUT_S, **env: str) -> str:
        started = time.monotonic()
        proc = subprocess.run(self.argv(*args), cwd=self.work, env=self.env(**env), capture_output=True,
                              text=True, timeout=timeout, check=False)
        output = proc.stdout + proc.stderr
        self.figures[f"{what} (s)"] = round(time.monotonic() - started, 2)
        if proc.returncode != 0:
            raise SmokeFailure(f"{what}: exit status {proc.returncode}\n{output[-4000:]}")
        self.check_text(what, output)
        self.passed.append(what)
        return output

    def headless_demo(self) -> Path:
        out = self.run("demo --headless --no-sync", "demo", "--headless", "--no-sync",
                       "--data-dir", str(self.work / "demo"))
        found = re.search(r"^Sealed bundle: (\S+)", out, re.MULTILINE)
        if not found:
            raise SmokeFailure(f"demo: no sealed bundle named in its output:\n{out[-2000:]}")
        bundle = Path(found.group(1))
        if not (bundle / "assessment-record.en.pdf").is_file():
            raise SmokeFailure(f"demo: {bundle} has no PDF record")
        return bundle

    def verify(self, bundle: Path) -> None:
        self.run("verify bundle", "verify", str(bundle))
        self.run("verify archive", "verify", f"{bundle}.tar")

    def window(self, name: str = "window", **platform: str) -> None:
        """The window (offscreen unless told otherwise) until it is ready; on the first start, an
        empty machine: data and logs in the platform's usual folders."""
        env = self.env(**(platform or {"QT_QPA_PLATFORM": "offscreen"}))
        log = Path(env["HOME"]) / ".local" / "state" / "assessor" / "log" / "assessor.log"
        if os.name == "nt":
            log = Path(env["LOCALAPPDATA"]) / "assessor" / "assessor" / "Logs" / "assessor.log"
        before = log.read_text(encoding="utf-8") if log.exists() else ""
        started = time.monotonic()
        proc = subprocess.Popen(self.argv(), cwd=self.work, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        try:
            while True:
                text = log.read_text(encoding="utf-8")[len(before):] if log.exists() else ""
                if "painted: " in text and f"{name} painted (s)" not in self.figures:
                    self.figures[f"{name} painted (s)"] = round(time.monotonic() - started, 2)
                if "ready: window shown" in text:
                    self.figures[f"{name} ready (s)"] = round(time.monotonic() - started, 2)
                    break
                if proc.poll() is not None:
                    out = proc.stdout.read() if proc.stdout else ""
                    if proc.returncode == EXIT_NO_PLATFORM and "system librar" in out:
                        raise MachineLacks(out.strip().splitlines()[0])
                    raise SmokeFailure(f"{name}: ended with status {proc.returncode} before it was "
                                       f"ready\n{out[-3000:]}\n{text[-3000:]}")
                if time.monotonic() - started > READY_TIMEOUT_S:
                    raise SmokeFailure(f"{name}: no 'ready' line in {log} after {READY_TIMEOUT_S} s\n{text}")
                time.sleep(0.05)
        finally:
            stop(proc)
        out = proc.stdout.read() if proc.stdout else ""
        self.check_text(name, out + log.read_text(encoding="utf-8")[len(before):])
        data = Path(env["HOME"]) / ".local" / "share" / "assessor"
        if os.name != "nt" and not (data / "assessor.db").is_file():
            raise SmokeFailure(f"{name}: no database in the platform's data folder {data}")
        self.passed.append(f"{name} ready")

    def window_on_x11(self) -> None:
        """The window on a real X server (Xvfb), through Qt's xcb plugin and the system's X libraries."""
        xvfb = shutil.which("Xvfb")
        if xvfb is None or os.name == "nt":
            return
        read, write = os.pipe()
        server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24",
                                   "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        os.close(write)
        try:
            with os.fdopen(read) as answer:
                display = answer.readline().strip()
            if not display:
                raise SmokeFailure("Xvfb did not start")
            try:
                self.window("window on X11", QT_QPA_PLATFORM="xcb", DISPLAY=f":{display}")
            except MachineLacks as exc:  # this machine's fault, which the app said as it should
                self.skipped.append(f"window on X11: {exc}")
        finally:
            stop(server)

    def provider(self) -> None:
        folder = self.work / "provider"
        proc = subprocess.Popen(self.argv("provider", "serve", "--folder", str(folder), "--port", "0"),
                                cwd=self.work, env=self.env(), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        lines = []
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if line.startswith("Serving on "):
                    url = line.split()[2].rstrip("/")
                    with urllib.request.urlopen(f"{url}/health", timeout=10) as answer:  # noqa: S310
                        if answer.status != 200:
                            raise SmokeFailure(f"provider serve: /health answered {answer.status}")
                    break
            else:
                raise SmokeFailure("provider serve: ended before serving\n" + "".join(lines)[-3000:])
        finally:
            stop(proc)
        self.check_text("provider serve", "".join(lines) + (proc.stdout.read() if proc.stdout else ""))
        self.passed.append("provider serve")

    def full(self) -> None:
        folder = self.work / "provider-demo"
        self.run("provider demo", "provider", "demo", "--folder", str(folder), "--no-serve", "--port", "0")
        exported = self.work / "credentials"
        self.run("credentials export", "provider", "credentials", "export", "--folder",
                 str(folder / "provider"), "--out", str(exported))
        jwts = sorted(exported.glob("*.ob3.jwt"))
        if not jwts:
            raise SmokeFailure(f"credentials export: no credential in {exported}")
        self.run("credential verify", "credential", "verify", str(jwts[0]), "--jwks",
                 str(exported / "issuer.jwks.json"))


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default="dist/assessor")
    parser.add_argument("--full", action="store_true", help="also the provider demo and a credential check")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary home (its path is printed)")
    args = parser.parse_args(argv)
    folder = Path(args.folder).resolve()
    if not (folder / ("assessor.exe" if os.name == "nt" else "assessor")).is_file():
        print(f"smoke_test.py: no frozen build in {folder} (build it: packaging/build-desktop.sh)",
              file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="assessor-smoke-"))
    smoke = Smoke(folder, work)
    try:
        bundle = smoke.headless_demo()
        smoke.verify(bundle)
        smoke.window()
        smoke.window_on_x11()
        smoke.provider()
        if args.full:
            smoke.full()
    except (SmokeFailure, subprocess.TimeoutExpired, OSError) as exc:
        print(f"FAILED after {', '.join(smoke.passed) or 'nothing'}: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps({"passed": smoke.passed, "skipped": smoke.skipped, "figures": smoke.figures},
                         indent=2))
    else:
        print(f"passed: {', '.join(smoke.passed)}")
        for reason in smoke.skipped:
            print(f"not tried: {reason}")
        for name, value in smoke.figures.items():
            print(f"  {name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
