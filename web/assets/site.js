// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // City type-ahead: suggests real places as the member types, into the field's datalist.
  document.querySelectorAll('input[data-cities]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) return;
    var timer = null;
    var last = '';
    input.addEventListener('input', function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        last = q;
        fetch('/api/v1/cities?limit=8&q=' + encodeURIComponent(q), {
          headers: { accept: 'application/json' },
        })
          .then(function (r) {
            return r.ok ? r.json() : { cities: [] };
          })
          .then(function (body) {
            list.textContent = '';
            body.cities.forEach(function (city) {
              var option = document.createElement('option');
              option.value = city.label;
              list.appendChild(option);
            });
          })
          .catch(function () {
            /* the server still resolves typed names without suggestions */
          });
      }, 150);
    });
  });
})();
