// The console's graphs: uPlot draws each figure's series from the JSON the page was made
// from, and the script asks for it again every 10 s (the step the nodes sample at), so the
// graphs move while the page is open. Without JavaScript the tables under them stand alone.
(function () {
  'use strict';
  var root = document.getElementById('ops-graphs');
  if (!root || typeof window.uPlot === 'undefined' || !window.fetch) return;
  var source = root.getAttribute('data-source');
  var COLOURS = ['#c2185b', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f'];
  var REFRESH_MS = 10000;
  var plots = [];
  var releases = [];

  // A vertical line and the version at each release first seen within the window.
  function markReleases(u) {
    var ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = '#777';
    ctx.fillStyle = '#555';
    ctx.setLineDash([4, 4]);
    ctx.font = 12 * devicePixelRatio + 'px sans-serif';
    releases.forEach(function (r) {
      var x = u.valToPos(r.at, 'x', true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.fillText(r.version, x + 4, u.bbox.top + 12 * devicePixelRatio);
    });
    ctx.restore();
  }

  function dataOf(figure, body) {
    var keys = figure.getAttribute('data-series').split(',');
    return [body.times].concat(
      keys.map(function (k) {
        return (
          body.series[k] ||
          body.times.map(function () {
            return null;
          })
        );
      }),
    );
  }

  function widthOf(figure) {
    return Math.max(280, figure.clientWidth - 8);
  }

  function build(body) {
    Array.prototype.forEach.call(root.querySelectorAll('figure.graph'), function (figure) {
      var labels = figure.getAttribute('data-labels').split('|');
      var series = [{}].concat(
        labels.map(function (label, i) {
          return { label: label, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: true };
        }),
      );
      var target = figure.querySelector('.plot');
      target.removeAttribute('aria-hidden');
      target.setAttribute('role', 'img');
      target.setAttribute('aria-label', figure.querySelector('h3').textContent);
      var plot = new window.uPlot(
        {
          width: widthOf(figure),
          height: 220,
          series: series,
          axes: [{}, { size: 56 }],
          hooks: { draw: [markReleases] },
        },
        dataOf(figure, body),
        target,
      );
      plots.push({ figure: figure, plot: plot });
    });
  }

  function update(body) {
    releases = body.releases || [];
    if (plots.length === 0) build(body);
    plots.forEach(function (p) {
      var data = dataOf(p.figure, body);
      p.plot.setData(data);
      // What the newest point says, for anyone (or any test) reading the page.
      var last = data.map(function (s) {
        return s[s.length - 1];
      });
      p.figure.setAttribute('data-points', String(body.times.length));
      p.figure.setAttribute('data-latest', JSON.stringify(last.slice(1)));
    });
  }

  function refresh() {
    fetch(source, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(update)
      .catch(function () {
        // The next refresh tries again; the figures shown stay until then.
      })
      .then(function () {
        setTimeout(refresh, REFRESH_MS);
      });
  }

  window.addEventListener('resize', function () {
    plots.forEach(function (p) {
      p.plot.setSize({ width: widthOf(p.figure), height: 220 });
    });
  });
  refresh();
})();
