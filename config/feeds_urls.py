"""Feeds and machine-readable pages: iCalendar and RSS/Atom feeds, sitemap.xml, robots.txt."""

urlpatterns = []
