"""All three distributions import together and agree on the core version they were built against."""

import ai_sdk
import ai_sdk_gateway
import ai_sdk_openai_compatible


def test_all_import_together() -> None:
    versions = {
        ai_sdk.__version__,
        ai_sdk_gateway.__version__,
        ai_sdk_openai_compatible.__version__,
    }
    assert all(v.count(".") == 2 for v in versions)
