'use strict';
// Every processor's position against the head of the store, refreshed each second; "Reconstruire" replays one.
(() => {
  const numbers = new Intl.NumberFormat('fr-FR', {maximumFractionDigits: 1});
  const $ = id => document.getElementById(id);

  function cell(content) {
    const td = document.createElement('td');
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    return td;
  }

  async function refresh() {
    const answer = await Auth.api('/api/v1/admin/processors');
    if (answer.status === 403) {
      $('error').textContent = 'Accès réservé aux administrateurs.';
      $('error').hidden = false;
      document.body.dataset.state = 'forbidden';
      return false;
    }
    const processors = await answer.json();
    $('processors').querySelector('tbody').replaceChildren(...processors.map(p => {
      const tr = document.createElement('tr');
      tr.dataset.processor = p.name;
      tr.dataset.replaying = p.replaying;
      tr.dataset.position = p.position === null ? '' : p.position;
      tr.dataset.head = p.headPosition;
      const bar = document.createElement('progress');
      bar.max = 1;
      bar.value = p.progress;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Reconstruire';
      button.disabled = p.replaying;
      button.addEventListener('click', () => replay(p.name));
      const state = p.replaying ? 'reconstruction' : !p.running ? 'arrêtée' : p.caughtUp ? 'à jour' : 'en retard';
      tr.append(cell(p.name), cell(state), cell(p.position === null ? '—' : numbers.format(p.position)),
                cell(numbers.format(p.headPosition)), cell(bar),
                cell(p.eventsPerSecond === null ? '—' : numbers.format(p.eventsPerSecond)),
                cell(p.etaSeconds === null || p.etaSeconds === undefined ? '—' : numbers.format(p.etaSeconds) + ' s'),
                cell(button));
      return tr;
    }));
    document.body.dataset.state = 'ready';
    return true;
  }

  async function replay(name) {
    if (!window.confirm('Reconstruire la projection ' + name + ' depuis les événements ?')) return;
    const answer = await Auth.api('/api/v1/admin/processors/' + encodeURIComponent(name) + '/replay', {method: 'POST'});
    if (!answer.ok) {
      const body = await answer.json().catch(() => ({}));
      $('error').textContent = 'Reconstruction refusée : ' + (body.detail || answer.status);
      $('error').hidden = false;
    }
    await refresh();
  }

  async function start() {
    await Auth.token();
    $('who').textContent = (Auth.claims() || {}).sub || '';
    if (await refresh()) {
      setInterval(() => refresh().catch(() => {}), 1000);
    }
  }

  start();
})();
