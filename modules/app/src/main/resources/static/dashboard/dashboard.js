'use strict';
// The dashboard: figures of the nation, a caisse or a département from GET /api/v1/dashboard, tables from
// /api/v1/dashboard/tables/…, kept live by the server-sent events of /api/v1/dashboard/stream.
(() => {
  const euros = new Intl.NumberFormat('fr-FR', {style: 'currency', currency: 'EUR'});
  const numbers = new Intl.NumberFormat('fr-FR', {maximumFractionDigits: 2});
  const params = new URLSearchParams(window.location.search);
  const state = {
    caisse: params.get('caisse') || '', departement: params.get('departement') || '',
    generation: 0, table: 'contracts', page: 0, size: 25, sort: null, dir: 'asc', filters: {}, charts: {},
    departements: []
  };
  const national = () => {
    const roles = (Auth.claims() || {}).roles || [];
    return roles.includes('AUDITOR') || roles.includes('NATIONAL_MANAGER');
  };
  const $ = id => document.getElementById(id);

  function scopeQuery() {
    const query = new URLSearchParams();
    if (state.caisse) query.set('caisse', state.caisse);
    if (state.departement) query.set('departement', state.departement);
    return query;
  }

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  async function json(path) {
    const answer = await Auth.api(path);
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) {
      throw new Error((body && body.detail) || ('erreur ' + answer.status));
    }
    return body;
  }

  async function loadFigures() {
    const view = await json('/api/v1/dashboard?' + scopeQuery());
    render(view);
    await loadTable();
    state.generation = view.generation;
    document.body.dataset.generation = view.generation;
    document.body.dataset.state = 'ready';
  }

  function render(view) {
    const scope = view.scope;
    $('scope-title').textContent = (scope.caisse ? scope.caisseName || ('Caisse ' + scope.caisse) : 'France entière')
        + (scope.departement ? ' — département ' + scope.departement : '');
    $('as-of').textContent = 'au ' + new Date(view.asOf + 'T00:00:00').toLocaleDateString('fr-FR');
    const totals = Object.assign({}, view.totals, {ordersAwaiting: view.ordersAwaitingAnswer.count});
    document.querySelectorAll('[data-kpi]').forEach(element => {
      const value = totals[element.dataset.kpi];
      element.dataset.value = value;
      element.textContent = element.hasAttribute('data-money') ? euros.format(value / 100) : numbers.format(value);
    });
    renderCaisses(view);
    if (!state.departement) {
      state.departements = view.byDepartement.map(d => ({key: d.key, label: d.label}));
    }
    renderDepartements();
    const months = view.contracts;
    const versions = [...new Set(months.flatMap(m => Object.keys(m.byVersion)))];
    const options = [...new Set(months.flatMap(m => Object.keys(m.fteByOption)))];
    chart('chart-versions', 'line', months.map(m => m.month),
          versions.map(v => ({label: Labels.of('version', v), data: months.map(m => m.byVersion[v] || 0)})),
          {stacked: true});
    chart('chart-options', 'line', months.map(m => m.month),
          options.map(o => ({label: Labels.of('option', o), data: months.map(m => m.fteByOption[o] || 0)})),
          {stacked: true});
    const payments = view.payments;
    chart('chart-payments', 'bar', payments.map(p => p.month), [
      {label: 'Échu', data: payments.map(p => p.dueCents / 100)},
      {label: 'Payé', data: payments.map(p => p.paidCents / 100)},
      {label: 'Récupéré', data: payments.map(p => p.recoveredCents / 100)}]);
    chart('chart-achievement', 'bar', view.achievement.map(b => b.label),
          [{label: 'Évaluations', data: view.achievement.map(b => b.evaluations)}]);
    const kinds = [...new Set([].concat(Object.keys(view.deadlines.within30Days),
                                        Object.keys(view.deadlines.within90Days), Object.keys(view.deadlines.overdue)))];
    chart('chart-deadlines', 'bar', kinds.map(k => Labels.of('deadline', k)), [
      {label: 'Sous 30 jours', data: kinds.map(k => view.deadlines.within30Days[k] || 0)},
      {label: 'Sous 90 jours', data: kinds.map(k => view.deadlines.within90Days[k] || 0)},
      {label: 'Dépassées', data: kinds.map(k => view.deadlines.overdue[k] || 0)}]);
    const territories = (scope.caisse ? view.byDepartement : view.byCaisse).slice(0, 20);
    chart('chart-territories', 'bar', territories.map(t => t.label),
          [{label: 'Contrats en cours', data: territories.map(t => t.contracts)},
           {label: 'ETP', data: territories.map(t => t.fte)}],
          {onClick: index => drillDown(scope.caisse ? {departement: territories[index].key}
                                                     : {caisse: territories[index].key})});
    fill('by-specialty', view.bySpecialty.map(b => [Labels.of('specialty', b.key), numbers.format(b.contracts),
                                                    numbers.format(b.fte)]));
    fill('by-suspension', view.suspensionsByReason.map(b => [b.label, numbers.format(b.contracts)]));
  }

  function renderCaisses(view) {
    const select = $('caisse');
    if (!national()) {
      select.replaceChildren(new Option(view.scope.caisseName || view.scope.caisse, view.scope.caisse));
      select.disabled = true;
      return;
    }
    if (!view.scope.caisse && view.byCaisse.length) {
      state.caisses = view.byCaisse.map(c => ({key: c.key, label: c.label}));
    }
    const choices = [new Option('France entière', '')].concat((state.caisses || []).map(c => new Option(c.label, c.key)));
    if (state.caisse && !(state.caisses || []).some(c => c.key === state.caisse)) {
      choices.push(new Option(view.scope.caisseName || state.caisse, state.caisse));
    }
    select.replaceChildren(...choices);
    select.value = state.caisse;
  }

  function renderDepartements() {
    const select = $('departement');
    const choices = [new Option('Tous', '')].concat(state.departements.map(d => new Option(d.key + ' — ' + d.label, d.key)));
    select.replaceChildren(...choices);
    select.value = state.departement;
  }

  function fill(id, rows) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren(...rows.map(cells => {
      const tr = document.createElement('tr');
      cells.forEach(cell => { const td = document.createElement('td'); td.textContent = cell; tr.appendChild(td); });
      return tr;
    }));
  }

  function chart(id, type, labels, datasets, options) {
    const settings = options || {};
    const existing = state.charts[id];
    if (existing) {
      existing.data.labels = labels;
      existing.data.datasets = datasets;
      existing.update('none');
      return;
    }
    state.charts[id] = new Chart($(id), {
      type: type, data: {labels: labels, datasets: datasets},
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        elements: {point: {radius: 0}},
        scales: {x: {stacked: !!settings.stacked}, y: {stacked: !!settings.stacked, beginAtZero: true}},
        plugins: {legend: {position: 'bottom'}},
        onClick: settings.onClick ? (event, elements) => {
          if (elements.length) settings.onClick(elements[0].index);
        } : undefined
      }
    });
    if (type === 'line' && settings.stacked) {
      state.charts[id].data.datasets.forEach(d => { d.fill = true; });
      state.charts[id].update('none');
    }
  }

  function drillDown(change) {
    Object.assign(state, change);
    if (change.caisse !== undefined) state.departement = '';
    state.page = 0;
    const query = scopeQuery();
    window.history.pushState(null, '', '?' + query.toString());
    loadFigures().catch(e => showError(e.message));
  }

  // ---- the detail table
  const FILTERABLE = {
    contracts: ['status', 'version', 'option', 'specialty', 'departement'],
    deadlines: ['kind', 'status', 'departement'],
    orders: ['kind', 'departement']
  };

  function tableQuery(format) {
    const query = scopeQuery();
    query.set('page', state.page);
    query.set('size', state.size);
    if (state.sort) query.set('sort', state.sort);
    query.set('dir', state.dir);
    Object.entries(state.filters).forEach(([key, value]) => { if (value && key !== 'departement') query.set(key, value); });
    if (format) query.set('format', format);
    return query;
  }

  async function loadTable() {
    const table = await json('/api/v1/dashboard/tables/' + state.table + '?' + tableQuery());
    const head = document.querySelector('#detail thead');
    const row = document.createElement('tr');
    table.columns.forEach(column => {
      const th = document.createElement('th');
      th.textContent = column.label + (table.sort === column.key ? (table.dir === 'asc' ? ' ▲' : ' ▼') : '');
      th.dataset.column = column.key;
      th.addEventListener('click', () => {
        state.dir = state.sort === column.key && state.dir === 'asc' ? 'desc' : 'asc';
        state.sort = column.key;
        loadTable().catch(e => showError(e.message));
      });
      row.appendChild(th);
    });
    head.replaceChildren(row);
    const body = document.querySelector('#detail tbody');
    body.replaceChildren(...table.rows.map(r => {
      const tr = document.createElement('tr');
      table.columns.forEach(column => {
        const td = document.createElement('td');
        const value = r[column.key];
        td.textContent = column.key === 'amountCents' ? euros.format(value / 100)
            : column.key === 'status' ? Labels.of('status', value)
            : column.key === 'version' ? Labels.of('version', value)
            : column.key === 'option' ? Labels.of('option', value)
            : column.key === 'kind' && state.table === 'deadlines' ? Labels.of('deadline', value)
            : column.key === 'kind' ? Labels.of('kind', value)
            : column.key === 'specialty' ? Labels.of('specialty', value)
            : value === null || value === undefined ? '' : String(value);
        tr.appendChild(td);
      });
      return tr;
    }));
    const pages = Math.max(1, Math.ceil(table.total / table.size));
    $('page-info').textContent = 'page ' + (table.page + 1) + ' / ' + pages + ' — ' + numbers.format(table.total) + ' lignes';
    $('page-info').dataset.total = table.total;
    $('previous').disabled = table.page === 0;
    $('next').disabled = table.page + 1 >= pages;
  }

  // a list of the codes where the page knows them (statuses, versions, options, kinds), free text otherwise
  const CHOICES = {
    contracts: {status: ['ACTIVE', 'SUSPENDED', 'TERMINATED', 'TERM_REACHED'], version: Object.keys(Labels.version),
                option: Object.keys(Labels.option), specialty: Object.keys(Labels.specialty)},
    deadlines: {kind: Object.keys(Labels.deadline), status: ['OPEN', 'MET', 'MET_LATE', 'MISSED']},
    orders: {kind: Object.keys(Labels.kind)}
  };
  const LABELS_OF = {status: 'status', version: 'version', option: 'option', specialty: 'specialty'};

  function renderFilters() {
    const form = $('filters');
    form.replaceChildren(...FILTERABLE[state.table].filter(key => key !== 'departement').map(key => {
      const label = document.createElement('label');
      label.textContent = Labels.of('filter', key) + ' ';
      const codes = (CHOICES[state.table] || {})[key];
      const kindOf = key === 'kind' ? (state.table === 'deadlines' ? 'deadline' : 'kind') : LABELS_OF[key];
      const input = codes ? document.createElement('select') : document.createElement('input');
      input.name = key;
      if (codes) {
        input.append(new Option('Tous', ''), ...codes.map(code => new Option(Labels.of(kindOf, code), code)));
      } else {
        input.size = 14;
      }
      input.value = state.filters[key] || '';
      input.addEventListener('change', () => {
        state.filters[key] = input.value.trim();
        state.page = 0;
        loadTable().catch(e => showError(e.message));
      });
      label.appendChild(input);
      return label;
    }));
  }

  async function exportCsv() {
    const answer = await Auth.api('/api/v1/dashboard/tables/' + state.table + '?' + tableQuery('csv'));
    if (!answer.ok) {
      showError('export refusé (' + answer.status + ')');
      return;
    }
    const blob = await answer.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = state.table + '.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // ---- live: the stream says a new generation exists; the page reloads its own figures
  async function follow() {
    let delay = 1000;
    for (;;) {
      try {
        const answer = await Auth.api('/api/v1/dashboard/stream?' + (state.caisse ? 'caisse=' + state.caisse : ''),
                                      {headers: {'Accept': 'text/event-stream'}});
        if (!answer.ok || !answer.body) throw new Error('stream ' + answer.status);
        $('live').textContent = 'en direct';
        $('live').classList.add('on');
        delay = 1000;
        const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = message.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('');
            if (message.includes('event:figures') && data) {
              const generation = JSON.parse(data).generation;
              if (generation !== state.generation) {
                await loadFigures().catch(e => showError(e.message));
              }
            }
          }
        }
      } catch (e) {
        // falls through to a reconnection; the figures are reloaded meanwhile in case something was missed
      }
      $('live').textContent = 'reconnexion…';
      $('live').classList.remove('on');
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
      await loadFigures().catch(e => showError(e.message));
    }
  }

  async function start() {
    await Auth.token();
    const claims = Auth.claims() || {};
    $('who').textContent = claims.sub + (claims.caisse ? ' (caisse ' + claims.caisse + ')' : '');
    $('admin-link').hidden = !(claims.roles || []).includes('ADMIN');
    $('logout').addEventListener('click', () => Auth.logout());
    if ((claims.roles || []).includes('ADMIN') && !national() && !(claims.roles || []).includes('CPAM_AGENT')) {
      window.location.replace('/dashboard/admin.html');
      return;
    }
    $('caisse').addEventListener('change', e => drillDown({caisse: e.target.value}));
    $('departement').addEventListener('change', e => drillDown({departement: e.target.value}));
    document.querySelectorAll('.tabs button').forEach(button => button.addEventListener('click', () => {
      document.querySelectorAll('.tabs button').forEach(b => b.classList.toggle('active', b === button));
      Object.assign(state, {table: button.dataset.table, page: 0, sort: null, dir: 'asc', filters: {}});
      renderFilters();
      loadTable().catch(e => showError(e.message));
    }));
    $('previous').addEventListener('click', () => { state.page--; loadTable().catch(e => showError(e.message)); });
    $('next').addEventListener('click', () => { state.page++; loadTable().catch(e => showError(e.message)); });
    $('csv').addEventListener('click', () => exportCsv().catch(e => showError(e.message)));
    window.addEventListener('popstate', () => window.location.reload());
    renderFilters();
    try {
      await loadFigures();
      showError('');
    } catch (e) {
      showError(e.message);
      document.body.dataset.state = 'error';
    }
    follow();
  }

  start();
})();
