"""Vendor the public views' JavaScript from the npm registry into the site's static files.

    python scripts/vendor_js.py          fetch every package in vendor_js.json, check, copy, record
    python scripts/vendor_js.py --check  only check the copies against the recorded sha256 (no network)

Each package is pinned by version and by the registry's integrity (sha512 of its tarball); a tarball
that does not match is refused. The copies are committed, so running the atlas never needs node, npm
or the network. To upgrade, change a version and its integrity (``npm view <name>@<version>
dist.integrity``) and run the script again.
"""

import base64
import hashlib
import io
import json
import logging
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = Path(__file__).with_suffix(".json")

logger = logging.getLogger("vendor_js")


def load() -> dict:
    return json.loads(MANIFEST.read_text())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(registry: str, package: dict) -> bytes:
    name, version = package["name"], package["version"]
    url = f"{registry}/{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"
    with urllib.request.urlopen(url, timeout=60) as response:
        tarball = response.read()
    algorithm, _, expected = package["integrity"].partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise SystemExit(
            f"{name}@{version}: the tarball's {algorithm} is {actual}, not the pinned {expected}"
        )
    return tarball


def vendor(manifest: dict) -> None:
    destination = ROOT / manifest["destination"]
    hashes = {}
    for package in manifest["packages"]:
        tarball = fetch(manifest["registry"], package)
        with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
            for source, target in package["files"].items():
                member = archive.extractfile(f"package/{source}")
                if member is None:
                    raise SystemExit(f"{package['name']}: no file {source} in its tarball")
                path = destination / target
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(member.read())
                hashes[target] = sha256(path)
        logger.info("%s@%s: %d files", package["name"], package["version"], len(package["files"]))
    manifest["sha256"] = dict(sorted(hashes.items()))
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


def check(manifest: dict) -> list[str]:
    """What differs between the copies and the record: missing, changed or unrecorded files."""
    destination = ROOT / manifest["destination"]
    recorded = manifest.get("sha256", {})
    expected = {target for package in manifest["packages"] for target in package["files"].values()}
    problems = [
        f"{target}: named by a package but not recorded" for target in sorted(expected - set(recorded))
    ]
    for target, digest in recorded.items():
        path = destination / target
        if not path.exists():
            problems.append(f"{target}: missing")
        elif sha256(path) != digest:
            problems.append(f"{target}: changed since it was vendored")
    present = {str(path.relative_to(destination)) for path in destination.rglob("*") if path.is_file()}
    problems += [f"{target}: not from a pinned package" for target in sorted(present - set(recorded))]
    return problems


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    manifest = load()
    if "--check" not in sys.argv[1:]:
        vendor(manifest)
    problems = check(load())
    for problem in problems:
        logger.error(problem)
    if not problems:
        logger.info("every vendored file matches its pinned package")
    sys.exit(1 if problems else 0)
