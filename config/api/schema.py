"""OpenAPI schema: every operation documents its errors, conditional headers and formats, and every
list's filters with the type their form field takes."""

from django import forms
from django_filters.fields import BaseCSVField
from drf_spectacular import openapi
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.drainage import has_override
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import (
    build_array_type,
    build_basic_type,
    build_object_type,
    build_parameter_type,
    get_manager,
    get_view_model,
)
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
    400: "Invalid input: a filter, a page size or cursor, a field, a constraint.",
    401: "The token is missing or invalid, and the operation needs one.",
    403: "The user lacks the permission for this operation.",
    404: "No such record that the caller may see.",
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
        if direction == "response":
            self._document_formats(responses)
        return responses

    def _document_formats(self, responses):
        """Each format's own schema: a CSV, iCalendar or NDJSON body is text, not the JSON schema.

        A renderer declares what it writes as ``openapi_schema``; JSON keeps the serializer's schema.
        """
        schemas = {
            renderer.media_type.split(";")[0]: renderer.openapi_schema
            for renderer in self.view.get_renderers()
            if getattr(renderer, "openapi_schema", None) is not None
        }
        for code, response in responses.items():
            if not str(code).startswith("2"):
                continue
            for media_type, content in response.get("content", {}).items():
                if media_type in schemas:
                    content["schema"] = dict(schemas[media_type])

    def get_filter_backends(self):
        # An export takes its list's filters (and streams every match, so it has no page).
        if getattr(self.view, "action", None) == "export":
            return getattr(self.view, "filter_backends", [])
        return super().get_filter_backends()

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


def value_schema(field: forms.Field) -> dict | None:
    """The schema of one value that a form field takes (``None``: not a field this knows)."""
    if isinstance(field, forms.ModelChoiceField):
        return build_basic_type(OpenApiTypes.STR)  # a record by its slug (``to_field_name``)
    if isinstance(field, forms.ChoiceField):
        return {
            **build_basic_type(OpenApiTypes.STR),
            "enum": [str(value) for value, _label in field.choices if value != ""],
        }
    if isinstance(field, forms.IntegerField):
        schema = build_basic_type(OpenApiTypes.INT)
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    if isinstance(field, forms.DecimalField | forms.FloatField):
        return build_basic_type(OpenApiTypes.NUMBER)
    if isinstance(field, forms.DateTimeField):
        return build_basic_type(OpenApiTypes.DATETIME)
    if isinstance(field, forms.DateField):
        return build_basic_type(OpenApiTypes.DATE)
    if isinstance(field, forms.NullBooleanField | forms.BooleanField):
        return build_basic_type(OpenApiTypes.BOOL)
    if isinstance(field, forms.CharField):
        return build_basic_type(OpenApiTypes.STR)
    return None


def parameter_schema(field: forms.Field) -> tuple[dict, str | None, bool | None] | None:
    """A query parameter's schema, style and explode for what its form field takes.

    Several values are an array: repeated (``?country=DE&country=CN``) for a multiple choice,
    comma-separated (``?ordering=-start,name``) for a CSV field.
    """
    if isinstance(field, BaseCSVField):
        item = value_schema(field)
        return (build_array_type(item), "form", False) if item is not None else None
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return build_array_type(value_schema(field)), "form", True
    schema = value_schema(field)
    return (schema, None, None) if schema is not None else None


class FilterSetExtension(DjangoFilterExtension):
    """Every filter's parameter as its form field takes it: ``year`` an integer within its bounds,
    ``country`` repeated country codes. drf-spectacular's own extension guesses from the model field
    (a date for ``year``, a list of lists for an array column); the form field is what is checked.
    A filter that declares its schema with ``extend_schema_field`` keeps it."""

    target_class = "django_filters.rest_framework.DjangoFilterBackend"
    match_subclasses = True
    priority = 1

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        model = get_view_model(auto_schema.view)
        if not model:
            return []
        filterset_class = self.target.get_filterset_class(auto_schema.view, get_manager(model).none())
        if not filterset_class:
            return []
        # A FilterSet of its own: its filters are copies, so building their form fields leaves
        # the class's filters (and their per-request querysets) as they were.
        filters = filterset_class(queryset=get_manager(model).none()).filters
        result = []
        for name, filter_ in filters.items():
            result += self.resolve_filter(auto_schema, model, filterset_class, name, filter_)
        return result

    def resolve_filter(self, auto_schema, model, filterset_class, name, filter_):
        method = self._get_filter_method(filterset_class, filter_)
        declared = has_override(filter_, "field") or has_override(method, "field")
        resolved = None if declared else parameter_schema(filter_.field)
        if resolved is None:
            return self.resolve_filter_field(auto_schema, model, filterset_class, name, filter_)
        schema, style, explode = resolved
        return [
            build_parameter_type(
                name=name,
                required=filter_.field.required,
                location=OpenApiParameter.QUERY,
                description=self._get_field_description(filter_, None),
                schema=schema,
                explode=explode,
                style=style,
            )
        ]


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
