"""OpenAPI schema: every operation documents the errors it can answer, its conditional headers and
formats, and every list's filters with the type their form field takes; every JSON body has an
example, and the operations are linked (create → the record, list → detail, reference → detail)."""

import re

from django import forms
from django.core.exceptions import FieldDoesNotExist
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
    force_instance,
    get_manager,
    get_view_model,
)
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, serializers

from config.api.changes import CursorExpired
from config.api.exceptions import (
    Conflict,
    IdempotencyKeyReused,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    error_body,
    exception_handler,
)
from config.api.languages import PARAMETER as LANGUAGE_PARAMETER
from config.api.languages import language_codes, parameter_values
from config.api.serializers import ReferenceField

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
    400: "Invalid input: a filter, a page size or cursor, a field, a constraint; `errors` names each.",
    401: "The token is missing and the operation needs one, or a token was sent that is not valid.",
    403: "The user lacks the permission for this operation; the message names it.",
    404: "No such record that the caller may see.",
    406: "None of the accepted formats is available.",
    409: "The write conflicts with other records (e.g. the record is still referred to).",
    410: "The cursor is older than the changes the server keeps: make a new copy from the exports.",
    412: "If-Match names a version that is no longer current: fetch the record again.",
    413: "The request body is larger than the limit.",
    415: "The request body is not JSON.",
    422: "The Idempotency-Key was sent before with another request: use a new key for a new request.",
    428: "The write needs an If-Match header naming the version it is based on.",
    429: "Too many requests; retry after the number of seconds in Retry-After.",
}
PATH_PARAMETER = re.compile(r"\{(\w+)\}")


def error_statuses(method: str, *, has_body: bool, finds_record: bool, paginated: bool) -> list[int]:
    """The error statuses an operation can answer, and only those (405 is no operation's: a method
    an address does not take is not in the schema).

    Every operation: 400 (a query parameter it does not take), 401 (a token that is not valid),
    406 (``Accept``), 429. A record addressed by the path is 404 when the caller may not see it, a
    page past the end of a list is 404 too. A write needs permissions (403) and may conflict (409);
    one that sends a body may send too much (413) or not JSON (415); one that names a stored
    version may name an old one (412), or none where one is required (428).
    """
    statuses = {400, 401, 406, 429}
    if finds_record or paginated:
        statuses.add(404)
    if method not in ("GET", "HEAD"):
        statuses |= {403, 409}
        if has_body:
            statuses |= {413, 415}
        if finds_record:
            statuses |= {412, 428}
    return sorted(statuses)


# What only the view knows, carried on each operation until ``operations_hook`` reads it (below).
MODEL_KEY = "x-atlas-model"
REFERENCES_KEY = "x-atlas-references"
# The host of every URL in the examples (the schema does not know where it is served).
EXAMPLE_HOST = "https://atlas.example"
DETAIL_PATH = re.compile(r"(?P<collection>.*/)\{(?P<parameter>\w+)\}/")
WRITE_METHODS = ("put", "patch", "delete")


def referenced_model(serializer, field):
    """The model a reference field (or a list of them) of ``serializer`` points at, else ``None``."""
    relation = getattr(field, "child_relation", field)
    if not isinstance(relation, ReferenceField):
        return None
    if getattr(relation, "queryset", None) is not None:
        return relation.queryset.model
    try:
        return serializer.Meta.model._meta.get_field(field.source).related_model
    except (AttributeError, FieldDoesNotExist):
        return None


class OperationMarkers:
    """``AutoSchema``'s part in the links: the view's model and the reference fields it shows."""

    def get_extensions(self):
        extensions = dict(super().get_extensions())
        model = get_view_model(self.view, emit_warnings=False)
        if model is not None:
            extensions[MODEL_KEY] = model._meta.label_lower
        references = self.response_references()
        if references:
            extensions[REFERENCES_KEY] = references
        return extensions

    def response_references(self) -> dict[str, dict]:
        """``{field: {"model": label, "many": bool}}`` for each reference the JSON response shows;
        a reference inside a nested row as ``row.field`` (the examples use those too; links do not)."""
        serializer = force_instance(self.get_response_serializers())
        if not isinstance(serializer, serializers.Serializer) or getattr(serializer, "many", False):
            return {}
        return serializer_references(serializer)


def serializer_references(serializer, prefix: str = "", depth: int = 0) -> dict[str, dict]:
    references = {}
    for name, field in serializer.fields.items():
        model = referenced_model(serializer, field)
        if model is not None:
            references[prefix + name] = {
                "model": model._meta.label_lower,
                "many": isinstance(field, serializers.ManyRelatedField),
            }
        nested = getattr(field, "child", field)
        if isinstance(nested, serializers.Serializer) and depth < 2:
            references.update(serializer_references(nested, f"{prefix}{name}.", depth + 1))
    return references


class AutoSchema(OperationMarkers, openapi.AutoSchema):
    # ``_get_response_bodies`` is drf-spectacular's private hook for an operation's responses (no
    # public one adds responses to every operation); pinned in pyproject.toml and by
    # tests/config/api/test_schema.py, which expects every operation's error responses.
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        method = self.method.upper()
        codes = error_statuses(
            method,
            has_body=method in ("POST", "PUT", "PATCH"),
            finds_record=bool(PATH_PARAMETER.search(self.path)),
            # A list that pages (a viewset's list action; its export streams without pages).
            paginated=method == "GET"
            and getattr(self.view, "detail", None) is False
            and getattr(self.view, "paginator", None) is not None,
        )
        # Statuses only one view answers (the changes feed's 410), named by the view.
        codes = sorted({*codes, *getattr(self.view, "error_statuses", ())})
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
        parameters.append(
            OpenApiParameter(
                LANGUAGE_PARAMETER,
                OpenApiTypes.STR,
                enum=parameter_values(),
                description="The language of the translated texts and messages (instead of "
                "Accept-Language; English when neither names one). `all`: English, and every "
                "translated field's texts in each language as `<field>_translations`. A write's "
                "translated fields are written in this language.",
            )
        )
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
            return {
                "type": "string",
                "description": "The slug of a record the caller may see.",
                "pattern": r"^[-a-zA-Z0-9_]+$",
                "minLength": 1,
                "maxLength": 120,
            }
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


class TranslationsFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "config.api.serializers.TranslationsField"

    def map_serializer_field(self, auto_schema, direction):
        text = {"type": "string", "nullable": True}
        if self.target.max_length is not None:
            text["maxLength"] = self.target.max_length
        described = (
            "Shown only with `lang=all`."
            if direction == "response"
            else "Sets the languages named (null clears one) and leaves the others."
        )
        return {
            "type": "object",
            "properties": {language: dict(text) for language in language_codes()},
            "additionalProperties": False,
            "description": f"`{self.target.translated}` in every language, null where it has no text. "
            + described,
            "example": {"en": "Emissions trading", "de": "Emissionshandel", "zh-hans": None},
        }


class FallbacksFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "config.api.serializers.FallbacksField"

    def map_serializer_field(self, auto_schema, direction):
        return {
            "type": "object",
            "additionalProperties": {"type": "string", "enum": language_codes()},
            "readOnly": True,
            "description": "The texts of this object shown in another language than the one asked "
            "for, each with the language it is in: its own fields (`summary`) and the names of the "
            "records it refers to (`dialogue.name`, `topics[0].name`). Empty when none fell back.",
            "example": {},
        }


def components_hook(result, generator, request, public):
    """Add the shared Error and Reference components to the generated schema."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    schemas["Reference"] = REFERENCE_SCHEMA
    return result


def resolve(schema: dict, components: dict) -> dict:
    """``schema`` with a ``$ref`` (or an ``allOf`` of one schema) followed to what it names."""
    while True:
        if "$ref" in schema:
            schema = components[schema["$ref"].rsplit("/", 1)[1]]
        elif len(schema.get("allOf", ())) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def json_contents(holder: dict):
    """The JSON media types of a request body or a response, with a schema."""
    for media_type, content in holder.get("content", {}).items():
        if media_type.split(";")[0].strip() == "application/json" and "schema" in content:
            yield content


class Operations:
    """The paths of a schema by what they address: a collection and the detail of one of its items."""

    def __init__(self, paths: dict):
        self.paths = paths
        # collection path → (detail path, its parameter)
        self.details = {}
        for path in paths:
            match = DETAIL_PATH.fullmatch(path)
            if match:
                self.details[match["collection"]] = (path, match["parameter"])
        # model label → (its detail path, its parameter)
        self.detail_of_model = {}
        for path, parameter in self.details.values():
            model = paths[path].get("get", {}).get(MODEL_KEY)
            if model is not None:
                self.detail_of_model[model] = (path, parameter)

    def detail_path(self, path: str) -> tuple[str, str] | None:
        """The detail path (and parameter) of the records ``path`` lists or addresses."""
        if path in self.details:
            return self.details[path]
        match = DETAIL_PATH.fullmatch(path)
        return (path, match["parameter"]) if match else None


def link(operation: dict, parameter: str, pointer: str, description: str) -> dict:
    return {
        "operationId": operation["operationId"],
        "parameters": {parameter: f"$response.body#{pointer}"},
        "description": description,
    }


def items_property(schema: dict, components: dict, parameter: str) -> str | None:
    """The property of a list response that holds its records (``results``), found by its shape."""
    for name, value in resolve(schema, components).get("properties", {}).items():
        value = resolve(value, components)
        if value.get("type") == "array":
            item = resolve(value.get("items", {}), components)
            if parameter in item.get("properties", {}):
                return name
    return None


def operation_links(path: str, method: str, operation: dict, operations: Operations, components) -> dict:
    """The links of one operation's success response, by name.

    A create leads to the record it made, a list to the detail of its first record, a detail (read
    or written) to the writes of the same record, and a reference it shows to the referenced
    record's detail: each by the key the detail's path takes (``slug``, or ``id`` for rows).
    """
    links = {}
    is_collection = path in operations.details
    target = operations.detail_path(path)
    if target is not None:
        detail, parameter = target
        targets = operations.paths[detail]
        if is_collection and method == "post":
            for other in ("get", *WRITE_METHODS):
                if other in targets:
                    name = targets[other]["operationId"]
                    links[name] = link(targets[other], parameter, f"/{parameter}", "The record just created.")
        elif is_collection and method == "get" and "get" in targets:
            for content in json_contents(operation["responses"].get("200", {})):
                items = items_property(content["schema"], components, parameter)
                if items is not None:
                    links[targets["get"]["operationId"]] = link(
                        targets["get"], parameter, f"/{items}/0/{parameter}", "The first record of the page."
                    )
        elif not is_collection and method in ("get", "put", "patch"):
            for other in ("get", *WRITE_METHODS):
                if other in targets and other != method:
                    name = targets[other]["operationId"]
                    links[name] = link(targets[other], parameter, f"/{parameter}", "The same record.")
    if not (is_collection and method == "get"):
        for field, reference in operation.get(REFERENCES_KEY, {}).items():
            if "." in field:
                continue  # A reference inside a nested row: in the examples, not linked.
            referenced = operations.detail_of_model.get(reference["model"])
            if referenced is None or "get" not in operations.paths[referenced[0]]:
                continue
            detail, parameter = referenced
            pointer = f"/{field}/0/{parameter}" if reference["many"] else f"/{field}/{parameter}"
            description = f"The record `{field}` refers to" + (" (the first)." if reference["many"] else ".")
            links[field] = link(operations.paths[detail]["get"], parameter, pointer, description)
    return links


def success_response(operation: dict) -> dict | None:
    for code in ("201", "200"):
        if code in operation["responses"]:
            return operation["responses"][code]
    return None


def operations_hook(result, generator, request, public):
    """Add the links between operations and the examples of every JSON body; drop the markers."""
    components = result.get("components", {}).get("schemas", {})
    operations = Operations(result["paths"])
    for path, path_item in result["paths"].items():
        for method, operation in path_item.items():
            response = success_response(operation)
            if response is not None:
                links = operation_links(path, method, operation, operations, components)
                if links:
                    response["links"] = links
            add_examples(path, method, operation, operations, components)
    for path_item in result["paths"].values():
        for operation in path_item.values():
            operation.pop(MODEL_KEY, None)
            operation.pop(REFERENCES_KEY, None)
    return result


# Examples: one value of a schema, made from the schema, so that it validates against it. ---------

PATTERN_CANDIDATES = ("{slug}", "example", "2024-05", "1250000.00", "2024")
STRING_FORMATS = {
    "date-time": "2024-05-14T09:30:00Z",
    "date": "2024-05-14",
    "email": "office@atlas.example",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
}


class Examples:
    """Example values of the schemas of one operation, each valid against its schema.

    ``record`` is the detail path (and its parameter) of the operation's records, for their own
    ``slug``, ``url`` and ``html_url``; ``references`` maps each reference field (``row.field`` inside
    a nested row) to the detail path of the kind of record it refers to, for the reference's ``url``.
    Everything else comes from the schema: its ``example``, the first of an ``enum``, a value of its
    ``format`` or ``pattern`` within its bounds, the field's name as text.
    """

    def __init__(self, components: dict, record: tuple[str, str] | None, references: dict):
        self.components = components
        self.record = record
        self.references = references
        # Where the records themselves are: the body, or the items of a list's page.
        self.records_at = {""}

    def url(self, detail: tuple[str, str] | None, slug: str) -> str | None:
        if detail is None:
            return None
        path, parameter = detail
        return EXAMPLE_HOST + path.replace("{" + parameter + "}", "1" if parameter == "id" else slug)

    def value(self, schema: dict, name: str = "", depth: int = 0, at: str = ""):
        if len(schema.get("allOf", ())) == 1 and "$ref" not in schema:
            schema = {**schema["allOf"][0], **{key: v for key, v in schema.items() if key != "allOf"}}
        if "$ref" in schema and schema["$ref"].endswith("/Reference"):
            return self.reference(name, self.references.get(at))
        schema = resolve(schema, self.components)
        if "example" in schema:
            return schema["example"]
        if "enum" in schema:
            return next((value for value in schema["enum"] if value not in ("", None)), schema["enum"][0])
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self.value(schema[key][0], name, depth, at)
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            return self.object(schema, depth, at)
        if kind == "array":
            return self.array(schema, name, depth, at)
        if kind == "integer":
            return self.number(schema, 1)
        if kind == "number":
            return float(self.number(schema, 0))
        if kind == "boolean":
            return True
        if kind == "string":
            return self.string(schema, name)
        return None

    def object(self, schema: dict, depth: int, at: str) -> dict:
        own = at in self.records_at
        value = {}
        for name, property_schema in schema.get("properties", {}).items():
            if depth > 3 and name not in schema.get("required", ()):
                continue
            where = name if own else f"{at}.{name}"
            value[name] = self.property(name, property_schema, depth, where, own=own)
        return value

    def property(self, name: str, schema: dict, depth: int, at: str, *, own: bool):
        if own and self.record is not None:
            # The record's own key and addresses, as its detail path takes them.
            if name == "slug" and self.record[1] == "slug":
                return "example"
            if name == "url":
                return self.url(self.record, "example")
            if name == "html_url":
                return EXAMPLE_HOST + "/" + self.record[0].rstrip("/").split("/")[-2] + "/example/"
        return self.value(schema, name, depth + 1, at)

    def array(self, schema: dict, name: str, depth: int, at: str) -> list:
        items = schema.get("items", {})
        resolved = resolve(items, self.components)
        count = max(schema.get("minItems", 1), 1)
        if "enum" in resolved:
            values = [value for value in resolved["enum"] if value not in ("", None)]
            return values[:count]
        return [self.value(items, name, depth, at) for _ in range(count)]

    def reference(self, name: str, detail) -> dict:
        slug = "example-" + (name.replace("_", "-") or "record")
        return {
            "id": 1,
            "slug": slug,
            "name": "Example " + (name.replace("_", " ") or "record"),
            "url": self.url(detail, slug) or EXAMPLE_HOST + f"/api/v1/{slug}/",
            "html_url": EXAMPLE_HOST + f"/{slug}/",
        }

    @staticmethod
    def number(schema: dict, preferred):
        value = preferred
        if "minimum" in schema:
            value = max(value, schema["minimum"] + (1 if schema.get("exclusiveMinimum") else 0))
        if "maximum" in schema:
            value = min(value, schema["maximum"] - (1 if schema.get("exclusiveMaximum") else 0))
        return value

    def string(self, schema: dict, name: str) -> str:
        format_ = schema.get("format")
        if format_ == "uri":
            return EXAMPLE_HOST + "/"
        if format_ in STRING_FORMATS:
            return STRING_FORMATS[format_]
        if "pattern" in schema:
            slug = "example-" + name.replace("_", "-") if name else "example"
            for candidate in PATTERN_CANDIDATES:
                candidate = candidate.format(slug=slug)
                if re.search(schema["pattern"], candidate) and fits(candidate, schema):
                    return candidate
            raise ValueError(f"No example value known for the pattern {schema['pattern']!r} ({name}).")
        text = (name.replace("_", " ").capitalize() or "Text") if name else "Text"
        text = text[: schema.get("maxLength", len(text))]
        return text.ljust(schema.get("minLength", 0), "x")


def fits(text: str, schema: dict) -> bool:
    return schema.get("minLength", 0) <= len(text) <= schema.get("maxLength", len(text))


ERROR_EXAMPLES = {
    400: lambda: exceptions.ValidationError({"name": ["This field may not be blank."]}),
    401: lambda: exceptions.AuthenticationFailed("Invalid token."),
    403: lambda: exceptions.PermissionDenied(),
    404: lambda: exceptions.NotFound(),
    406: lambda: exceptions.NotAcceptable(),
    409: lambda: Conflict(),
    410: lambda: CursorExpired(),
    412: lambda: PreconditionFailed(),
    413: lambda: PayloadTooLarge(),
    415: lambda: exceptions.UnsupportedMediaType("text/plain"),
    422: lambda: IdempotencyKeyReused(),
    428: lambda: PreconditionRequired(),
    429: lambda: exceptions.Throttled(wait=30),
}


def error_example(status_code: int) -> dict:
    """The body the API's exception handler writes for an error of ``status_code``."""
    make = ERROR_EXAMPLES.get(status_code)
    if make is None:
        # A status no exception of the API raises yet: its shape, from the same function.
        return error_body(status_code, "error", ERROR_DESCRIPTIONS[status_code])
    return exception_handler(make(), {}).data


def add_examples(path: str, method: str, operation: dict, operations: Operations, components: dict) -> None:
    """An example of each JSON request and response body of ``operation`` that has none."""
    references = {
        field: operations.detail_of_model.get(reference["model"])
        for field, reference in operation.get(REFERENCES_KEY, {}).items()
    }
    record = operations.detail_path(path)
    examples = Examples(components, record, references)
    holders = [("request", operation["requestBody"])] if "requestBody" in operation else []
    holders += list(operation["responses"].items())
    for code, holder in holders:
        for content in json_contents(holder):
            if "example" in content or "examples" in content:
                continue
            if content["schema"].get("$ref", "").endswith("/Error"):
                value, summary = error_example(int(code)), f"A {code} error"
            else:
                if path in operations.details and method == "get" and record is not None:
                    examples.records_at = {"", items_property(content["schema"], components, record[1])}
                value = examples.value(content["schema"])
                summary = "A request body" if code == "request" else f"A {code} response"
            content["examples"] = {"example": {"summary": summary, "value": value}}
