"""A forked child can still analyse batches after the parent used the thread pool."""

from __future__ import annotations

import os
import sys
import warnings

import pytest

import summit_core

ARTICLE = "Headline\n\nThe body of the article, with a sentence or two."


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_batch_in_forked_child_does_not_hang() -> None:
    summit_core.analyze_batch([ARTICLE] * 8)  # the parent's pool is now running
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking a multi-threaded process: that is the point.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            results = summit_core.analyze_batch([ARTICLE] * 4)
            code = 0 if all(isinstance(r, summit_core.Document) for r in results) else 1
        finally:
            sys.stdout.flush()
            os._exit(code)
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0
            return
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pytest.fail("the forked child hung in analyze_batch")
