/* The timeline of events (templates/events/_event_timeline.html): one lane per dialogue, its phases
 * as bands, its events as marks, zoomable by year. It draws from /api/v1/timeline/ (the figure's
 * data-api, the page's filters kept) and enhances the table below it, which holds the same data.
 *
 * No interface text lives here: kind names come from the legend, messages from data- attributes,
 * dates from the API (written in the page's language) or from Intl. Above the API's max_marks
 * events it sends counts per year or month; zoomed in far enough, this asks for the marks of the
 * range shown (starts_after / starts_before, within the page's own filters).
 */
(function () {
  "use strict";

  const LANE = 44; // height of a lane: its name above, its track below
  const TRACK = 22;
  const AXIS = 26;
  const PAD = 10;
  const DAY = 864e5;
  // A shape per kind, so that kinds differ by more than colour (the legend shows each).
  const SHAPES = {
    plenary: d3.symbolCircle,
    steering_committee: d3.symbolSquare,
    working_group_meeting: d3.symbolTriangle,
    side_event: d3.symbolDiamond,
    workshop: d3.symbolStar,
    conference: d3.symbolCross,
    study_tour: d3.symbolWye,
    webinar: d3.symbolTimes,
    dialogue_meeting: d3.symbolSquare2,
    launch: d3.symbolTriangle2,
    policy_milestone: d3.symbolAsterisk,
    other: d3.symbolDiamond2,
    not_stated: d3.symbolCircle, // the API's null kind: an open grey circle, the legend's last entry
  };
  const OPEN = new Set(["webinar", "dialogue_meeting", "launch", "policy_milestone", "not_stated"]);
  const COLOURS = d3.schemeTableau10;
  const NOT_STATED_COLOUR = "#767676";

  function kindColour(kind) {
    if (kind === "not_stated") return NOT_STATED_COLOUR;
    const index = Object.keys(SHAPES).indexOf(kind);
    return COLOURS[(index < 0 ? 0 : index) % COLOURS.length];
  }

  function shapePath(kind, size) {
    return d3.symbol().type(SHAPES[kind] || d3.symbolCircle).size(size)();
  }

  function utc(iso) {
    return new Date(iso + "T00:00:00Z");
  }

  function locale(figure) {
    const lang = figure.dataset.lang || "en";
    return lang === "en" ? "en-GB" : lang.replace("-hans", "-Hans");
  }

  function rows(data, name) {
    const columns = data[name + "_columns"];
    return data[name + "s"].map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]])));
  }

  function drawLegend(figure) {
    figure.querySelectorAll(".timeline-legend li").forEach((item) => {
      const svg = d3.select(item.querySelector("svg"));
      const kind = item.dataset.kind;
      if (kind) {
        svg.append("path").attr("transform", "translate(8,8)").attr("d", shapePath(kind, 70))
          .attr("class", OPEN.has(kind) ? "shape open" : "shape").attr("fill", kindColour(kind))
          .attr("stroke", kindColour(kind));
      } else if (item.dataset.legend === "phase") {
        svg.append("rect").attr("class", "phase").attr("x", 0).attr("y", 3).attr("width", 16).attr("height", 10);
      } else if (item.dataset.legend === "partial") {
        svg.append("rect").attr("class", "partial").attr("x", 0).attr("y", 3).attr("width", 16).attr("height", 10)
          .attr("fill", "url(#timeline-hatch)");
      } else if (item.dataset.legend === "count") {
        svg.append("rect").attr("class", "count").attr("x", 0).attr("y", 2).attr("width", 16).attr("height", 12);
      }
    });
  }

  function tickFormat(figure) {
    const lang = locale(figure);
    const year = new Intl.DateTimeFormat(lang, { year: "numeric", timeZone: "UTC" });
    const month = new Intl.DateTimeFormat(lang, { month: "short", timeZone: "UTC" });
    return (date) => (date.getUTCMonth() === 0 && date.getUTCDate() === 1 ? year : month).format(date);
  }

  function kindLabels(figure) {
    const labels = {};
    figure.querySelectorAll(".timeline-legend li[data-kind]").forEach((item) => {
      labels[item.dataset.kind] = item.textContent.trim();
    });
    return labels;
  }

  function setStatus(figure, key) {
    const status = figure.querySelector(".timeline-status");
    status.textContent = key ? status.dataset[key] : "";
  }

  /* One timeline figure: its scales, its layers and its zoom. */
  function Timeline(figure, data) {
    const canvas = figure.querySelector(".timeline-canvas");
    const width = Math.max(canvas.clientWidth, 280);
    const height = AXIS + data.lanes.length * LANE + PAD;
    const first = utc(data.first);
    const last = new Date(utc(data.last).getTime() + DAY);
    const x0 = d3.scaleUtc().domain([first, last]).range([PAD, width - PAD]);
    let x = x0;
    const laneIndex = new Map(data.lanes.map((lane, i) => [lane.key, i]));
    const labels = kindLabels(figure);
    const format = tickFormat(figure);
    let detail = null; // the marks of a zoomed-in range: {from, to, marks}
    let pending = null;

    canvas.replaceChildren();
    const svg = d3.select(canvas).append("svg").attr("class", "timeline-svg")
      .attr("width", width).attr("height", height).attr("viewBox", [0, 0, width, height]);
    const pattern = svg.append("defs").append("pattern").attr("id", "timeline-hatch")
      .attr("patternUnits", "userSpaceOnUse").attr("width", 6).attr("height", 6)
      .attr("patternTransform", "rotate(45)");
    pattern.append("rect").attr("width", 6).attr("height", 6).attr("class", "hatch-ground");
    pattern.append("line").attr("x1", 0).attr("y1", 0).attr("x2", 0).attr("y2", 6).attr("class", "hatch-line");
    svg.append("clipPath").attr("id", "timeline-clip").append("rect")
      .attr("x", PAD / 2).attr("y", 0).attr("width", width - PAD).attr("height", height);

    const axis = svg.append("g").attr("class", "axis").attr("aria-hidden", "true")
      .attr("transform", `translate(0,${AXIS - 4})`);
    const lanes = svg.append("g").attr("class", "lanes");
    const laneGroups = lanes.selectAll("g.lane").data(data.lanes).join("g").attr("class", "lane")
      .attr("transform", (d, i) => `translate(0,${AXIS + i * LANE})`);
    laneGroups.append("line").attr("class", "lane-rule").attr("x1", 0).attr("x2", width)
      .attr("y1", LANE - 1).attr("y2", LANE - 1);
    laneGroups.append("text").attr("class", "lane-name").attr("x", PAD).attr("y", 13).text((d) => d.name);
    const plot = svg.append("g").attr("clip-path", "url(#timeline-clip)");
    const phaseLayer = plot.append("g").attr("class", "phases").attr("aria-hidden", "true");
    const countLayer = plot.append("g").attr("class", "counts").attr("aria-hidden", "true");
    const markLayer = plot.append("g").attr("class", "marks");

    const phases = data.lanes.flatMap((lane, i) =>
      rows({ phase_columns: data.phase_columns, phases: lane.phases }, "phase").map((p) => ({ ...p, lane: i })));
    const phaseRects = phaseLayer.selectAll("rect").data(phases).join("rect").attr("class", "phase")
      .attr("y", (d) => AXIS + d.lane * LANE + 18).attr("height", TRACK);
    phaseRects.append("title").text((d) => `${d.name} (${d.when})`);

    const counts = rows(data, "count").map((c) => {
      const start = c.bucket.length === 4 ? utc(c.bucket + "-01-01") : utc(c.bucket + "-01");
      const end = c.bucket.length === 4 ? d3.utcYear.offset(start, 1) : d3.utcMonth.offset(start, 1);
      return { ...c, start, end };
    });
    const most = d3.max(counts, (c) => c.count) || 1;
    const countRects = countLayer.selectAll("rect").data(counts).join("rect").attr("class", "count")
      .attr("y", (d) => AXIS + d.lane * LANE + 18 + TRACK * (1 - Math.sqrt(d.count / most)))
      .attr("height", (d) => Math.max(2, TRACK * Math.sqrt(d.count / most)));
    countRects.append("title").text((d) => `${d.bucket}: ${d.count.toLocaleString(locale(figure))}`);

    function markRows(source, lanesOf) {
      return rows(source, "mark").map((m) => ({
        ...m,
        kind: source.kinds[m.kind] ?? "not_stated",
        lane: laneIndex.get(lanesOf[m.lane].key),
        from: utc(m.start),
        to: new Date(utc(m.end).getTime() + DAY),
        url: source.event_url.replace("{slug}", m.slug),
      }));
    }

    function drawMarks(marks) {
      const links = markLayer.selectAll("a.mark").data(marks, (d) => d.slug).join((enter) => {
        const a = enter.append("a").attr("class", (d) => `mark precision-${d.precision}`)
          .attr("href", (d) => d.url)
          .attr("aria-label", (d) => `${d.name}, ${d.when}, ${labels[d.kind] || d.kind}`);
        a.append("title").text((d) => `${d.name} (${d.when})`);
        a.filter((d) => d.precision !== "day").append("rect").attr("class", "partial")
          .attr("fill", "url(#timeline-hatch)").attr("height", TRACK - 6);
        a.filter((d) => d.precision === "day").append("line").attr("class", "duration");
        a.append("path").attr("class", (d) => (OPEN.has(d.kind) ? "shape open" : "shape"))
          .attr("d", (d) => shapePath(d.kind, 90)).attr("fill", (d) => kindColour(d.kind))
          .attr("stroke", (d) => kindColour(d.kind));
        return a;
      });
      place(links);
      return links;
    }

    function place(links) {
      links.each(function (d) {
        const y = AXIS + d.lane * LANE + 18 + TRACK / 2;
        const left = x(d.from);
        const right = Math.max(x(d.to), left + 1);
        const node = d3.select(this);
        node.select("rect.partial").attr("x", left).attr("y", y - (TRACK - 6) / 2).attr("width", right - left);
        node.select("line.duration").attr("x1", left).attr("x2", right).attr("y1", y).attr("y2", y);
        const centre = d.precision === "day" ? left : (left + right) / 2;
        node.select("path.shape").attr("transform", `translate(${centre},${y})`);
      });
    }

    function redraw() {
      axis.call(d3.axisTop(x).ticks(Math.max(2, Math.floor(width / 90))).tickFormat(format));
      phaseRects.attr("x", (d) => x(utc(d.start)))
        .attr("width", (d) => Math.max(2, x(d.end ? new Date(utc(d.end).getTime() + DAY) : x.domain()[1]) - x(utc(d.start))));
      countRects.attr("x", (d) => x(d.start) + 0.5).attr("width", (d) => Math.max(1, x(d.end) - x(d.start) - 1));
      const [from, to] = x.domain();
      const detailed = detail && detail.from <= from && to <= detail.to;
      countLayer.attr("display", detailed ? "none" : null);
      if (data.mode === "counts") {
        drawMarks(detailed ? detail.marks : []);
      } else {
        place(markLayer.selectAll("a.mark"));
      }
    }

    function wantDetail() {
      if (data.mode !== "counts") return;
      const [from, to] = x.domain();
      if (detail && detail.from <= from && to <= detail.to) return;
      clearTimeout(pending);
      pending = setTimeout(() => fetchDetail(from, to), 250);
    }

    function fetchDetail(from, to) {
      const day = (date) => date.toISOString().slice(0, 10);
      const url = new URL(figure.dataset.api, window.location.href);
      const after = url.searchParams.get("starts_after");
      const before = url.searchParams.get("starts_before");
      url.searchParams.set("starts_after", after && after > day(from) ? after : day(from));
      url.searchParams.set("starts_before", before && before < day(to) ? before : day(to));
      setStatus(figure, "loading");
      fetch(url, { headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((range) => {
          setStatus(figure, null);
          if (range.mode !== "marks") return; // still too many: the counts stay
          detail = { from, to, marks: markRows(range, range.lanes) };
          redraw();
        })
        .catch(() => setStatus(figure, "failed"));
    }

    if (data.mode === "marks") drawMarks(markRows(data, data.lanes));

    const zoom = d3.zoom().scaleExtent([1, 2000])
      .extent([[PAD, 0], [width - PAD, height]])
      .translateExtent([[PAD, 0], [width - PAD, height]])
      // The wheel zooms with Ctrl held, so that it still scrolls the page.
      .filter((event) => (event.type === "wheel" ? event.ctrlKey : !event.button))
      .on("zoom", (event) => {
        x = event.transform.rescaleX(x0);
        redraw();
        wantDetail();
      });
    svg.call(zoom);

    function zoomTo(from, to) {
      const k = (width - 2 * PAD) / (x0(to) - x0(from));
      svg.transition().duration(300).call(zoom.transform, d3.zoomIdentity.translate(PAD, 0).scale(k).translate(-x0(from), 0));
    }

    figure.querySelectorAll("[data-zoom]").forEach((control) => {
      const action = control.dataset.zoom;
      if (action === "year") {
        control.addEventListener("change", () => {
          if (!control.value) return svg.transition().duration(300).call(zoom.transform, d3.zoomIdentity);
          const year = Number(control.value);
          zoomTo(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1)));
        });
      } else {
        control.addEventListener("click", () => {
          if (action === "reset") svg.transition().duration(300).call(zoom.transform, d3.zoomIdentity);
          else svg.transition().duration(300).call(zoom.scaleBy, action === "in" ? 2 : 0.5);
        });
      }
    });
    redraw();
  }

  function start(figure) {
    if (!figure || figure.dataset.started) return;
    figure.dataset.started = "true";
    performance.mark("timeline:start");
    drawLegend(figure);
    const url = new URL(figure.dataset.api, window.location.href);
    url.searchParams.set("lang", figure.dataset.lang || "en");
    figure.dataset.api = url.toString();
    fetch(url, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => {
        performance.mark("timeline:data");
        if (!data.total) return;
        Timeline(figure, data);
        performance.mark("timeline:drawn");
        performance.mark("atlas:drawn"); // bench/views.py: the first picture is on the screen
        performance.measure("timeline:first-draw", "timeline:start", "timeline:drawn");
        figure.dataset.drawn = data.mode;
      })
      .catch(() => setStatus(figure, "failed"));
  }

  function startAll() {
    document.querySelectorAll("figure.timeline").forEach(start);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
  // The filter panel swaps the results (and the figure with them) through htmx.
  document.addEventListener("htmx:afterSettle", startAll);
})();
