/* Who meets whom: the network of /network/ drawn with d3-force over its table.
 *
 * The table (server-rendered) is the record; this drawing enhances it. The data comes from
 * /api/v1/network/ with the page's own choice (figure[data-api]); the accessible name of each
 * organisation, already translated by the page, from #network-labels. No interface text here.
 * Each organisation is an SVG link to its page: Tab reaches it, focus or hover highlights whom it
 * meets, a drag moves it, the wheel or a pinch zooms. figure[data-state] says "settled" when the
 * layout, computed before it is shown, appears (the browser tests and the measurements read it).
 */
(function () {
  "use strict";

  const figure = document.querySelector(".network-figure");
  if (!figure || typeof d3 === "undefined") return;
  const canvas = figure.querySelector(".network-canvas");
  const labels = JSON.parse(document.getElementById("network-labels").textContent);
  const width = 960;
  const height = 640;

  function radius(node, maxDegree) {
    return 5 + 16 * Math.sqrt(node.degree / maxDegree);
  }

  function draw(data) {
    const nodes = data.nodes.map((node) => Object.assign({}, node));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const links = data.edges
      .filter((edge) => byId.has(edge.source) && byId.has(edge.target))
      .map((edge) => Object.assign({}, edge));
    const neighbours = new Map(nodes.map((node) => [node.id, new Set([node.id])]));
    links.forEach((edge) => {
      neighbours.get(edge.source).add(edge.target);
      neighbours.get(edge.target).add(edge.source);
    });
    const maxDegree = d3.max(nodes, (node) => node.degree) || 1;
    const maxWeight = d3.max(links, (edge) => edge.weight) || 1;

    const svg = d3
      .select(canvas)
      .append("svg")
      .attr("viewBox", [-width / 2, -height / 2, width, height].join(" "))
      .attr("class", "network-svg");
    const world = svg.append("g");
    const edgeLayer = world.append("g").attr("class", "network-edges");
    const nodeLayer = world.append("g").attr("class", "network-nodes");

    const lines = edgeLayer
      .selectAll("line")
      .data(links)
      .join("line")
      .attr("stroke-width", (edge) => 0.75 + 4 * Math.sqrt(edge.weight / maxWeight));

    const anchors = nodeLayer
      .selectAll("a")
      .data(nodes)
      .join("a")
      .attr("href", (node) => node.html_url)
      .attr("class", "network-node")
      .attr("data-slug", (node) => node.slug)
      .attr("aria-label", (node) => labels[node.id] || node.name);
    anchors.append("circle").attr("r", (node) => radius(node, maxDegree));
    anchors
      .append("text")
      .attr("dy", (node) => -radius(node, maxDegree) - 3)
      .attr("aria-hidden", "true")
      .text((node) => node.label);

    function highlight(node) {
      const near = node ? neighbours.get(node.id) : null;
      figure.classList.toggle("has-focus", Boolean(node));
      anchors.classed("is-near", (other) => Boolean(near && near.has(other.id)));
      anchors.classed("is-focus", (other) => Boolean(node && other.id === node.id));
      lines.classed("is-near", (edge) => Boolean(node && (edge.source.id === node.id || edge.target.id === node.id)));
    }
    const focusSlug = figure.dataset.focus;
    const focused = () => nodes.find((node) => node.slug === focusSlug) || null;
    anchors
      .on("focus mouseenter", (event, node) => highlight(node))
      .on("blur mouseleave", () => highlight(focused()));

    const simulation = d3
      .forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((node) => node.id).distance(60).strength((edge) => 0.2 + 0.6 * edge.weight / maxWeight))
      .force("charge", d3.forceManyBody().strength(-160))
      .force("collide", d3.forceCollide((node) => radius(node, maxDegree) + 2))
      .force("x", d3.forceX().strength(0.06))
      .force("y", d3.forceY().strength(0.08));

    function render() {
      lines
        .attr("x1", (edge) => edge.source.x)
        .attr("y1", (edge) => edge.source.y)
        .attr("x2", (edge) => edge.target.x)
        .attr("y2", (edge) => edge.target.y);
      anchors.attr("transform", (node) => `translate(${node.x},${node.y})`);
    }

    // The layout is computed before it is shown, in slices of a few milliseconds with the browser
    // free between them (no long task, no animation to wait for): the drawing appears once, at rest.
    // A drag wakes the simulation, which then moves the drawing until it rests again.
    simulation.stop();
    svg.attr("visibility", "hidden");
    const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
    let done = 0;
    (function settle() {
      const started = performance.now();
      while (done < ticks && performance.now() - started < 12) {
        simulation.tick();
        done += 1;
      }
      if (done < ticks) {
        setTimeout(settle, 0);
        return;
      }
      render();
      svg.attr("visibility", null);
      performance.mark("network-drawn");
      performance.mark("atlas:drawn"); // bench/views.py: the first picture is on the screen
      performance.mark("network-settled");
      figure.dataset.state = "settled";
      simulation.on("tick", render);
    })();

    anchors.call(
      d3
        .drag()
        .on("start", (event, node) => {
          if (!event.active) simulation.alphaTarget(0.3).restart();
          node.fx = node.x;
          node.fy = node.y;
        })
        .on("drag", (event, node) => {
          node.fx = event.x;
          node.fy = event.y;
        })
        .on("end", (event, node) => {
          if (!event.active) simulation.alphaTarget(0);
          node.fx = null;
          node.fy = null;
        })
    );
    svg.call(
      d3
        .zoom()
        .scaleExtent([0.25, 6])
        .on("zoom", (event) => world.attr("transform", event.transform))
    );
    highlight(focused());
  }

  performance.mark("network-fetch");
  fetch(figure.dataset.api, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(draw)
    .catch(() => {
      figure.hidden = true;
      figure.dataset.state = "failed";
    });
})();
