"""Synthetic demo data at scale: realistic, valid, deterministic rows for benchmarks and demos.

``generate(events=N, seed=S)`` fills a database with about N events, N/10 organisations and N/10
people, N/100 dialogues and N/100 projects, and everything around them (phases, working groups,
roles, participations, speakers, sessions, topics, affiliations, publications, sources), with texts
in English, German and Chinese, partial dates, countries and a realistic mix of statuses and
visibilities.

Rows are written with PostgreSQL's ``COPY`` in batches, their ids assigned here (from the table's
current maximum), so the same seed gives the same rows in a fresh database. Models with history
(django-simple-history) get their "created" historical row written alongside, dated like the row.
Generated columns (search) are left to the database.

Every demo record's slug starts with ``demo-``; the dataset describes itself in the source
``demo-dataset`` (seed, size). A database holding any other record is refused unless ``force``.
"""

import bisect
import datetime
import functools
import hashlib
import itertools
import random
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connections, transaction
from django.utils.text import slugify

from config.framework.dates import Precision
from config.framework.gazetteer import Located, locate
from config.framework.visibility import Status, Visibility
from config.operations.cache import invalidate
from dialogues.models import (
    Dialogue,
    DialogueAim,
    DialogueRole,
    MemberRole,
    Phase,
    Publication,
    PublicationAuthor,
    Topic,
    WorkingGroup,
    WorkingGroupMember,
)
from events.models import Event, EventParticipation, EventSpeaker, Photo, Session
from institutions.models import Affiliation, Organisation, Person, Source
from projects.models import (
    Programme,
    ProgrammeFunder,
    Project,
    ProjectContact,
    ProjectFocusArea,
    ProjectRole,
)

DEMO_PREFIX = "demo-"
DATASET_SLUG = "demo-dataset"
BATCH_SIZE = 5000
# Dates are drawn relative to a fixed day, not today, so a seed gives the same rows every time.
REFERENCE_DAY = datetime.date(2026, 6, 1)
FIRST_DAY, LAST_DAY = datetime.date(2008, 1, 1), datetime.date(2027, 12, 31)
CREATED_FROM = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


class DemoDataError(Exception):
    """The target database is not one demo data may be written into."""


# Vocabulary ---------------------------------------------------------------------------------------

# (English, German, Chinese), grouped under the topic tree's top level.
THEMES = {
    ("Energy", "Energie", "能源"): [
        ("energy transition", "Energiewende", "能源转型"),
        ("renewable energy", "erneuerbare Energien", "可再生能源"),
        ("green hydrogen", "grüner Wasserstoff", "绿色氢能"),
        ("energy efficiency", "Energieeffizienz", "能源效率"),
        ("offshore wind", "Offshore-Windenergie", "海上风电"),
        ("power grids", "Stromnetze", "电网"),
        ("coal phase-out", "Kohleausstieg", "煤炭退出"),
        ("heat pumps", "Wärmepumpen", "热泵"),
    ],
    ("Markets and finance", "Märkte und Finanzen", "市场与金融"): [
        ("carbon markets", "Kohlenstoffmärkte", "碳市场"),
        ("emissions trading", "Emissionshandel", "排放交易"),
        ("sustainable finance", "nachhaltige Finanzen", "可持续金融"),
        ("climate finance", "Klimafinanzierung", "气候资金"),
    ],
    ("Transport", "Verkehr", "交通"): [
        ("low-carbon transport", "kohlenstoffarmer Verkehr", "低碳交通"),
        ("electric mobility", "Elektromobilität", "电动交通"),
        ("rail freight", "Schienengüterverkehr", "铁路货运"),
    ],
    ("Industry", "Industrie", "工业"): [
        ("industrial decarbonisation", "Dekarbonisierung der Industrie", "工业脱碳"),
        ("circular economy", "Kreislaufwirtschaft", "循环经济"),
        ("carbon capture", "CO2-Abscheidung", "碳捕集"),
        ("standards and certification", "Normen und Zertifizierung", "标准与认证"),
    ],
    ("Adaptation", "Anpassung", "适应"): [
        ("climate adaptation", "Klimaanpassung", "气候适应"),
        ("disaster risk", "Katastrophenrisiko", "灾害风险"),
        ("water security", "Wassersicherheit", "水安全"),
    ],
    ("Cities and buildings", "Städte und Gebäude", "城市与建筑"): [
        ("urban climate action", "städtischer Klimaschutz", "城市气候行动"),
        ("green buildings", "grüne Gebäude", "绿色建筑"),
        ("air quality", "Luftqualität", "空气质量"),
    ],
    ("Land use", "Landnutzung", "土地利用"): [
        ("forests and land use", "Wälder und Landnutzung", "森林与土地利用"),
        ("biodiversity", "Biodiversität", "生物多样性"),
        ("methane reduction", "Methanminderung", "甲烷减排"),
    ],
    ("Climate policy", "Klimapolitik", "气候政策"): [
        ("NDC implementation", "NDC-Umsetzung", "国家自主贡献实施"),
        ("monitoring and reporting", "Monitoring und Berichterstattung", "监测与报告"),
        ("just transition", "gerechter Übergang", "公正转型"),
        ("long-term strategies", "Langfriststrategien", "长期战略"),
    ],
}
THEME_LIST = [theme for group in THEMES.values() for theme in group]

# code: (English, German, Chinese, [(city, city in Chinese, latitude, longitude)])
COUNTRIES = {
    "DE": (
        "Germany",
        "Deutschland",
        "德国",
        [
            ("Berlin", "柏林", 52.52, 13.405),
            ("Bonn", "波恩", 50.737, 7.098),
            ("Potsdam", "波茨坦", 52.39, 13.065),
            ("Munich", "慕尼黑", 48.137, 11.575),
        ],
    ),
    "CN": (
        "China",
        "China",
        "中国",
        [
            ("Beijing", "北京", 39.904, 116.407),
            ("Shanghai", "上海", 31.23, 121.474),
            ("Shenzhen", "深圳", 22.543, 114.058),
            ("Wuhan", "武汉", 30.593, 114.305),
        ],
    ),
    "US": (
        "United States",
        "Vereinigte Staaten",
        "美国",
        [
            ("Washington", "华盛顿", 38.907, -77.037),
            ("New York", "纽约", 40.713, -74.006),
            ("San Francisco", "旧金山", 37.775, -122.419),
        ],
    ),
    "IN": (
        "India",
        "Indien",
        "印度",
        [("New Delhi", "新德里", 28.614, 77.209), ("Mumbai", "孟买", 19.076, 72.878)],
    ),
    "EU": ("European Union", "Europäische Union", "欧盟", [("Brussels", "布鲁塞尔", 50.85, 4.352)]),
    "FR": ("France", "Frankreich", "法国", [("Paris", "巴黎", 48.857, 2.352)]),
    "GB": ("United Kingdom", "Vereinigtes Königreich", "英国", [("London", "伦敦", 51.507, -0.128)]),
    "JP": ("Japan", "Japan", "日本", [("Tokyo", "东京", 35.676, 139.65)]),
    "BR": (
        "Brazil",
        "Brasilien",
        "巴西",
        [("Brasília", "巴西利亚", -15.794, -47.882), ("Belém", "贝伦", -1.456, -48.49)],
    ),
    "ZA": ("South Africa", "Südafrika", "南非", [("Pretoria", "比勒陀利亚", -25.748, 28.229)]),
    "ID": ("Indonesia", "Indonesien", "印度尼西亚", [("Jakarta", "雅加达", -6.208, 106.846)]),
    "VN": ("Viet Nam", "Vietnam", "越南", [("Hanoi", "河内", 21.028, 105.834)]),
    "MX": ("Mexico", "Mexiko", "墨西哥", [("Mexico City", "墨西哥城", 19.433, -99.133)]),
    "EG": ("Egypt", "Ägypten", "埃及", [("Sharm el-Sheikh", "沙姆沙伊赫", 27.916, 34.33)]),
    "AE": (
        "United Arab Emirates",
        "Vereinigte Arabische Emirate",
        "阿联酋",
        [("Dubai", "迪拜", 25.205, 55.271)],
    ),
    "AZ": ("Azerbaijan", "Aserbaidschan", "阿塞拜疆", [("Baku", "巴库", 40.409, 49.867)]),
    "KR": ("Korea", "Korea", "韩国", [("Seoul", "首尔", 37.567, 126.978)]),
    "KE": ("Kenya", "Kenia", "肯尼亚", [("Nairobi", "内罗毕", -1.292, 36.822)]),
    "CH": ("Switzerland", "Schweiz", "瑞士", [("Geneva", "日内瓦", 46.204, 6.143)]),
}
COUNTRY_CODES = list(COUNTRIES)


@functools.cache
def gazetteer_place(city: str, country: str):
    """A demo city's place, looked up once per run (a hundred thousand events share thirty)."""
    return locate(city, country)


# Pairs of parties, the most common first (dialogues draw from the front more often).
PARTY_PAIRS = [
    ("DE", "CN"),
    ("US", "CN"),
    ("EU", "US"),
    ("IN", "US"),
    ("EU", "CN"),
    ("DE", "IN"),
    ("DE", "US"),
    ("CN", "IN"),
    ("EU", "IN"),
    ("DE", "BR"),
    ("CN", "BR"),
    ("DE", "ZA"),
    ("EU", "JP"),
    ("DE", "ID"),
    ("DE", "VN"),
    ("DE", "MX"),
    ("CN", "FR"),
    ("GB", "CN"),
]

GIVEN = {
    "de": ["Anna", "Jürgen", "Katrin", "Stefan", "Julia", "Matthias", "Sabine", "Tobias", "Lena", "Felix"],
    "en": ["Sarah", "Michael", "Emily", "David", "Laura", "James", "Rachel", "Daniel", "Megan", "Andrew"],
    "in": ["Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Vikram", "Meera", "Rohan"],
    "fr": ["Camille", "Julien", "Claire", "Antoine", "Élodie", "Mathieu"],
}
FAMILY = {
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Landgrebe"],
    "en": ["Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Clark"],
    "in": ["Sharma", "Patel", "Gupta", "Iyer", "Reddy", "Singh", "Nair"],
    "fr": ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre"],
}
CHINESE_FAMILY = [
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Ma", "马"),
    ("Sun", "孙"),
]
CHINESE_GIVEN = [
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Lei", "磊"),
    ("Aimin", "爱民"),
    ("Hua", "华"),
    ("Jun", "军"),
    ("Xin", "欣"),
    ("Yuting", "雨婷"),
    ("Haoran", "浩然"),
]
CULTURE_OF_COUNTRY = {"DE": "de", "US": "en", "GB": "en", "EU": "fr", "FR": "fr", "IN": "in"}
POSITIONS = [
    ("Director", "Direktorin", "主任"),
    ("Senior Researcher", "Senior-Wissenschaftler", "高级研究员"),
    ("Head of Division", "Referatsleiterin", "处长"),
    ("Project Director", "Projektleiter", "项目主任"),
    ("Advisor", "Berater", "顾问"),
    ("Deputy Director General", "Stellvertretende Generaldirektorin", "副司长"),
    ("Programme Officer", "Programmreferent", "项目官员"),
    ("Professor", "Professorin", "教授"),
]
ORG_PATTERNS = {
    "ministry": ("Ministry of {t_en_cap}", "Ministerium für {t_de_cap}", "{c_zh}{t_zh}部"),
    "government_agency": ("{c_en} Agency for {t_en_cap}", "{c_de} Agentur für {t_de_cap}", "{c_zh}{t_zh}署"),
    "research_institute": (
        "{c_en} Institute for {t_en_cap}",
        "{c_de} Institut für {t_de_cap}",
        "{c_zh}{t_zh}研究院",
    ),
    "university": (
        "University of {city_en}, School of {t_en_cap}",
        "Universität {city_en}, Fakultät {t_de_cap}",
        "{city_zh}大学{t_zh}学院",
    ),
    "foundation": (
        "{c_en} Foundation for {t_en_cap}",
        "{c_de} Stiftung für {t_de_cap}",
        "{c_zh}{t_zh}基金会",
    ),
    "ngo": ("{city_en} Climate Network", "Klimanetzwerk {city_en}", "{city_zh}气候网络"),
    "implementing_agency": ("{c_en} Cooperation Agency", "{c_de} Kooperationsagentur", "{c_zh}合作署"),
    "international_organisation": (
        "International Council on {t_en_cap}",
        "Internationaler Rat für {t_de_cap}",
        "国际{t_zh}理事会",
    ),
    "subnational_government": ("City of {city_en}", "Stadt {city_en}", "{city_zh}市政府"),
    "company": ("{city_en} {t_en_cap} Ltd", "{city_en} {t_de_cap} GmbH", "{city_zh}{t_zh}有限公司"),
    "other": ("{c_en} Forum on {t_en_cap}", "{c_de} Forum {t_de_cap}", "{c_zh}{t_zh}论坛"),
}
EVENT_KIND_WEIGHTS = {
    "workshop": 22,
    "working_group_meeting": 16,
    "webinar": 14,
    "conference": 10,
    "side_event": 10,
    "dialogue_meeting": 8,
    "plenary": 6,
    "steering_committee": 5,
    "study_tour": 4,
    "launch": 3,
    "policy_milestone": 2,
}
EVENT_KIND_WORDS = {
    "plenary": ("Plenary", "Plenarsitzung", "全体会议"),
    "steering_committee": ("Steering Committee", "Lenkungsausschuss", "指导委员会会议"),
    "working_group_meeting": ("Working Group Meeting", "Arbeitsgruppentreffen", "工作组会议"),
    "side_event": ("Side Event", "Nebenveranstaltung", "边会"),
    "workshop": ("Workshop", "Workshop", "研讨会"),
    "conference": ("Conference", "Konferenz", "大会"),
    "study_tour": ("Study Tour", "Studienreise", "考察"),
    "webinar": ("Webinar", "Webinar", "网络研讨会"),
    "dialogue_meeting": ("Dialogue Meeting", "Dialogtreffen", "对话会"),
    "launch": ("Launch", "Auftakt", "启动会"),
    "policy_milestone": ("Policy Milestone", "politischer Meilenstein", "政策里程碑"),
}
PUBLICATION_KINDS = ["policy_paper", "report", "recommendation", "news", "presentation", "minutes"]
PUBLICATION_WORDS = {
    "policy_paper": ("Policy paper", "Politikpapier", "政策文件"),
    "report": ("Report", "Bericht", "报告"),
    "recommendation": ("Recommendations", "Empfehlungen", "建议"),
    "news": ("News", "Meldung", "新闻"),
    "presentation": ("Presentation", "Präsentation", "演示"),
    "minutes": ("Minutes", "Protokoll", "会议纪要"),
}
SESSION_WORDS = [
    ("Opening and welcome", "Eröffnung und Begrüßung", "开幕与欢迎"),
    ("Exchange among projects", "Austausch zwischen den Projekten", "项目交流"),
    ("Panel discussion", "Podiumsdiskussion", "小组讨论"),
    ("Open space", "Open Space", "开放空间"),
    ("Site visit", "Ortsbesichtigung", "实地考察"),
    ("Conclusions and next steps", "Schlussfolgerungen und nächste Schritte", "结论与下一步"),
]


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def initials(text: str) -> str:
    return "".join(word[0] for word in text.replace("-", " ").split() if word[0].isalpha()).upper()


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# Writing ------------------------------------------------------------------------------------------


@dataclass
class Table:
    """The rows of one table waiting to be written, and the ids handed out for it."""

    model: type
    names: list  # attnames of the columns written (generated columns are left to the database)
    defaults: list  # each column's value when a row does not give it
    next_id: int
    history: type | None = None  # the historical model that records this table's rows, if any
    rows: list = field(default_factory=list)
    written: int = 0


class Writer:
    """Buffers rows per table and writes them with COPY; adds each tracked row's "created" history."""

    def __init__(self, using: str, batch_size: int = BATCH_SIZE):
        self.using = using
        self.connection = connections[using]
        self.batch_size = batch_size
        self.tables: dict[type, Table] = {}

    def table(self, model) -> Table:
        if model not in self.tables:
            fields = [f for f in model._meta.concrete_fields if not f.generated]
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f'SELECT COALESCE(MAX("{model._meta.pk.column}"), 0) FROM "{model._meta.db_table}"'
                )
                last = cursor.fetchone()[0]
            self.tables[model] = Table(
                model,
                names=[f.attname for f in fields],
                defaults=[
                    None if f.attname in ("created_at", "updated_at") else f.get_default() for f in fields
                ],
                next_id=last + 1,
                # Looked up once: each access to ``Model.history`` builds a new manager class.
                history=getattr(getattr(model, "history", None), "model", None),
            )
        return self.tables[model]

    def add(self, model, **values) -> int:
        """Queue one row and, if its model keeps history, its "created" history row; its id."""
        table = self.table(model)
        pk = model._meta.pk.attname
        values[pk] = table.next_id
        table.next_id += 1
        if "published_at" in table.names and values.get("status") == Status.PUBLISHED:
            values.setdefault("published_at", values["updated_at"])
        table.rows.append(values)
        if len(table.rows) >= self.batch_size:
            self.flush(table)
        if table.history is not None:
            self.add(
                table.history,
                **values,
                history_date=values.get("created_at") or CREATED_FROM,
                history_type="+",
                history_change_reason="Demo data",
            )
        return values[pk]

    def flush(self, table: Table):
        if not table.rows:
            return
        meta = table.model._meta
        columns = ", ".join(f'"{meta.get_field(name).column}"' for name in table.names)
        pairs = list(zip(table.names, table.defaults, strict=True))
        with (
            self.connection.cursor() as cursor,
            cursor.copy(f'COPY "{meta.db_table}" ({columns}) FROM STDIN') as copy,
        ):
            for row in table.rows:
                copy.write_row([row.get(name, default) for name, default in pairs])
        table.written += len(table.rows)
        table.rows = []

    def finish(self) -> int:
        """Write what is left and move every id sequence past the rows written; the rows written."""
        for table in self.tables.values():
            self.flush(table)
        statements = self.connection.ops.sequence_reset_sql(no_style(), list(self.tables))
        with self.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        return sum(table.written for table in self.tables.values())


# Generating ---------------------------------------------------------------------------------------


@dataclass
class Plan:
    """How many of the main records a dataset of ``events`` events has."""

    events: int

    @property
    def organisations(self):
        return max(self.events // 10, 10)

    @property
    def people(self):
        return max(self.events // 10, 10)

    @property
    def dialogues(self):
        return max(self.events // 100, 2)

    @property
    def projects(self):
        return max(self.events // 100, 2)

    @property
    def publications(self):
        return max(self.events // 10, 5)

    @property
    def programmes(self):
        return max(self.events // 5000, 2)

    @property
    def sources(self):
        return max(self.events // 500, 2)

    @property
    def records(self) -> int:
        """The main records, the unit of the progress bar."""
        return (
            self.organisations
            + self.people
            + self.dialogues
            + self.projects
            + self.publications
            + self.events
        )


class Generator:
    """Draws the dataset. Each part has its own random stream, so that parts stay stable apart."""

    def __init__(self, writer: Writer, plan: Plan, seed: int, progress=None):
        self.writer = writer
        self.plan = plan
        self.seed = seed
        self.progress = progress
        self.topics: list[int] = []
        self.theme_topic: dict[tuple, int] = {}
        self.sources: list[int] = []
        self.organisations: list[tuple[int, str]] = []  # (id, country)
        self.people: list[int] = []
        self.person_organisation: dict[int, int] = {}
        self.dialogues: list[dict] = []
        self.projects: list[int] = []
        self.dialogue_projects: dict[int, list[int]] = {}
        self.publications: list[int] = []

    def random(self, part: str) -> random.Random:
        return random.Random(f"{self.seed}:{part}")

    def advance(self, count=1):
        if self.progress is not None:
            self.progress.update(count)

    # Shared draws ----------------------------------------------------------------------------------

    @staticmethod
    def editorial(rng) -> dict:
        """Most records are published and public; some are drafts, in review, for partners or internal."""
        status = rng.choices((Status.PUBLISHED, Status.REVIEW, Status.DRAFT), (90, 5, 5))[0]
        visibility = rng.choices((Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL), (85, 10, 5))[
            0
        ]
        return {"status": str(status), "visibility": str(visibility)}

    @staticmethod
    def stamps(rng) -> dict:
        created = CREATED_FROM + datetime.timedelta(seconds=rng.randrange(2 * 365 * 86400))
        updated = created + datetime.timedelta(seconds=rng.randrange(200 * 86400))
        return {"created_at": created, "updated_at": updated}

    @staticmethod
    def partial_date(rng, day: datetime.date, weights=(85, 10, 5)) -> tuple[datetime.date, str]:
        precision = rng.choices((Precision.DAY, Precision.MONTH, Precision.YEAR), weights)[0]
        if precision == Precision.MONTH:
            day = day.replace(day=1)
        elif precision == Precision.YEAR:
            day = day.replace(month=1, day=1)
        return day, str(precision)

    @staticmethod
    def day_between(rng, first: datetime.date, last: datetime.date) -> datetime.date:
        return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))

    def period(self, rng, first=datetime.date(2005, 1, 1), last=datetime.date(2026, 12, 31), open_end=30):
        start, start_precision = self.partial_date(rng, self.day_between(rng, first, last), (40, 40, 20))
        values = {"start_date": start, "start_precision": start_precision}
        if rng.randrange(100) >= open_end:
            end_day = start + datetime.timedelta(days=rng.randrange(365, 6 * 365))
            end, end_precision = self.partial_date(rng, end_day, (40, 40, 20))
            values |= {"end_date": end, "end_precision": end_precision}
        return values

    @staticmethod
    def translated(name: str, texts: tuple[str, str, str]) -> dict:
        english, german, chinese = texts
        return {name: english, f"{name}_en": english, f"{name}_de": german, f"{name}_zh_hans": chinese}

    def sources_of(self, rng, model, record_id, owner: str):
        """Link a record to one or two of the dataset's sources."""
        through = model._meta.get_field("sources").remote_field.through
        for source_id in rng.sample(self.sources, k=min(len(self.sources), rng.randint(1, 2))):
            self.writer.add(through, **{f"{owner}_id": record_id, "source_id": source_id})

    def m2m(self, model, name: str, record_id, target_ids):
        field_ = model._meta.get_field(name)
        through = field_.remote_field.through
        owner = field_.m2m_field_name()
        target = field_.m2m_reverse_field_name()
        for target_id in target_ids:
            self.writer.add(through, **{f"{owner}_id": record_id, f"{target}_id": target_id})

    # Parts --------------------------------------------------------------------------------------------

    def run(self):
        self.dataset_source()
        self.topic_tree()
        self.source_documents()
        self.organisation_records()
        self.person_records()
        self.dialogue_records()
        self.programme_records()
        self.project_records()
        self.publication_records()
        self.event_records()

    def dataset_source(self):
        self.writer.add(
            Source,
            slug=DATASET_SLUG,
            title="Dialogue Atlas synthetic demo data",
            publisher="generate_demo_data",
            language="en",
            note=f"seed={self.seed} events={self.plan.events}",
            created_at=CREATED_FROM,
            updated_at=CREATED_FROM,
        )

    def topic_tree(self):
        rng = self.random("topics")
        for parent_texts, themes in THEMES.items():
            parent = self.writer.add(
                Topic,
                slug=f"{DEMO_PREFIX}{slugify(parent_texts[0])}",
                **self.translated("name", parent_texts),
                **self.translated(
                    "description",
                    (
                        f"Cooperation on {parent_texts[0].lower()}.",
                        f"Zusammenarbeit im Bereich {parent_texts[1]}.",
                        f"{parent_texts[2]}领域的合作。",
                    ),
                ),
                status=str(Status.PUBLISHED),
                visibility=str(Visibility.PUBLIC),
                **self.stamps(rng),
            )
            self.topics.append(parent)
            for theme in themes:
                topic = self.writer.add(
                    Topic,
                    slug=f"{DEMO_PREFIX}{slugify(theme[0])}",
                    parent_id=parent,
                    **self.translated("name", tuple(capitalised(text) for text in theme)),
                    status=str(Status.PUBLISHED),
                    visibility=str(Visibility.PUBLIC),
                    **self.stamps(rng),
                )
                self.topics.append(topic)
                self.theme_topic[theme] = topic

    def source_documents(self):
        rng = self.random("sources")
        publishers = ["Federal Environment Agency", "World Resources Institute", "GIZ", "NCSC", "IKI"]
        for number in range(1, self.plan.sources + 1):
            theme = rng.choice(THEME_LIST)
            self.sources.append(
                self.writer.add(
                    Source,
                    slug=f"{DEMO_PREFIX}source-{number}",
                    title=f"{capitalised(theme[0])}: programme page {number}",
                    publisher=rng.choice(publishers),
                    url=f"https://example.org/{slugify(theme[0])}/{number}",
                    language=rng.choice(["en", "de", "zh"]),
                    seen_on=self.day_between(rng, datetime.date(2022, 1, 1), REFERENCE_DAY),
                    **self.stamps(rng),
                )
            )

    def organisation_records(self):
        rng = self.random("organisations")
        kinds = [kind.value for kind in Organisation.Kind]
        weights = [8, 10, 20, 12, 5, 10, 4, 5, 8, 10, 8]
        for number in range(1, self.plan.organisations + 1):
            kind = rng.choices(kinds, weights)[0]
            country = "" if kind == "international_organisation" else rng.choice(COUNTRY_CODES)
            c_en, c_de, c_zh, cities = COUNTRIES[country or "CH"]
            city_en, city_zh, _lat, _lon = rng.choice(cities)
            theme = rng.choice(THEME_LIST)
            words = {
                "c_en": c_en, "c_de": c_de, "c_zh": c_zh, "city_en": city_en, "city_zh": city_zh,
                "t_en_cap": capitalised(theme[0]), "t_de_cap": capitalised(theme[1]), "t_zh": theme[2],
            }  # fmt: skip
            texts = tuple(pattern.format(**words) for pattern in ORG_PATTERNS[kind])
            acronym = initials(texts[0])[:10] if rng.random() < 0.7 else ""
            native = {"DE": texts[1], "CN": texts[2]}.get(country, "")
            aliases = [f"{acronym} {city_en}"] if acronym and rng.random() < 0.2 else []
            earlier = self.organisations
            organisation = self.writer.add(
                Organisation,
                slug=f"{DEMO_PREFIX}{slugify(texts[0])[:90]}-{number}",
                **self.translated("name", texts),
                acronym=acronym,
                native_name=native,
                aliases=aliases,
                kind=kind,
                country=country,
                parent_id=rng.choice(earlier)[0] if earlier and rng.random() < 0.08 else None,
                predecessor_id=rng.choice(earlier)[0] if earlier and rng.random() < 0.03 else None,
                website=f"https://www.example.org/{slugify(texts[0])[:60]}" if rng.random() < 0.8 else "",
                **self.translated(
                    "description",
                    (
                        f"{texts[0]} works on {theme[0]} in {c_en}.",
                        f"{texts[1]} arbeitet zu {theme[1]} in {c_de}.",
                        f"{texts[2]}在{c_zh}从事{theme[2]}工作。",
                    ),
                ),
                **self.editorial(rng),
                **self.stamps(rng),
            )
            self.organisations.append((organisation, country))
            self.advance()

    def person_records(self):
        rng = self.random("people")
        for number in range(1, self.plan.people + 1):
            country = rng.choice(COUNTRY_CODES)
            if country == "CN" or (country not in CULTURE_OF_COUNTRY and rng.random() < 0.3):
                family, family_zh = rng.choice(CHINESE_FAMILY)
                given, given_zh = rng.choice(CHINESE_GIVEN)
                names = {
                    "given_name": given, "family_name": family, "name_order": "family_first",
                    "native_name": family_zh + given_zh,
                }  # fmt: skip
            else:
                culture = CULTURE_OF_COUNTRY.get(country, rng.choice(list(GIVEN)))
                given, family = rng.choice(GIVEN[culture]), rng.choice(FAMILY[culture])
                names = {"given_name": given, "family_name": family, "name_order": "given_first"}
            theme = rng.choice(THEME_LIST)
            person = self.writer.add(
                Person,
                slug=f"{DEMO_PREFIX}{slugify(given + ' ' + family)}-{number}",
                honorific=rng.choice(["", "", "Dr", "Prof.", "Ms", "Mr"]),
                **names,
                **self.translated(
                    "bio",
                    (
                        f"Works on {theme[0]}.",
                        f"Arbeitet zu {theme[1]}.",
                        f"从事{theme[2]}工作。",
                    ),
                ),
                **self.editorial(rng),
                **self.stamps(rng),
            )
            self.people.append(person)
            chosen = rng.sample(self.organisations, k=rng.choice((1, 1, 1, 2)))
            self.person_organisation[person] = chosen[0][0]
            for organisation, _country in chosen:
                position = rng.choice(POSITIONS)
                self.writer.add(
                    Affiliation,
                    person_id=person,
                    organisation_id=organisation,
                    **self.translated("position", position),
                    **self.period(rng, first=datetime.date(2000, 1, 1), open_end=60),
                    **self.editorial(rng),
                    **self.stamps(rng),
                )
            self.advance()

    def dialogue_records(self):
        rng = self.random("dialogues")
        tracks = ["2", "2", "1.5", "1"]
        for number in range(1, self.plan.dialogues + 1):
            pair = PARTY_PAIRS[min(int(rng.expovariate(0.35)), len(PARTY_PAIRS) - 1)]
            parties = (
                list(pair)
                if rng.random() < 0.9
                else [*pair, rng.choice([c for c in COUNTRY_CODES if c not in pair])]
            )
            names = [COUNTRIES[code] for code in parties]
            theme = rng.choice(THEME_LIST)
            track = rng.choice(tracks)
            track_en = {"2": "Track II", "1.5": "Track 1.5", "1": "Ministerial"}[track]
            texts = (
                f"{'–'.join(n[0] for n in names)} {track_en} Dialogue on {capitalised(theme[0])}",
                f"{'-'.join(n[1] for n in names)} {track_en}-Dialog zu {capitalised(theme[1])}",
                f"{''.join(n[2] for n in names)}{theme[2]}对话",
            )
            acronym = f"{''.join(parties)}-{initials(theme[0])}{number}"
            period = self.period(
                rng, first=datetime.date(2005, 1, 1), last=datetime.date(2024, 12, 31), open_end=60
            )
            state = "active" if "end_date" not in period else "concluded"
            dialogue = self.writer.add(
                Dialogue,
                slug=f"{DEMO_PREFIX}{slugify(acronym)}",
                **self.translated("name", texts),
                acronym=acronym,
                native_name=texts[2] if "CN" in parties else "",
                aliases=[],
                track=track,
                parties=parties,
                **self.translated(
                    "cadence",
                    (
                        "annual, alternating between the parties",
                        "jährlich, abwechselnd bei den Parteien",
                        "每年一次，轮流举办",
                    ),
                ),
                state=state,
                **self.translated(
                    "summary",
                    (
                        f"A {track_en} dialogue between {' and '.join(n[0] for n in names)} on {theme[0]}.",
                        f"Ein {track_en}-Dialog zwischen {' und '.join(n[1] for n in names)} zu {theme[1]}.",
                        f"{'与'.join(n[2] for n in names)}之间关于{theme[2]}的对话。",
                    ),
                ),
                **self.translated(
                    "description",
                    (
                        f"Experts and officials exchange on {theme[0]} and prepare joint recommendations.",
                        f"Fachleute und Beamte tauschen sich zu {theme[1]} aus und erarbeiten Empfehlungen.",
                        f"专家和官员就{theme[2]}进行交流并准备联合建议。",
                    ),
                ),
                website=f"https://dialogue.example.org/{slugify(acronym)}",
                **period,
                **self.editorial(rng),
                **self.stamps(rng),
            )
            stamps = self.stamps(rng)
            self.m2m(Dialogue, "topics", dialogue, {self.theme_topic[theme], rng.choice(self.topics)})
            self.sources_of(rng, Dialogue, dialogue, "dialogue")
            for order in range(1, rng.randint(2, 4) + 1):
                aim = rng.choice(THEME_LIST)
                self.writer.add(
                    DialogueAim,
                    dialogue_id=dialogue,
                    order=order,
                    **self.translated(
                        "text",
                        (f"Advance {aim[0]}.", f"{capitalised(aim[1])} voranbringen.", f"推进{aim[2]}。"),
                    ),
                    status=str(Status.PUBLISHED),
                    visibility=str(Visibility.PUBLIC),
                    **stamps,
                )
            phases = []
            start_year = period["start_date"].year
            for phase_number in range(1, rng.randint(1, 3) + 1):
                first = datetime.date(start_year + 3 * (phase_number - 1), 1, 1)
                phases.append(
                    self.writer.add(
                        Phase,
                        dialogue_id=dialogue,
                        number=phase_number,
                        slug=f"{DEMO_PREFIX}{slugify(acronym)}-phase-{phase_number}",
                        **self.translated(
                            "name",
                            (f"Phase {phase_number}", f"Phase {phase_number}", f"第{phase_number}阶段"),
                        ),
                        start_date=first,
                        start_precision=str(Precision.YEAR),
                        end_date=first.replace(year=first.year + 2),
                        end_precision=str(Precision.YEAR),
                        **self.editorial(rng),
                        **stamps,
                    )
                )
            working_groups = []
            phase = phases[-1] if rng.random() < 0.7 else None
            for wg_number in range(1, rng.randint(0, 4) + 1):
                wg_theme = rng.choice(THEME_LIST)
                working_group = self.writer.add(
                    WorkingGroup,
                    dialogue_id=dialogue,
                    phase_id=phase,
                    number=wg_number,
                    slug=f"{DEMO_PREFIX}{slugify(acronym)}-wg-{wg_number}",
                    **self.translated(
                        "name", (capitalised(wg_theme[0]), capitalised(wg_theme[1]), f"{wg_theme[2]}工作组")
                    ),
                    **self.editorial(rng),
                    **stamps,
                )
                working_groups.append(working_group)
                self.m2m(WorkingGroup, "topics", working_group, [self.theme_topic[wg_theme]])
                for role_index, organisation in enumerate(
                    rng.sample(self.organisations, k=rng.randint(2, 4))
                ):
                    self.writer.add(
                        WorkingGroupMember,
                        working_group_id=working_group,
                        organisation_id=organisation[0],
                        role=str(MemberRole.CHAIR if role_index == 0 else MemberRole.MEMBER),
                        side=organisation[1] if organisation[1] in parties else "",
                        **self.editorial(rng),
                        **stamps,
                    )
            roles = [role.value for role in DialogueRole.Role]
            for role_index, organisation in enumerate(rng.sample(self.organisations, k=rng.randint(3, 6))):
                self.writer.add(
                    DialogueRole,
                    dialogue_id=dialogue,
                    organisation_id=organisation[0],
                    role="lead_agency" if role_index == 0 else rng.choice(roles),
                    side=organisation[1] if organisation[1] in parties else "",
                    phase_id=rng.choice(phases) if rng.random() < 0.3 else None,
                    **self.editorial(rng),
                    **stamps,
                )
            self.dialogues.append(
                {"id": dialogue, "acronym": acronym, "parties": parties, "working_groups": working_groups}
            )
            self.advance()

    def programme_records(self):
        rng = self.random("programmes")
        self.programmes = []
        for number in range(1, self.plan.programmes + 1):
            theme = rng.choice(THEME_LIST)
            programme = self.writer.add(
                Programme,
                slug=f"{DEMO_PREFIX}programme-{number}",
                **self.translated(
                    "name",
                    (
                        f"International Initiative on {capitalised(theme[0])} {number}",
                        f"Internationale Initiative {capitalised(theme[1])} {number}",
                        f"{theme[2]}国际倡议{number}",
                    ),
                ),
                acronym=f"I{initials(theme[0])}{number}",
                website=f"https://programme.example.org/{number}",
                **self.editorial(rng),
                **self.stamps(rng),
            )
            self.programmes.append(programme)
            for organisation, _country in rng.sample(self.organisations, k=2):
                self.writer.add(
                    ProgrammeFunder,
                    programme_id=programme,
                    organisation_id=organisation,
                    **self.editorial(rng),
                    **self.stamps(rng),
                )

    def project_records(self):
        rng = self.random("projects")
        for number in range(1, self.plan.projects + 1):
            theme = rng.choice(THEME_LIST)
            dialogue = rng.choice(self.dialogues) if rng.random() < 0.6 else None
            countries = list(dialogue["parties"]) if dialogue else rng.sample(COUNTRY_CODES, k=2)
            names = [COUNTRIES[code] for code in countries]
            texts = (
                f"{'–'.join(n[0] for n in names)} Cooperation on {capitalised(theme[0])}",
                f"{'-'.join(n[1] for n in names)} Kooperation zu {capitalised(theme[1])}",
                f"{''.join(n[2] for n in names)}{theme[2]}合作",
            )
            acronym = f"{initials(texts[0])}{number}"
            budget = Decimal(rng.randrange(200, 20000) * 1000) if rng.random() < 0.5 else None
            project = self.writer.add(
                Project,
                slug=f"{DEMO_PREFIX}{slugify(acronym)}",
                **self.translated("title", texts),
                acronym=acronym,
                aliases=[],
                programme_id=rng.choice(self.programmes) if rng.random() < 0.8 else None,
                parent_id=rng.choice(self.projects) if self.projects and rng.random() < 0.1 else None,
                countries=countries,
                state=rng.choice(["active", "active", "completed", "planned"]),
                **self.translated(
                    "summary",
                    (
                        f"Supports {' and '.join(n[0] for n in names)} in {theme[0]}.",
                        f"Unterstützt {' und '.join(n[1] for n in names)} bei {theme[1]}.",
                        f"支持{'和'.join(n[2] for n in names)}开展{theme[2]}。",
                    ),
                ),
                **self.translated(
                    "description",
                    (
                        f"The project advises ministries on {theme[0]} and trains experts.",
                        f"Das Projekt berät Ministerien zu {theme[1]} und bildet Fachleute aus.",
                        f"该项目就{theme[2]}为各部委提供咨询，培训专家并分享良好实践。",
                    ),
                ),
                budget=budget,
                currency=rng.choice(["EUR", "EUR", "USD", "CNY"]) if budget is not None else "",
                website=f"https://project.example.org/{slugify(acronym)}",
                **self.period(rng, first=datetime.date(2008, 1, 1), open_end=20),
                **self.editorial(rng),
                **self.stamps(rng),
            )
            self.projects.append(project)
            stamps = self.stamps(rng)
            self.m2m(Project, "topics", project, {self.theme_topic[theme], rng.choice(self.topics)})
            if dialogue:
                self.m2m(Project, "dialogues", project, [dialogue["id"]])
                self.dialogue_projects.setdefault(dialogue["id"], []).append(project)
                if dialogue["working_groups"] and rng.random() < 0.3:
                    self.m2m(Project, "working_groups", project, [rng.choice(dialogue["working_groups"])])
            self.sources_of(rng, Project, project, "project")
            for order in range(1, rng.randint(2, 5) + 1):
                area = rng.choice(THEME_LIST)
                self.writer.add(
                    ProjectFocusArea,
                    project_id=project,
                    order=order,
                    **self.translated("name", tuple(capitalised(text) for text in area)),
                    status=str(Status.PUBLISHED),
                    visibility=str(Visibility.PUBLIC),
                    **stamps,
                )
            roles = [role.value for role in ProjectRole.Role]
            for role_index, organisation in enumerate(rng.sample(self.organisations, k=rng.randint(2, 4))):
                self.writer.add(
                    ProjectRole,
                    project_id=project,
                    organisation_id=organisation[0],
                    role="implementer" if role_index == 0 else rng.choice(roles),
                    **self.editorial(rng),
                    **stamps,
                )
            for person in rng.sample(self.people, k=rng.randint(1, 2)):
                self.writer.add(
                    ProjectContact,
                    project_id=project,
                    person_id=person,
                    **self.translated("role", ("Project Director", "Projektleitung", "项目主任")),
                    **self.editorial(rng),
                    **stamps,
                )
            self.advance()

    def publication_records(self):
        rng = self.random("publications")
        for number in range(1, self.plan.publications + 1):
            kind = rng.choice(PUBLICATION_KINDS)
            theme = rng.choice(THEME_LIST)
            dialogue = rng.choice(self.dialogues) if rng.random() < 0.7 else None
            words = PUBLICATION_WORDS[kind]
            texts = (
                f"{words[0]}: {capitalised(theme[0])}",
                f"{words[1]}: {capitalised(theme[1])}",
                f"{theme[2]}{words[2]}",
            )
            if dialogue:
                texts = tuple(f"{dialogue['acronym']} {text}" for text in texts)
            date, precision = self.partial_date(
                rng, self.day_between(rng, FIRST_DAY, REFERENCE_DAY), (70, 20, 10)
            )
            publication = self.writer.add(
                Publication,
                slug=f"{DEMO_PREFIX}publication-{number}",
                **self.translated("title", texts),
                kind=kind,
                url=f"https://publications.example.org/{number}.pdf",
                **self.translated(
                    "summary",
                    (
                        f"Findings and proposals on {theme[0]}.",
                        f"Ergebnisse und Vorschläge zu {theme[1]}.",
                        f"关于{theme[2]}的研究结果和建议。",
                    ),
                ),
                dialogue_id=dialogue["id"] if dialogue else None,
                working_group_id=(
                    rng.choice(dialogue["working_groups"])
                    if dialogue and dialogue["working_groups"] and rng.random() < 0.3
                    else None
                ),
                date=date,
                date_precision=precision,
                **self.editorial(rng),
                **self.stamps(rng),
            )
            self.publications.append(publication)
            self.m2m(Publication, "topics", publication, [self.theme_topic[theme]])
            stamps = self.stamps(rng)
            for order in range(1, rng.randint(1, 3) + 1):
                author = (
                    {"organisation_id": rng.choice(self.organisations)[0]}
                    if rng.random() < 0.5
                    else {"person_id": rng.choice(self.people)}
                )
                self.writer.add(
                    PublicationAuthor,
                    publication_id=publication,
                    order=order,
                    **author,
                    **self.editorial(rng),
                    **stamps,
                )
            self.advance()

    def event_records(self):
        rng = self.random("events")
        kinds, kind_weights = list(EVENT_KIND_WEIGHTS), list(EVENT_KIND_WEIGHTS.values())
        # A few dialogues hold most events (Zipf), as a long-running dialogue does.
        dialogue_weights = list(itertools.accumulate(1 / rank for rank in range(1, len(self.dialogues) + 1)))
        series: dict[tuple[int, str], int] = {}
        conferences: list[int] = []
        participation_roles = [role.value for role in EventParticipation.Role]
        speaker_roles = ["speaker", "speaker", "speaker", "moderator", "delegate"]
        for number in range(1, self.plan.events + 1):
            kind = rng.choices(kinds, kind_weights)[0]
            dialogue = None
            if rng.random() < 0.85:
                pick = rng.random() * dialogue_weights[-1]
                dialogue = self.dialogues[bisect.bisect_left(dialogue_weights, pick)]
            theme = rng.choice(THEME_LIST)
            start = self.day_between(rng, FIRST_DAY, LAST_DAY)
            start, precision = self.partial_date(rng, start, (88, 9, 3))
            end = None
            if precision == Precision.DAY and rng.random() < 0.5:
                end = start + datetime.timedelta(days=rng.choice((1, 1, 2, 3, 4)))
            mode = rng.choices(("in_person", "online", "hybrid"), (60, 20, 20))[0]
            country = (
                rng.choice(dialogue["parties"])
                if dialogue and rng.random() < 0.8
                else rng.choice(COUNTRY_CODES)
            )
            c_en, c_de, c_zh, cities = COUNTRIES[country]
            city, city_zh, _latitude, _longitude = rng.choice(cities)
            series_number = None
            if dialogue and kind in ("plenary", "steering_committee", "dialogue_meeting"):
                series_number = series[dialogue["id"], kind] = series.get((dialogue["id"], kind), 0) + 1
            kind_words = EVENT_KIND_WORDS[kind]
            if series_number:
                texts = (
                    f"{ordinal(series_number)} {kind_words[0]} of the {dialogue['acronym']}",
                    f"{series_number}. {kind_words[1]} des {dialogue['acronym']}",
                    f"{dialogue['acronym']}第{series_number}次{kind_words[2]}",
                )
            elif mode == "online":
                texts = (
                    f"{kind_words[0]}: {capitalised(theme[0])}",
                    f"{kind_words[1]}: {capitalised(theme[1])}",
                    f"{theme[2]}{kind_words[2]}",
                )
            else:
                texts = (
                    f"{kind_words[0]} on {capitalised(theme[0])} in {city}",
                    f"{kind_words[1]} zu {capitalised(theme[1])} in {city}",
                    f"{city_zh}{theme[2]}{kind_words[2]}",
                )
            state = "planned" if start > REFERENCE_DAY else "held"
            state = rng.choices((state, "cancelled", "postponed"), (95, 3, 2))[0]
            place = {}
            if mode != "online":
                place = {
                    "venue": rng.choice(["Conference Centre", "Ministry", "Hotel", "University campus", ""]),
                    "city": city,
                    "country": country,
                }
                # Placed as the atlas places a city its sources name: from the gazetteer, with its source.
                located = gazetteer_place(city, country)
                if isinstance(located, Located):
                    place |= {
                        "latitude": located.latitude,
                        "longitude": located.longitude,
                        "coordinates_source": located.source,
                    }
            elif dialogue:
                place = {"country": country}
            event = self.writer.add(
                Event,
                slug=f"{DEMO_PREFIX}{slugify(texts[0])[:90]}-{number}",
                **self.translated("name", texts),
                kind=kind,
                state=state,
                mode=mode,
                **place,
                number=series_number,
                parent_id=rng.choice(conferences)
                if kind == "side_event" and conferences and rng.random() < 0.5
                else None,
                dialogue_id=dialogue["id"] if dialogue else None,
                working_group_id=(
                    rng.choice(dialogue["working_groups"])
                    if dialogue and dialogue["working_groups"] and kind == "working_group_meeting"
                    else None
                ),
                **self.translated(
                    "summary",
                    (
                        f"Participants from {c_en} and partner countries discussed {theme[0]}.",
                        f"Teilnehmende aus {c_de} und Partnerländern diskutierten über {theme[1]}.",
                        f"来自{c_zh}及伙伴国家的与会者讨论了{theme[2]}。",
                    ),
                ),
                **(
                    self.translated(
                        "description",
                        (
                            f"The meeting reviewed progress on {theme[0]} and the next steps.",
                            f"Das Treffen zog Bilanz zu {theme[1]} und beriet die nächsten Schritte.",
                            f"会议回顾了{theme[2]}的进展以及合作的下一步。",
                        ),
                    )
                    if rng.random() < 0.6
                    else {}
                ),
                **(
                    self.translated(
                        "outcomes",
                        (
                            f"Joint recommendations on {theme[0]}.",
                            f"Gemeinsame Empfehlungen zu {theme[1]}.",
                            f"关于{theme[2]}的联合建议。",
                        ),
                    )
                    if state == "held" and rng.random() < 0.3
                    else {}
                ),
                participant_count=rng.randrange(8, 400) if rng.random() < 0.5 else None,
                start_date=start,
                start_precision=precision,
                end_date=end,
                **self.editorial(rng),
                **self.stamps(rng),
            )
            if kind == "conference":
                conferences.append(event)
            stamps = self.stamps(rng)
            self.m2m(
                Event,
                "topics",
                event,
                {self.theme_topic[theme], *rng.sample(self.topics, k=rng.randint(0, 2))},
            )
            if dialogue and dialogue["id"] in self.dialogue_projects and rng.random() < 0.5:
                self.m2m(Event, "projects", event, [rng.choice(self.dialogue_projects[dialogue["id"]])])
            if rng.random() < 0.1:
                self.m2m(Event, "documents", event, [rng.choice(self.publications)])
            for role_index, organisation in enumerate(rng.sample(self.organisations, k=rng.randint(1, 5))):
                self.writer.add(
                    EventParticipation,
                    event_id=event,
                    organisation_id=organisation[0],
                    role="host" if role_index == 0 else rng.choice(participation_roles),
                    **self.editorial(rng),
                    **stamps,
                )
            for order, person in enumerate(rng.sample(self.people, k=rng.randint(0, 4)), start=1):
                self.writer.add(
                    EventSpeaker,
                    event_id=event,
                    person_id=person,
                    role="opening_speech" if order == 1 else rng.choice(speaker_roles),
                    organisation_id=self.person_organisation[person] if rng.random() < 0.8 else None,
                    order=order,
                    **self.editorial(rng),
                    **stamps,
                )
            for order in range(1, rng.choice((0, 0, 1, 2, 3, 4)) + 1):
                session = SESSION_WORDS[(order - 1) % len(SESSION_WORDS)]
                self.writer.add(
                    Session,
                    event_id=event,
                    order=order,
                    **self.translated("title", session),
                    date=start if precision == Precision.DAY else None,
                    status=str(Status.PUBLISHED),
                    visibility=str(Visibility.PUBLIC),
                    **stamps,
                )
            if rng.random() < 0.1:
                self.writer.add(
                    Photo,
                    event_id=event,
                    order=1,
                    **self.translated("caption", (texts[0], texts[1], texts[2])),
                    **self.translated(
                        "alt_text",
                        (f"Participants of {texts[0]}", f"Teilnehmende: {texts[1]}", f"{texts[2]}与会者"),
                    ),
                    credit="Demo photographer",
                    licence="CC BY 4.0",
                    **self.editorial(rng),
                    **stamps,
                )
            self.advance()


# Entry points -------------------------------------------------------------------------------------


def atlas_models(include_history=True) -> list[type]:
    """The models whose tables hold the atlas's records (with their M2M and historical tables)."""
    found = []
    for label in settings.ATLAS_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if not model._meta.managed:
                continue  # a database view (the admin's recent changes), not a table
            if include_history or not model.__name__.startswith("Historical"):
                found.append(model)
    return found


def non_demo_records(using: str) -> int:
    """How many records in ``using`` are not demo data (slugs without the ``demo-`` prefix)."""
    return sum(
        model._default_manager.using(using).exclude(slug__startswith=DEMO_PREFIX).count()
        for model in atlas_models(include_history=False)
        if model._meta.concrete_model is model and any(f.name == "slug" for f in model._meta.concrete_fields)
    )


def dataset(using: str) -> dict | None:
    """The seed and size of the demo data in ``using`` (``{"seed": 1, "events": 200}``), or None."""
    source = Source.objects.using(using).filter(slug=DATASET_SLUG).first()
    if source is None:
        return None
    return {key: int(value) for key, value in (item.split("=") for item in source.note.split())}


def clear(using: str):
    """Empty every atlas table (demo data only: refused when other records are there)."""
    if non_demo_records(using):
        raise DemoDataError("The database holds records that are not demo data; clear it by hand.")
    tables = ", ".join(f'"{model._meta.db_table}"' for model in atlas_models())
    with connections[using].cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    invalidate()


def content_hash(using: str) -> str:
    """A digest of every row of every atlas table, in id order (equal for identical content)."""
    digest = hashlib.sha256()
    with connections[using].cursor() as cursor:
        for model in sorted(atlas_models(), key=lambda model: model._meta.db_table):
            table, pk = model._meta.db_table, model._meta.pk.column
            cursor.execute(f'SELECT md5(string_agg(t::text, E\'\\n\' ORDER BY t."{pk}")) FROM "{table}" t')
            digest.update(f"{table}:{cursor.fetchone()[0]}\n".encode())
    return digest.hexdigest()


@dataclass
class Result:
    rows: int
    seconds: float
    counts: dict

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def generate(
    *, events: int, seed: int = 1, using: str = "default", force: bool = False, progress=None
) -> Result:
    """Write a demo dataset of about ``events`` events into ``using``; refuses a database with real data.

    ``force`` writes even when the database holds other records (they are left alone).
    """
    if events < 1:
        raise DemoDataError("Give a positive number of events.")
    existing = dataset(using)
    if existing is not None:
        raise DemoDataError(
            f"The database already holds demo data (seed {existing.get('seed')}, "
            f"{existing.get('events')} events); use --replace to write a new dataset."
        )
    others = non_demo_records(using)
    if others and not force:
        raise DemoDataError(
            f"The database holds {others} records that are not demo data; "
            "write demo data into a database of its own, or pass --force to add it anyway."
        )
    started = time.perf_counter()
    writer = Writer(using)
    plan = Plan(events)
    with transaction.atomic(using=using):
        Generator(writer, plan, seed, progress).run()
        rows = writer.finish()
        # Check the foreign keys now, so that a broken row fails here rather than at some later commit.
        with connections[using].cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    # COPY sends no model signals: drop every cached page by hand.
    invalidate()
    counts = {table.model._meta.label: table.written for table in writer.tables.values()}
    return Result(rows=rows, seconds=time.perf_counter() - started, counts=counts)
