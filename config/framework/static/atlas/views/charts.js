/*
 * The charts over their tables: each `.chart-canvas` names the API endpoint of its numbers
 * (data-endpoint), the table that already shows them (data-table) and the sentence that says what
 * they show (data-summary). The picture is drawn above the table and never replaces it.
 *
 * No interface text lives here: the series' names are read from the table's column headers (the
 * page wrote them in its language), numbers are written by Intl in the page's language.
 * Colour is never the only cue: each series has a pattern of its own, repeated in the legend.
 */
(function () {
  "use strict";

  // Okabe and Ito's colours, told apart with each kind of colour blindness.
  const COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c6d31", "#000000", "#999999", "#f0e442"];
  const PATTERNS = ["solid", "diagonal", "dots", "horizontal", "vertical", "cross", "back-diagonal", "grid", "rings", "solid-dark"];
  const HEIGHT = 240;
  const MARGIN = { top: 8, right: 8, bottom: 28, left: 36 };

  const language = document.documentElement.lang || "en";
  const formatNumber = new Intl.NumberFormat(language).format;

  function seriesLabels(table) {
    const labels = new Map();
    table.querySelectorAll("thead th[data-key]").forEach((th) => labels.set(th.dataset.key, th.textContent.trim()));
    return labels;
  }

  /** One <pattern> per series: its colour, overlaid with a mark of its own (stripes, dots …). */
  function definePatterns(svg, id, count) {
    const defs = svg.append("defs");
    for (let index = 0; index < count; index += 1) {
      const kind = PATTERNS[index % PATTERNS.length];
      const pattern = defs
        .append("pattern")
        .attr("id", `${id}-pattern-${index}`)
        .attr("patternUnits", "userSpaceOnUse")
        .attr("width", 8)
        .attr("height", 8);
      pattern.append("rect").attr("width", 8).attr("height", 8).attr("fill", COLOURS[index % COLOURS.length]);
      const mark = { stroke: "#fff", "stroke-width": 1.5, fill: "none" };
      const line = (x1, y1, x2, y2) => {
        const element = pattern.append("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2);
        Object.entries(mark).forEach(([name, value]) => element.attr(name, value));
      };
      if (kind === "diagonal" || kind === "cross") line(0, 8, 8, 0);
      if (kind === "back-diagonal" || kind === "cross") line(0, 0, 8, 8);
      if (kind === "horizontal" || kind === "grid") line(0, 4, 8, 4);
      if (kind === "vertical" || kind === "grid") line(4, 0, 4, 8);
      if (kind === "dots") pattern.append("circle").attr("cx", 4).attr("cy", 4).attr("r", 1.6).attr("fill", "#fff");
      if (kind === "rings") {
        pattern.append("circle").attr("cx", 4).attr("cy", 4).attr("r", 2.2).attr("fill", "none").attr("stroke", "#fff");
      }
    }
    return (index) => `url(#${id}-pattern-${index})`;
  }

  /** The legend the page wrote (one item per series, in the page's language): its swatches. */
  function legend(canvas, id) {
    canvas.querySelectorAll(".chart-legend li").forEach((item, index) => {
      const swatch = d3.select(item.querySelector("svg"));
      swatch.selectAll("*").remove();
      definePatterns(swatch, `${id}-legend-${index}`, index + 1);
      swatch.append("rect").attr("width", 16).attr("height", 16).attr("fill", `url(#${id}-legend-${index}-pattern-${index})`);
    });
  }

  function yearTicks(years, width) {
    const step = Math.max(1, Math.ceil((years.length * 40) / Math.max(width, 1)));
    return years.filter((year, index) => index % step === 0);
  }

  function stacked(canvas, data, labels, id, summaryId) {
    const width = Math.max(canvas.clientWidth, 280);
    const years = data.years.map((row) => row.year);
    const svg = d3
      .create("svg")
      .attr("viewBox", `0 0 ${width} ${HEIGHT}`)
      .attr("role", "img")
      .attr("aria-labelledby", summaryId);
    const fill = definePatterns(svg, id, data.series.length);
    const x = d3.scaleBand(years, [MARGIN.left, width - MARGIN.right]).padding(0.15);
    const y = d3
      .scaleLinear([0, d3.max(data.years, (row) => row.total) || 1], [HEIGHT - MARGIN.bottom, MARGIN.top])
      .nice();
    svg
      .append("g")
      .attr("class", "axis")
      .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(d3.axisBottom(x).tickValues(yearTicks(years, width)).tickFormat(String));
    svg
      .append("g")
      .attr("class", "axis")
      .attr("transform", `translate(${MARGIN.left},0)`)
      .call(d3.axisLeft(y).ticks(4).tickFormat((value) => (Number.isInteger(value) ? formatNumber(value) : "")));
    const segments = [];
    data.years.forEach((row) => {
      let base = 0;
      row.counts.forEach((count, index) => {
        if (count > 0) segments.push({ year: row.year, index, count, base });
        base += count;
      });
    });
    svg
      .append("g")
      .selectAll("rect")
      .data(segments)
      .join("rect")
      .attr("class", "bar")
      .attr("data-count", (d) => d.count)
      .attr("x", (d) => x(d.year))
      .attr("width", x.bandwidth())
      .attr("y", (d) => y(d.base + d.count))
      .attr("height", (d) => y(d.base) - y(d.base + d.count))
      .attr("fill", (d) => fill(d.index))
      .attr("stroke", "#fff")
      .attr("stroke-width", 0.5)
      .append("title")
      .text((d) => `${d.year} · ${labels.get(data.series[d.index].key) || data.series[d.index].label}: ${formatNumber(d.count)}`);
    canvas.append(svg.node());
  }

  function heat(canvas, data, labels, id, summaryId) {
    const width = Math.max(canvas.clientWidth, 280);
    const years = data.years.map((row) => row.year);
    const labelWidth = Math.min(160, Math.round(width * 0.38));
    const rowHeight = 22;
    const height = MARGIN.top + data.series.length * rowHeight + MARGIN.bottom;
    const svg = d3
      .create("svg")
      .attr("viewBox", `0 0 ${width} ${height}`)
      .attr("role", "img")
      .attr("aria-labelledby", summaryId);
    const x = d3.scaleBand(years, [labelWidth, width - MARGIN.right]).padding(0.06);
    const y = d3.scaleBand(d3.range(data.series.length), [MARGIN.top, height - MARGIN.bottom]).padding(0.06);
    const most = d3.max(data.years, (row) => d3.max(row.counts)) || 1;
    const shade = (count) => d3.interpolateBlues(0.2 + (0.8 * count) / most);
    svg
      .append("g")
      .attr("class", "axis")
      .attr("transform", `translate(0,${height - MARGIN.bottom})`)
      .call(d3.axisBottom(x).tickValues(yearTicks(years, width - labelWidth)).tickFormat(String));
    svg
      .append("g")
      .attr("class", "heat-labels")
      .selectAll("text")
      .data(data.series)
      .join("text")
      .attr("x", labelWidth - 6)
      .attr("y", (d, index) => y(index) + y.bandwidth() / 2)
      .attr("dy", "0.35em")
      .attr("text-anchor", "end")
      .text((d) => {
        const label = labels.get(d.key) || d.label;
        const room = Math.floor(labelWidth / 7);
        return label.length > room ? `${label.slice(0, room - 1)}…` : label;
      });
    const cells = [];
    data.years.forEach((row) => row.counts.forEach((count, index) => count > 0 && cells.push({ year: row.year, index, count })));
    const cell = svg.append("g").selectAll("g").data(cells).join("g");
    cell
      .append("rect")
      .attr("class", "cell")
      .attr("data-count", (d) => d.count)
      .attr("x", (d) => x(d.year))
      .attr("y", (d) => y(d.index))
      .attr("width", x.bandwidth())
      .attr("height", y.bandwidth())
      .attr("fill", (d) => shade(d.count))
      .append("title")
      .text((d) => `${labels.get(data.series[d.index].key) || data.series[d.index].label}, ${d.year}: ${formatNumber(d.count)}`);
    // The number itself, where it fits: the shade alone is not the only cue.
    if (x.bandwidth() >= 14) {
      cell
        .append("text")
        .attr("class", "cell-count")
        .attr("x", (d) => x(d.year) + x.bandwidth() / 2)
        .attr("y", (d) => y(d.index) + y.bandwidth() / 2)
        .attr("dy", "0.35em")
        .attr("text-anchor", "middle")
        .attr("fill", (d) => (d.count / most > 0.5 ? "#fff" : "#000"))
        .text((d) => formatNumber(d.count));
    }
    canvas.append(svg.node());
  }

  const DRAW = { stacked, heat };

  /* The drawing replaces the placeholder that kept its place (the page reserved its height, so the
   * page does not move); a redraw at a new width replaces the drawing. */
  function draw(canvas, data) {
    const table = document.getElementById(canvas.dataset.table);
    const labels = seriesLabels(table);
    const drawing = canvas.querySelector(".chart-drawing");
    drawing.replaceChildren();
    DRAW[canvas.dataset.chart](drawing, data, labels, table.id, canvas.dataset.summary);
    canvas.dataset.drawnWidth = String(canvas.clientWidth);
  }

  function enhance(canvas) {
    fetch(canvas.dataset.endpoint, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (!data || !data.years.length) {
          canvas.hidden = true;
          return;
        }
        draw(canvas, data);
        legend(canvas, canvas.dataset.table);
        canvas.classList.add("is-drawn");
        performance.mark("atlas:drawn"); // bench/views.py: the first picture is on the screen
        // Redrawn at a new width (a turned phone), not on every pixel of a resize.
        new ResizeObserver(() => {
          if (Math.abs(canvas.clientWidth - Number(canvas.dataset.drawnWidth)) > 24) draw(canvas, data);
        }).observe(canvas);
      })
      .catch(() => {
        canvas.hidden = true; // without the numbers from the API the table still shows them
      });
  }

  document.querySelectorAll(".chart-canvas[data-endpoint]").forEach(enhance);
})();
