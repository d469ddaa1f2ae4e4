"""The same input through every surface gives the same answer.

Each seed of ../shared/seeds goes through the CLI (`summit analyze`), through gRPC (a real
`summit serve` on loopback, called by `summit analyze --remote`) and through Python
(`summit_core.analyze` on the decoded `str`, its code-point offsets turned back into
bytes): the three documents must be equal. Each bad input must fail the same way on all
three. The server must stop cleanly on SIGTERM.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import summit_core

DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Server:
    """`summit serve` on a free loopback port."""

    def __init__(self, summit_bin: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [summit_bin, "serve", "--addr", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.wait_until_listening()

    def wait_until_listening(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"summit serve exited early: {self.process.stderr.read()}")  # type: ignore[union-attr]
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise AssertionError("summit serve did not start listening")

    def terminate(self) -> tuple[int, str]:
        """SIGTERM, then the exit status and everything it wrote on stderr."""
        self.process.send_signal(signal.SIGTERM)
        try:
            _, stderr = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise AssertionError("summit serve did not stop within 30 s of SIGTERM") from None
        return self.process.returncode, stderr


@pytest.fixture(scope="module")
def server(summit_bin: Path) -> Iterator[Server]:
    server = Server(summit_bin)
    yield server
    code, stderr = server.terminate()
    assert code == 0, stderr


def run_cli(summit_bin: Path, *args: str | Path) -> tuple[int, list[dict[str, Any]]]:
    proc = subprocess.run(
        [summit_bin, "analyze", "--format", "jsonl", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()]


def code_points_to_bytes(text: str) -> Callable[[int], int]:
    table = [0]
    for ch in text:
        table.append(table[-1] + len(ch.encode("utf-8")))
    return lambda i: table[i]


def with_offsets(doc: dict[str, Any], f: Callable[[int], int]) -> dict[str, Any]:
    """The contract dict with every `start`/`end`, at any depth, passed through `f`."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: f(v) if k in ("start", "end") and isinstance(v, int) else walk(v)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    result: dict[str, Any] = walk(doc)
    return result


def test_same_seed_same_document_on_every_surface(
    summit_bin: Path, seeds: list[Path], server: Server
) -> None:
    assert seeds
    code, local = run_cli(summit_bin, *seeds)
    assert code == 0
    code, remote = run_cli(summit_bin, "--remote", server.url, *seeds)
    assert code == 0
    assert len(local) == len(remote) == len(seeds)
    for path, cli_doc, grpc_doc in zip(seeds, local, remote):
        assert "error" not in cli_doc, cli_doc
        text = path.read_text(encoding="utf-8")
        py_doc = with_offsets(
            summit_core.analyze(text, id=str(path)).to_dict(), code_points_to_bytes(text)
        )
        assert cli_doc["id"] == str(path)
        assert grpc_doc == cli_doc, f"gRPC differs from the CLI on {path.name}"
        assert py_doc == cli_doc, f"Python differs from the CLI on {path.name}"
        assert cli_doc["paragraphs"], path.name


BAD_INPUTS: dict[str, tuple[bytes, type[summit_core.SummitError]]] = {
    "empty.txt": (b"", summit_core.EmptyInputError),
    "whitespace.txt": (b" \n\t\r\n \xc2\xa0 \n\n", summit_core.NoTextError),
    "binary.bin": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4, summit_core.BinaryInputError),
    "invalid-utf8.txt": (b"Talks in Gen\xe8ve\n\nThe talks ended.", summit_core.InvalidUtf8Error),
    "over-limit.txt": (b"a" * (DEFAULT_MAX_INPUT_BYTES + 1), summit_core.InputTooLargeError),
}


def test_bad_inputs_fail_the_same_way_on_every_surface(
    summit_bin: Path, server: Server, tmp_path: Path
) -> None:
    paths = []
    for name, (content, _) in BAD_INPUTS.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths.append(path)
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\nA sentence of body text.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    inputs = [*paths, good, missing]

    local_code, local = run_cli(summit_bin, *inputs)
    remote_code, remote = run_cli(summit_bin, "--remote", server.url, *inputs)
    assert local_code == remote_code == 1, "a bad input makes the exit status non-zero"
    assert len(local) == len(remote) == len(inputs), "never a missing line"
    assert local == remote

    for path, line in zip(paths, local):
        content, cls = BAD_INPUTS[path.name]
        assert line["id"] == str(path)
        assert line["error"]["kind"] == cls.kind, line
        with pytest.raises(cls) as info:
            summit_core.analyze(content, id=str(path))
        assert str(info.value) == line["error"]["message"]
    assert "error" not in local[-2] and local[-2]["id"] == str(good)
    assert local[-1]["error"]["kind"] == "io"


def test_attitudes_reach_every_surface(summit_bin: Path, server: Server, tmp_path: Path) -> None:
    text = (
        "Trade talks in Lagos\n\n"
        "Chidi Okafor fears that the talks will fail. "
        "The delegations will meet again on Monday, a spokeswoman said.\n"
    )
    path = tmp_path / "lagos.txt"
    path.write_text(text, encoding="utf-8")
    for args, attitudes, cues in [((), False, ["said"]), (("--attitudes",), True, ["fears", "said"])]:
        _, local = run_cli(summit_bin, *args, path)
        _, remote = run_cli(summit_bin, *args, "--remote", server.url, path)
        py_doc = with_offsets(
            summit_core.analyze(text, id=str(path), attitudes=attitudes).to_dict(),
            code_points_to_bytes(text),
        )
        assert local == remote == [py_doc]
        assert [q["cue"]["text"] for q in py_doc["quotes"]] == cues


def test_server_stops_cleanly_on_sigterm(summit_bin: Path) -> None:
    server = Server(summit_bin)
    code, stderr = server.terminate()
    assert code == 0, stderr
    assert "shutting down" in stderr and "stopped" in stderr
