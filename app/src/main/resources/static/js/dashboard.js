// The dashboard's by-month bar chart (chart.js from the webjar, no CDN).
(function () {
  var data = window.digilabMonths;
  var canvas = document.getElementById('months-chart');
  if (!data || !canvas || typeof Chart === 'undefined') {
    return;
  }
  new Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels, datasets: [{ label: data.label, data: data.hours, backgroundColor: '#2f6fb0' }] },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
  });
})();
