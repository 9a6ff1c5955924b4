"""`python -m ai_sdk`: the `ai-sdk` command line."""

import sys

from ai_sdk.cli import main

if __name__ == "__main__":
    sys.exit(main())
