"""Keep an exact copy of the Dialogue Atlas: the sync recipe of docs/api.md, complete.

    python sync_client.py https://atlas.example/api/v1 atlas-copy.json [--token KEY]

The first run exports every kind of record and notes the changes-feed cursor of the first export;
every later run follows the feed from the cursor it saved. The copy is one JSON file:
``{"cursor": "...", "records": {"events": {"12": {...}, ...}, "organisations": {...}, ...}}``.

Only the Python standard library is used, so the file runs anywhere; the test suite runs it
against a live server (tests/docs/test_sync_client.py).
"""

import argparse
import json
import logging
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

NOT_RECORDS = {"search", "changes"}  # the entries of the API root that are not kinds of record


class Interrupted(Exception):
    """An export stream ended before the count it announced."""


class AtlasCopy:
    def __init__(self, api: str, token: str | None = None):
        self.api = api.rstrip("/") + "/"
        self.token = token
        self.cursor: str | None = None
        self.records: dict[str, dict[str, dict]] = {}

    # HTTP --------------------------------------------------------------------------------------

    def open(self, url: str, attempts: int = 5):
        """GET ``url``; waits and retries on 429 (Retry-After), 503 and network errors."""
        headers = {"Accept": "application/json, application/x-ndjson"}
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        for attempt in range(attempts):
            try:
                return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60)
            except urllib.error.HTTPError as error:
                if error.code == 410:
                    raise  # the cursor expired: the caller starts again with an export
                if error.code not in (429, 502, 503, 504) or attempt == attempts - 1:
                    raise
                time.sleep(float(error.headers.get("Retry-After") or 2**attempt))
            except urllib.error.URLError:
                if attempt == attempts - 1:
                    raise
                time.sleep(2**attempt)
        raise AssertionError("unreachable")

    def get_json(self, url: str) -> dict:
        with self.open(url) as response:
            return json.load(response)

    # The first copy ----------------------------------------------------------------------------

    def kinds(self) -> dict[str, str]:
        """Each kind of record and its list URL, from the API root."""
        root = self.get_json(self.api)
        return {kind: url for kind, url in root.items() if kind not in NOT_RECORDS}

    def export(self, kind: str, list_url: str) -> str:
        """Copy every record of ``kind``; resume after the last id received if the stream breaks.
        Returns the changes cursor of the first request."""
        records, after, cursor = {}, 0, None
        for attempt in range(5):
            url = f"{list_url}export/?{urllib.parse.urlencode({'after': after})}"
            try:
                with self.open(url) as response:
                    cursor = cursor or response.headers["X-Changes-Cursor"]
                    expected, received = int(response.headers["X-Total-Count"]), 0
                    for line in response:
                        if line.strip():
                            record = json.loads(line)
                            records[str(record["id"])] = record
                            after, received = record["id"], received + 1
                    if received != expected:
                        raise Interrupted(f"{kind}: {received} of {expected} records")
                break
            except (Interrupted, OSError, ValueError):
                if attempt == 4:
                    raise
                # Resume after the last record received in full.
        self.records[kind] = records
        return cursor

    def first_copy(self) -> None:
        """Export every kind. The feed goes on from the cursor of the *first* export: every change
        committed after it began is in the feed, so nothing between the exports is lost."""
        self.records, cursor = {}, None
        for kind, url in self.kinds().items():
            exported_at = self.export(kind, url)
            cursor = cursor or exported_at
        self.cursor = cursor

    # Every night -------------------------------------------------------------------------------

    def follow_changes(self) -> int:
        """Apply the changes feed from the saved cursor until it has no more; how many were applied."""
        applied = 0
        while True:
            url = f"{self.api}changes/?{urllib.parse.urlencode({'cursor': self.cursor})}"
            try:
                page = self.get_json(url)
            except urllib.error.HTTPError as error:
                if error.code != 410:
                    raise
                self.first_copy()  # the cursor is older than what the server keeps: copy afresh
                return applied
            for change in page["changes"]:
                kind = self.records.setdefault(change["type"], {})
                if change["action"] == "upsert":
                    kind[str(change["id"])] = change["record"]
                else:
                    kind.pop(str(change["id"]), None)
                applied += 1
            self.cursor = page["cursor"]  # saved only once the page is applied
            if not page["more"]:
                return applied

    def sync(self) -> int:
        if self.cursor is None:
            self.first_copy()
            return sum(len(records) for records in self.records.values())
        return self.follow_changes()

    # The copy on disk --------------------------------------------------------------------------

    def load(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as file:
                saved = json.load(file)
        except FileNotFoundError:
            return
        self.cursor, self.records = saved["cursor"], saved["records"]

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as file:
            json.dump({"cursor": self.cursor, "records": self.records}, file, ensure_ascii=False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("api", help="the API root, e.g. https://atlas.example/api/v1")
    parser.add_argument("copy", help="the JSON file that holds the copy")
    parser.add_argument("--token", help="an API token (partners-only records, your drafts)")
    arguments = parser.parse_args(argv)
    copy = AtlasCopy(arguments.api, arguments.token)
    copy.load(arguments.copy)
    applied = copy.sync()
    copy.save(arguments.copy)
    logging.getLogger("sync_client").info("%d records copied or changed", applied)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.exit(main())
