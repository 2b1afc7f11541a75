"""Projects in site search."""

from django.utils.translation import gettext_lazy as _

from config.framework.search import register
from projects.models import Project

register(Project, key="projects", label=_("Projects"), order=30)
