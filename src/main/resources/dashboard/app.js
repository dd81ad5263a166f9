// Chargeline dashboard: draws the charts and sparklines from the numbers the server put in data attributes
// (each chart has a table or a CSV download of the same numbers beside it). No inline scripts (the pages'
// Content-Security-Policy allows only scripts from this server).
(function () {
  "use strict";
  var palette = ["#1f5fbf", "#e07a1f", "#2a9d5b", "#b83280", "#6b7280", "#c0392b", "#8e44ad", "#16a085", "#d4ac0d", "#34495e"];

  function draw(root) {
    if (typeof Chart === "undefined") {
      return;
    }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "1";
      var spec = JSON.parse(canvas.dataset.chart);
      var doughnut = spec.kind === "doughnut";
      var datasets = spec.series.map(function (s, i) {
        var set = { label: s.label, data: s.data };
        if (doughnut) {
          set.backgroundColor = spec.labels.map(function (_, j) { return palette[j % palette.length]; });
        } else {
          set.backgroundColor = palette[i % palette.length];
          set.borderColor = palette[i % palette.length];
          set.yAxisID = s.axis;
          if (i > 0) {
            set.type = "line";
          }
        }
        return set;
      });
      var options = { responsive: true, maintainAspectRatio: false, animation: false };
      if (!doughnut) {
        options.scales = { y: { beginAtZero: true, position: "left" },
          y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } } };
      }
      new Chart(canvas, { type: doughnut ? "doughnut" : "bar", data: { labels: spec.labels, datasets: datasets },
        options: options });
    });
    root.querySelectorAll("canvas[data-spark]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "1";
      var values = canvas.dataset.spark.split(",").map(Number);
      new Chart(canvas, {
        type: "line",
        data: { labels: values.map(function (_, i) { return i + 1; }),
          datasets: [{ data: values, borderColor: "#1f5fbf", borderWidth: 1.5, pointRadius: 0, fill: false }] },
        options: { responsive: false, animation: false, events: [],
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          scales: { x: { display: false }, y: { display: false, beginAtZero: true } } }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (e) { draw(e.target); });
})();
