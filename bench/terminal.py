"""A real terminal for the bench: a private tmux server, 120x40 panes, screens read by polling.

Times are taken with ``time.perf_counter``: a start is the moment just before the tmux command that
starts the program or sends the key; a screen's time is the moment its ``capture-pane`` returned
(so each time includes up to one poll interval and one capture, for the reference alike).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

WIDTH, HEIGHT = 120, 40
POLL_SECONDS = 0.004  # between captures; each capture is a tmux client process (~2-4 ms)


class TerminalTimeout(Exception):
    """What was waited for never showed; carries the last screen."""


def missing_reason() -> str | None:
    """Why the terminal measures cannot run here, or None if they can."""
    return None if shutil.which("tmux") else "tmux is not installed"


class Tmux:
    """One private tmux server (its own socket, no user config), kept alive by an idle session."""

    def __init__(self) -> None:
        self.socket = f"peeronboard-bench-{os.getpid()}"
        self._sessions = 0
        self.run("new-session", "-d", "-s", "keeper", "-x", str(WIDTH), "-y", str(HEIGHT), "sleep 86400")
        self._socket_path = Path(self.run("display-message", "-p", "-t", "keeper", "#{socket_path}").strip())

    def run(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, "-f", os.devnull, *args],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def close(self) -> None:
        """Stop the server and remove its socket (tmux leaves it behind)."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        self._socket_path.unlink(missing_ok=True)

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def start(self, command: list[str], env: dict[str, str], cwd: Path) -> Pane:
        """Start ``command`` in a fresh 120x40 session; the pane's ``started`` is just before. The
        program sees ``env`` and nothing else: the tmux server's own environment is the bench's, and a
        ``PYTHONDONTWRITEBYTECODE`` left in it (as a sandbox sets) had every start of the app compile
        its interface modules again, which a user's Python does once."""
        self._sessions += 1
        name = f"run{self._sessions}"
        line = shlex.join(["env", "-i", *(f"{key}={value}" for key, value in env.items()), *command])
        started = time.perf_counter()
        pid = self.run("new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", name, "-c", str(cwd),
                       "-x", str(WIDTH), "-y", str(HEIGHT), line)
        return Pane(self, name, int(pid), started)


class Pane:
    """A program running in a tmux session: its screen, its keys, its memory, its end."""

    def __init__(self, tmux: Tmux, name: str, pid: int, started: float) -> None:
        self.tmux, self.name, self.pid, self.started = tmux, name, pid, started

    def screen(self) -> str:
        try:
            return self.tmux.run("capture-pane", "-p", "-t", self.name)
        except RuntimeError as error:  # the program ended and its session with it
            raise TerminalTimeout(f"the program in {self.name} ended: {error}") from None

    def send(self, *keys: str, literal: bool = False) -> float:
        """Send keys; returns the moment just before tmux was asked to send them."""
        before = time.perf_counter()
        self.tmux.run("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)
        return before

    def wait(self, shows: Callable[[str], bool], since: float, settle: float = 0.0,
             timeout: float = 120.0) -> tuple[float, str]:
        """Seconds from ``since`` until the screen first looked as it does once ``shows`` holds and
        it has not changed for ``settle`` seconds; and that screen."""
        last, changed_at = None, since
        deadline = since + timeout
        while True:
            screen = self.screen()
            now = time.perf_counter()
            if screen != last:
                last, changed_at = screen, now
            if shows(screen) and now - changed_at >= settle:
                return changed_at - since, screen
            if now > deadline:
                raise TerminalTimeout(f"waited {timeout:.0f} s; the screen shows:\n{screen}")
            time.sleep(POLL_SECONDS)

    def peak_memory_kib(self) -> int:
        """The program's peak resident memory so far (the kernel's VmHWM), in KiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError("no VmHWM in /proc status")

    def close(self) -> None:
        """End the session and wait until its program has gone (so it takes no more CPU)."""
        subprocess.run(["tmux", "-L", self.tmux.socket, "kill-session", "-t", self.name],
                       capture_output=True)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{self.pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
