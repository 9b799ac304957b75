// Browser side of the SPARQL editor: starts YASGUI against this endpoint and fills the examples menu.
(function () {
  'use strict';
  var endpoint = window.location.origin + window.location.pathname;
  var examples = JSON.parse(document.getElementById('example-queries').textContent || '[]');
  var yasgui = new window.Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    // Only this endpoint: the stock catalogue lists public endpoints elsewhere.
    endpointCatalogueOptions: {
      getData: function () {
        return [{ endpoint: endpoint }];
      },
    },
    copyEndpointOnNewTab: true,
    // Share links carry the query in the URL fragment (#query=...), which never reaches the server.
    populateFromUrl: true,
    // Nothing persists between visits, so the page is a pure function of the server's answer.
    persistenceId: null,
    // Class and property completion asks a remote vocabulary service; keep the editor offline.
    yasqe: { autocompleters: ['variables', 'prefixes'], prefixCcApi: null },
  });
  var tab = yasgui.getTab();
  if (tab && tab.getEndpoint() !== endpoint) tab.setEndpoint(endpoint);
  var menu = document.getElementById('examples');
  menu.addEventListener('change', function () {
    var example = examples[Number(menu.value)];
    var current = yasgui.getTab();
    if (example && current) {
      current.setQuery(example.query);
      current.getYasqe().focus();
    }
  });
  window.casegraphEditor = yasgui;
})();
