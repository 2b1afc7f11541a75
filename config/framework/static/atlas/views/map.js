/* The map of events and organisations (templates/visuals/map.html).
 *
 * Draws the Natural Earth countries (the vendored world-atlas, through topojson-client and d3-geo),
 * shaded by their number of organisations, and the places of events from GET /api/v1/map/ with the
 * page's filters. Places near each other on screen are grouped into one circle at the current
 * zoom; zooming (wheel, drag, the buttons, or a click on a group) separates them. A place's circle
 * lists its events, each linking to its record. Every text comes from the page (#map-labels,
 * #map-config); the table under the map holds the same data for readers without the drawing.
 */
(function () {
  "use strict";

  var CLUSTER_DISTANCE = 22; // px on screen: closer places are one circle
  var MAX_ZOOM = 64;

  var config = JSON.parse(document.getElementById("map-config").textContent);
  var labels = JSON.parse(document.getElementById("map-labels").textContent);
  var figure = document.getElementById("map-figure");
  var detail = document.getElementById("map-detail");
  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var svg = d3.select("#map");
  var width = 960;
  var height = 500;
  var projection = d3.geoNaturalEarth1();
  var path = d3.geoPath(projection);
  var layer = svg.append("g").attr("class", "countries");
  var pointsLayer = svg.append("g").attr("class", "places");
  var transform = d3.zoomIdentity;
  var basemap = null; // the countries, drawn once (a promise, so that a filter meanwhile waits for it)
  var places = [];
  var request = 0;

  // The page gives the drawing's box its viewBox (and so its size) before this script runs.
  svg.attr("viewBox", "0 0 " + width + " " + height);

  var zoom = d3
    .zoom()
    .scaleExtent([1, MAX_ZOOM])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    .on("zoom", function (event) {
      transform = event.transform;
      layer.attr("transform", transform);
      drawPlaces();
    });
  svg.call(zoom);

  figure.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-zoom");
      if (action === "reset") svg.transition().duration(300).call(zoom.transform, d3.zoomIdentity);
      else svg.transition().duration(300).call(zoom.scaleBy, action === "in" ? 2 : 0.5);
    });
  });

  function currentQuery() {
    var results = document.getElementById("results");
    return results ? results.getAttribute("data-map-query") || "" : config.query;
  }

  function load() {
    var query = currentQuery();
    var number = ++request;
    var params = new URLSearchParams(query);
    params.set("lang", config.language);
    var data = fetch(config.api + "?" + params.toString(), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    });
    basemap = basemap || d3.json(config.world).then(drawBasemap);
    Promise.all([basemap, data]).then(function (loaded) {
      if (number !== request) return; // a newer filter has been applied meanwhile
      draw(loaded[1]);
      performance.mark("atlas:drawn"); // bench/views.py: the first picture is on the screen
    }).catch(function (error) {
      figure.hidden = true; // the table under the map still says everything
      console.warn("map:", error.message);
    });
  }

  // The page must stay responsive while the basemap is drawn (a long task delays every tap: Total
  // Blocking Time): its countries are projected once, a few at a time, yielding to the browser
  // between batches; filtering and zooming never project them again (a filter only recolours them,
  // a zoom moves their layer).
  var COUNTRIES_PER_BATCH = 30;

  function nextTask() {
    if (window.scheduler && typeof window.scheduler.yield === "function") return window.scheduler.yield();
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  function drawBasemap(topology) {
    projection.fitExtent(
      [
        [4, 4],
        [width - 4, height - 4],
      ],
      { type: "Sphere" }
    );
    var features = topojson.feature(topology, topology.objects.countries).features;
    var drawn = Promise.resolve();
    for (var start = 0; start < features.length; start += COUNTRIES_PER_BATCH) {
      drawn = drawn.then(drawBatch(features.slice(start, start + COUNTRIES_PER_BATCH))).then(nextTask);
    }
    return drawn;
  }

  function drawBatch(batch) {
    return function () {
      var shapes = layer
        .selectAll(null)
        .data(batch)
        .enter()
        .append("path")
        .attr("class", "country empty")
        .attr("d", path)
        .attr("data-country", countryCode);
      shapes.append("title");
    };
  }

  function draw(data) {
    var perCountry = new Map(data.organisations.map(function (row) { return [row.country, row.count]; }));
    var most = d3.max(data.organisations, function (row) { return row.count; }) || 1;
    // From a light blue (one organisation) to a dark one: never the scale's white, which reads as none.
    var shade = d3
      .scaleSequentialLog(function (t) { return d3.interpolateBlues(0.25 + 0.75 * t); })
      .domain([1, Math.max(2, most)]);
    layer
      .selectAll("path.country")
      .attr("class", function (feature) {
        return "country" + (perCountry.get(countryCode(feature)) ? "" : " empty");
      })
      .attr("fill", function (feature) {
        var count = perCountry.get(countryCode(feature));
        return count ? shade(count) : null;
      })
      .select("title")
      .text(function (feature) {
        var count = perCountry.get(countryCode(feature)) || 0;
        return countryName(feature) + " – " + labels.organisations + ": " + numberFormat.format(count);
      });
    places = data.places.map(function (place) {
      var point = projection([place.longitude, place.latitude]);
      return Object.assign({ x: point[0], y: point[1] }, place);
    });
    detail.replaceChildren();
    drawPlaces();
  }

  function countryCode(feature) {
    var known = config.countries[feature.id];
    return known ? known[0] : "";
  }

  function countryName(feature) {
    var known = config.countries[feature.id];
    return known ? known[1] : feature.properties.name;
  }

  // Greedy clustering on screen: biggest places first, each joins the first circle within reach.
  function clusters() {
    var groups = [];
    places
      .slice()
      .sort(function (a, b) { return b.count - a.count; })
      .forEach(function (place) {
        var x = transform.applyX(place.x);
        var y = transform.applyY(place.y);
        var home = groups.find(function (group) {
          return Math.hypot(group.x - x, group.y - y) < CLUSTER_DISTANCE;
        });
        if (home) {
          home.places.push(place);
          home.count += place.count;
        } else {
          groups.push({ x: x, y: y, count: place.count, places: [place], key: place.key });
        }
      });
    return groups;
  }

  function drawPlaces() {
    var groups = clusters();
    var radius = d3.scaleSqrt().domain([1, d3.max(groups, function (g) { return g.count; }) || 1]).range([7, 22]);
    pointsLayer
      .selectAll("g.place")
      .data(groups, function (group) { return group.key; })
      .join(function (enter) {
        var entered = enter
          .append("g")
          .attr("class", "place")
          .attr("tabindex", 0)
          .attr("role", "button");
        entered.append("circle");
        entered.append("text");
        entered.on("click", function (event, group) { choose(group); });
        entered.on("keydown", function (event, group) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            choose(group);
          }
        });
        return entered;
      })
      .attr("transform", function (group) { return "translate(" + group.x + "," + group.y + ")"; })
      .attr("data-count", function (group) { return group.count; })
      .attr("data-places", function (group) { return group.places.length; })
      .attr("aria-label", describe)
      .call(function (selection) {
        selection.select("circle").attr("r", function (group) { return radius(group.count); });
        selection.select("text").text(function (group) { return numberFormat.format(group.count); });
      });
  }

  function describe(group) {
    var names = group.places.map(placeName).join("; ");
    var text = names + " – " + labels.events + ": " + numberFormat.format(group.count);
    return group.places.length > 1 ? text + ". " + labels.zoomIn : text;
  }

  function placeName(place) {
    return [place.city, place.country_name].filter(Boolean).join(", ");
  }

  // A group of places zooms in until its places separate; a single place lists its events.
  function choose(group) {
    if (group.places.length > 1 && transform.k < MAX_ZOOM) {
      var xs = d3.extent(group.places, function (place) { return place.x; });
      var ys = d3.extent(group.places, function (place) { return place.y; });
      var span = Math.max(xs[1] - xs[0], ys[1] - ys[0], 1);
      var scale = Math.min(MAX_ZOOM, Math.max(transform.k * 2, (0.5 * Math.min(width, height)) / span));
      var cx = (xs[0] + xs[1]) / 2;
      var cy = (ys[0] + ys[1]) / 2;
      svg
        .transition()
        .duration(400)
        .call(zoom.transform, d3.zoomIdentity.translate(width / 2, height / 2).scale(scale).translate(-cx, -cy));
      return;
    }
    showPlaces(group.places);
  }

  function showPlaces(chosen) {
    detail.replaceChildren();
    chosen.forEach(function (place) {
      var heading = document.createElement("h2");
      heading.textContent = placeName(place) + " – " + labels.events + ": " + numberFormat.format(place.count);
      var list = document.createElement("ul");
      place.events.forEach(function (event) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = event.html_url;
        link.textContent = event.name;
        item.append(link);
        if (event.period) {
          var when = document.createElement("span");
          when.className = "meta";
          when.textContent = " " + event.period;
          item.append(when);
        }
        list.append(item);
      });
      if (place.more) {
        var more = document.createElement("li");
        more.textContent = labels.more.replace("{n}", numberFormat.format(place.more));
        list.append(more);
      }
      detail.append(heading, list);
    });
  }

  // Filters applied through htmx replace the results (and their query): draw them again.
  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "results") load();
  });

  load();
})();
