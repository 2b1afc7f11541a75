"""Every app's API router, lower layers first: the API root lists their endpoints and the changes
feed (``config.atlas.changes``) reports their records."""

from dialogues.api import urls as dialogues_api
from events.api import urls as events_api
from institutions.api import urls as institutions_api
from projects.api import urls as projects_api

APP_APIS = (institutions_api, dialogues_api, projects_api, events_api)
