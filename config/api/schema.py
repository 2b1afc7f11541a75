"""OpenAPI schema: every operation documents its errors, conditional headers and formats."""

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type, build_object_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

ERROR_SCHEMA = {
    "type": "object",
    "description": "The one shape of every error response.",
    "properties": {
        "status": {"type": "integer"},
        "code": {"type": "string"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string", "nullable": True},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
                "required": ["field", "code", "message"],
            },
        },
    },
    "required": ["status", "code", "detail", "errors"],
}

ERROR_DESCRIPTIONS = {
    400: "Invalid input: a filter, a page, a field, a constraint.",
    401: "The token is missing or invalid, and the operation needs one.",
    403: "The user lacks the permission for this operation.",
    404: "No such record that the caller may see, or a page past the end.",
    405: "The method is not allowed here.",
    406: "None of the accepted formats is available.",
    409: "The write conflicts with other records (e.g. the record is still referred to).",
    412: "If-Match names a version that is no longer current.",
    415: "The request body is not JSON.",
    429: "Too many requests; retry after the number of seconds in Retry-After.",
}
READ_ERRORS = (400, 401, 404, 405, 406, 429)
WRITE_ERRORS = (400, 401, 403, 404, 405, 406, 409, 412, 415, 429)


class AutoSchema(openapi.AutoSchema):
    # ``_get_response_bodies`` is drf-spectacular's private hook for an operation's responses (no
    # public one adds responses to every operation); pinned in pyproject.toml and by
    # tests/config/api/test_schema.py, which expects every operation's error responses.
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        method = self.method.upper()
        codes = READ_ERRORS if method in ("GET", "HEAD") else WRITE_ERRORS
        if method == "POST":
            codes = tuple(code for code in codes if code != 412)
        for code in codes:
            responses.setdefault(
                str(code),
                {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    "description": ERROR_DESCRIPTIONS[code],
                },
            )
        if method == "GET" and str(200) in responses:
            responses.setdefault("304", {"description": "Not modified: the ETag still matches."})
        return responses

    def get_auth(self):
        auth = super().get_auth()
        if self.method.upper() in ("GET", "HEAD") and {} not in auth:
            auth.append({})  # Reads are open to anonymous clients (within what they may see).
        return auth

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        method = self.method.upper()
        if method == "GET":
            parameters.append(
                OpenApiParameter(
                    "If-None-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    description="An ETag the client holds; 304 when it is still current.",
                )
            )
        if method in ("PUT", "PATCH", "DELETE"):
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    description="The ETag this write is based on; 412 when the record has changed since.",
                )
            )
        return parameters


REFERENCE_SCHEMA = build_object_type(
    properties={
        "id": build_basic_type(OpenApiTypes.INT),
        "slug": {**build_basic_type(OpenApiTypes.STR), "nullable": True},
        "name": build_basic_type(OpenApiTypes.STR),
        "url": {**build_basic_type(OpenApiTypes.URI), "nullable": True},
        "html_url": {**build_basic_type(OpenApiTypes.URI), "nullable": True},
    },
    required=["id", "slug", "name", "url", "html_url"],
    description="A related record: read as a reference, written as its slug.",
)


class ReferenceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "config.api.serializers.ReferenceField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "description": "The slug of a record the caller may see."}
        return {"$ref": "#/components/schemas/Reference"}


class PartialDateFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "config.api.serializers.PartialDateField"

    def map_serializer_field(self, auto_schema, direction):
        return {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "nullable": True,
            "description": "ISO 8601 at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.",
            "example": "2020-12",
        }


def components_hook(result, generator, request, public):
    """Add the shared Error and Reference components to the generated schema."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    schemas["Reference"] = REFERENCE_SCHEMA
    return result
