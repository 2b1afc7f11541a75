"""The vendored JavaScript is exactly what its pinned packages hold (scripts/vendor_js.py)."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("vendor_js", ROOT / "scripts" / "vendor_js.py")
vendor_js = importlib.util.module_from_spec(spec)
spec.loader.exec_module(vendor_js)


def test_every_vendored_file_matches_its_pinned_package():
    assert vendor_js.check(vendor_js.load()) == []


def test_a_changed_or_stray_file_is_noticed(tmp_path):
    manifest = vendor_js.load()
    for target in manifest["sha256"]:
        copy = tmp_path / target
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes((ROOT / manifest["destination"] / target).read_bytes())
    (tmp_path / "d3" / "d3.min.js").write_text("/* edited by hand */")
    (tmp_path / "stray.js").write_text("")
    manifest["destination"] = str(tmp_path)
    assert vendor_js.check(manifest) == [
        "d3/d3.min.js: changed since it was vendored",
        "stray.js: not from a pinned package",
    ]


def test_every_package_is_pinned_with_its_licence():
    manifest = json.loads((ROOT / "scripts" / "vendor_js.json").read_text())
    for package in manifest["packages"]:
        assert package["integrity"].startswith("sha512-")
        assert package["licence"]
        assert any(target.endswith("LICENSE") for target in package["files"].values()), package["name"]
