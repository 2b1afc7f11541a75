"""The JSON parser of every write: malformed or too deeply nested JSON is a 400, never a 500."""

from django.utils.translation import gettext
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser; a body nested too deeply for the decoder is a parse error too.

    DRF turns only a ``ValueError`` into a ``ParseError``; ``"[" * 100000`` makes the decoder
    raise ``RecursionError`` instead.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(gettext("JSON parse error - the document is nested too deeply.")) from None
