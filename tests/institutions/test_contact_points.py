"""Contact points of organisations and projects: label, e-mail, postal address as written, web
address; on their record's page, in the API (nested, and written at their own endpoints), the admin."""

import pytest

from config.framework.visibility import Visibility
from institutions.models import OrganisationContactPoint
from projects.models import ProjectContactPoint
from tests import factories
from tests.helpers import assert_refused, count_queries, if_match

pytestmark = pytest.mark.django_db

ADDRESS = "Sunflower Tower 1100 (11F)\n37 Maizidian Street, Chaoyang District\n100125 Beijing, PR China"


def organisation_contact(**fields):
    organisation = fields.pop("organisation", None) or factories.OrganisationFactory(slug="giz")
    return OrganisationContactPoint.objects.create(
        organisation=organisation,
        order=fields.pop("order", 1),
        label=fields.pop("label", "Climate Cooperation China"),
        email=fields.pop("email", "climatechangechina@giz.de"),
        postal_address=fields.pop("postal_address", ADDRESS),
        **fields,
    )


def test_a_contact_point_gives_at_least_one_way_to_reach_its_record():
    organisation = factories.OrganisationFactory()
    project = factories.ProjectFactory()

    assert_refused(
        "institutions_organisationcontactpoint_reachable",
        lambda: OrganisationContactPoint.objects.create(organisation=organisation, label="Office"),
    )
    assert_refused(
        "projects_projectcontactpoint_reachable",
        lambda: ProjectContactPoint.objects.create(project=project, label="Office"),
    )


def test_contact_points_are_ordered_once_per_position():
    point = organisation_contact()

    assert_refused(
        "institutions_organisationcontactpoint_unique_order",
        lambda: OrganisationContactPoint.objects.create(
            organisation=point.organisation, order=1, email="a@b.de"
        ),
    )


def test_the_organisation_page_shows_the_contact_with_a_mailto_link_and_the_address_as_written(client):
    organisation = organisation_contact().organisation

    page = client.get(organisation.get_absolute_url()).content.decode()

    assert "<h3>Climate Cooperation China</h3>" in page
    assert '<a href="mailto:climatechangechina@giz.de">climatechangechina@giz.de</a>' in page
    assert (
        "<address>Sunflower Tower 1100 (11F)<br>37 Maizidian Street, Chaoyang District<br>"
        "100125 Beijing, PR China</address>"
    ) in page


def test_a_contact_point_the_visitor_may_not_see_is_not_shown(client, partner):
    organisation = organisation_contact(visibility=Visibility.PARTNERS).organisation

    assert "climatechangechina" not in client.get(organisation.get_absolute_url()).content.decode()
    client.force_login(partner)
    assert "climatechangechina" in client.get(organisation.get_absolute_url()).content.decode()


def test_the_project_page_shows_its_contact_point(client):
    project = factories.ProjectFactory(slug="clct")
    ProjectContactPoint.objects.create(
        project=project, label="Project office", website="https://example.org/clct"
    )

    page = client.get(project.get_absolute_url()).content.decode()

    assert "<h3>Project office</h3>" in page and 'href="https://example.org/clct"' in page


def test_the_organisation_pages_queries_do_not_grow_with_contact_points(client, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    organisation = organisation_contact().organisation
    with_one = count_queries(client, organisation.get_absolute_url())
    for order in range(2, 12):
        organisation_contact(organisation=organisation, order=order)

    assert count_queries(client, organisation.get_absolute_url()) == with_one


def test_the_api_nests_contact_points_in_their_records(api):
    point = organisation_contact()
    project = factories.ProjectFactory(slug="clct")
    ProjectContactPoint.objects.create(project=project, email="clct@giz.de")

    organisation = api.get("/api/v1/organisations/giz/").json()
    project_body = api.get("/api/v1/projects/clct/").json()

    assert organisation["contact_points"] == [
        {
            "id": point.pk,
            "url": f"http://testserver/api/v1/organisation-contact-points/{point.pk}/",
            "order": 1,
            "label": "Climate Cooperation China",
            "email": "climatechangechina@giz.de",
            "postal_address": ADDRESS,
            "website": "",
            "fallbacks": {},
        }
    ]
    assert [row["email"] for row in project_body["contact_points"]] == ["clct@giz.de"]


def test_a_writer_adds_changes_and_deletes_a_contact_point(writer_api):
    factories.OrganisationFactory(slug="giz")

    created = writer_api.post(
        "/api/v1/organisation-contact-points/",
        {"organisation": "giz", "order": 1, "label": "Climate Cooperation China", "postal_address": ADDRESS},
        format="json",
    )

    assert created.status_code == 201, created.json()
    url = created.json()["url"]
    changed = writer_api.patch(
        url, {"email": "climatechangechina@giz.de"}, format="json", headers=if_match(writer_api, url)
    )
    assert (changed.status_code, changed.json()["email"]) == (200, "climatechangechina@giz.de")
    assert OrganisationContactPoint.objects.get().postal_address == ADDRESS
    assert writer_api.delete(url, headers=if_match(writer_api, url)).status_code == 204


def test_a_contact_point_without_a_way_to_reach_or_with_a_bad_email_is_a_400(writer_api):
    factories.ProjectFactory(slug="clct")

    empty = writer_api.post(
        "/api/v1/project-contact-points/", {"project": "clct", "label": "Office"}, format="json"
    )
    bad = writer_api.post(
        "/api/v1/project-contact-points/", {"project": "clct", "email": "not-mail"}, format="json"
    )

    assert empty.status_code == 400
    assert (bad.status_code, [error["field"] for error in bad.json()["errors"]]) == (400, ["email"])
    assert not ProjectContactPoint.objects.exists()


def test_the_contact_point_endpoints_filter_by_their_record(api):
    organisation_contact()
    organisation_contact(organisation=factories.OrganisationFactory(slug="uba"), email="info@uba.de")

    response = api.get("/api/v1/organisation-contact-points/", {"organisation": "uba"}).json()

    assert [row["email"] for row in response["results"]] == ["info@uba.de"]


def test_the_admin_edits_contact_points_inline(admin_client):
    point = organisation_contact()
    project = factories.ProjectFactory()

    organisation_page = admin_client.get(f"/admin/institutions/organisation/{point.organisation.pk}/change/")
    project_page = admin_client.get(f"/admin/projects/project/{project.pk}/change/")

    assert 'name="contact_points-0-email"' in organisation_page.content.decode()
    assert 'name="contact_points-TOTAL_FORMS"' in project_page.content.decode()
