// Rewrite Radar review page. Every piece of article text is put into the page with textContent (never as
// markup), links are only this page's own #/ routes or http(s) URLs, and the Content-Security-Policy allows
// no inline script. The live feed is read with fetch() and the bearer/API-key header (an EventSource cannot
// send one), parsing the text/event-stream itself and resuming with Last-Event-ID.
'use strict';

const state = {
  cred: null, // {kind: 'bearer'|'apikey', value}
  alerts: new Map(), // alertId -> alert
  order: [], // alertIds, newest first
  lastEventId: null,
  stream: null, // AbortController of the live feed
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'href') e.setAttribute('href', safeHref(v));
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Only this page's routes and http(s) URLs: never javascript:, data: or anything else. */
function safeHref(href) {
  if (typeof href !== 'string') return '#/';
  if (href.startsWith('#/')) return href;
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#/';
  } catch (e) {
    return '#/';
  }
}

function headers(extra) {
  const h = Object.assign({ Accept: 'application/json' }, extra || {});
  if (state.cred && state.cred.kind === 'bearer') h.Authorization = 'Bearer ' + state.cred.value;
  if (state.cred && state.cred.kind === 'apikey') h['X-API-Key'] = state.cred.value;
  return h;
}

async function api(path) {
  const res = await fetch(path, { headers: headers(), credentials: 'omit' });
  if (res.status === 401 || res.status === 403) {
    signOut(res.status === 401 ? 'Your credential was refused (401).' : 'Your credential lacks the reader role (403).');
    throw new Error('HTTP ' + res.status);
  }
  if (!res.ok) {
    let detail = '';
    try { detail = (await res.json()).detail || ''; } catch (e) { /* not JSON */ }
    throw new Error('HTTP ' + res.status + (detail ? ': ' + detail : ''));
  }
  return res.json();
}

// --- sign in / out ------------------------------------------------------------------------------------------

function signIn(kind, value) {
  state.cred = { kind, value };
  sessionStorage.setItem('radar.cred', JSON.stringify(state.cred));
  $('login').hidden = true;
  $('app').hidden = false;
  $('signout').hidden = false;
  $('status').textContent = 'signed in';
  loadRecent().then(follow).catch((e) => setStatus('could not load alerts: ' + e.message));
  route();
}

function signOut(message) {
  if (state.stream) state.stream.abort();
  state.stream = null;
  state.cred = null;
  sessionStorage.removeItem('radar.cred');
  $('app').hidden = true;
  $('login').hidden = false;
  $('signout').hidden = true;
  $('status').textContent = 'signed out';
  const err = $('login-error');
  err.hidden = !message;
  err.textContent = message || '';
}

function setStatus(text) {
  $('status').textContent = text;
}

// --- the feed -----------------------------------------------------------------------------------------------

async function loadRecent() {
  const page = await api('/alerts?limit=50');
  for (const a of page.alerts.slice().reverse()) addAlert(a);
}

function addAlert(alert) {
  if (!alert || typeof alert.alertId !== 'string') return;
  const known = state.alerts.has(alert.alertId);
  state.alerts.set(alert.alertId, alert);
  if (!known) state.order.unshift(alert.alertId);
  renderFeed();
}

function renderFeed() {
  const kind = $('kind-filter').value;
  const list = $('feed');
  const items = [];
  for (const id of state.order) {
    const a = state.alerts.get(id);
    if (kind && a.kind !== kind) continue;
    const selected = location.hash === '#/alert/' + encodeURIComponent(id);
    items.push(el('li', { class: selected ? 'selected' : '', 'data-alert-id': id },
      el('a', { href: '#/alert/' + encodeURIComponent(id) },
        el('span', { class: 'kind ' + safeClass(a.kind) }, a.kind),
        el('span', { class: 'score' }, Number(a.score).toFixed(2)),
        el('span', { class: 'titles' }, label(a.article), ' ← ', label(a.original)),
        el('span', { class: 'muted' }, a.detectedAt || ''))));
  }
  list.replaceChildren(...items);
  $('feed-empty').hidden = items.length > 0;
}

function safeClass(s) {
  return String(s).replace(/[^A-Z_]/g, '');
}

function label(ref) {
  if (!ref) return '?';
  const title = ref.title || ref.id;
  return ref.source ? title + ' (' + ref.source + ')' : title;
}

/** The live feed over fetch(): reconnects after a drop, sending the last event id it saw. */
async function follow() {
  while (state.cred) {
    const controller = new AbortController();
    state.stream = controller;
    try {
      const extra = { Accept: 'text/event-stream' };
      if (state.lastEventId) extra['Last-Event-ID'] = state.lastEventId;
      const res = await fetch('/alerts/stream', { headers: headers(extra), credentials: 'omit', signal: controller.signal });
      if (res.status === 401 || res.status === 403) {
        signOut('The live feed refused your credential (' + res.status + ').');
        return;
      }
      if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
      setStatus('live');
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, '\n');
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          handleEvent(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
      }
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    setStatus('reconnecting…');
    await new Promise((r) => setTimeout(r, 2000));
  }
}

function handleEvent(block) {
  let id = null;
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'id') id = value;
    else if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (id) state.lastEventId = id;
  if (name !== 'alert' || data.length === 0) return;
  try {
    addAlert(JSON.parse(data.join('\n')));
  } catch (e) {
    /* not an alert */
  }
}

// --- views --------------------------------------------------------------------------------------------------

function route() {
  if (!state.cred) return;
  const hash = location.hash;
  const detail = $('detail');
  renderFeed();
  if (hash.startsWith('#/alert/')) {
    showAlert(decodeURIComponent(hash.slice('#/alert/'.length)));
  } else if (hash.startsWith('#/article/')) {
    showArticle(decodeURIComponent(hash.slice('#/article/'.length)));
  } else {
    detail.hidden = true;
    detail.replaceChildren();
  }
}

async function showAlert(alertId) {
  const detail = $('detail');
  const alert = state.alerts.get(alertId);
  detail.hidden = false;
  if (!alert) {
    detail.replaceChildren(el('p', { class: 'muted' }, 'This alert is not in the feed of this page.'));
    return;
  }
  detail.replaceChildren(el('p', { class: 'muted' }, 'Loading both articles…'));
  const [original, rewrite] = await Promise.all([
    articleText(alert.original.id), articleText(alert.article.id)]);
  const signals = el('table', { id: 'signals' }, el('tr', {}, el('th', {}, 'signal'), el('th', {}, 'value')));
  for (const [k, v] of Object.entries(alert.signals || {})) {
    signals.append(el('tr', {}, el('td', {}, k), el('td', {}, typeof v === 'number' ? v.toFixed(3) : String(v))));
  }
  detail.replaceChildren(
    el('h2', {}, el('span', { class: 'kind ' + safeClass(alert.kind) }, alert.kind), ' score ',
      Number(alert.score).toFixed(2), ' · detected ', alert.detectedAt || ''),
    el('div', { class: 'sides' },
      side('Original', alert.original, original, alert.evidence, 'original'),
      side('Rewrite', alert.article, rewrite, alert.evidence, 'candidate')),
    el('h3', {}, 'Signals that decided it'), signals,
    el('h3', {}, 'Matched passages'), passages(alert.evidence));
}

async function articleText(id) {
  try {
    return await api('/articles/' + encodeURIComponent(id) + '?text=true');
  } catch (e) {
    return null;
  }
}

function side(caption, ref, view, evidence, which) {
  const box = el('div', { class: 'side', 'data-side': which });
  box.append(el('h3', {}, caption + ': ', ref.title || ref.id));
  const meta = el('p', { class: 'muted' }, ref.source || '', ' · ', ref.publishedAt || '', ' · version ', ref.version, ' · ');
  meta.append(el('a', { href: '#/article/' + encodeURIComponent(ref.id) }, 'versions'));
  if (ref.url && safeHref(ref.url) !== '#/') {
    meta.append(' · ', el('a', { href: ref.url, rel: 'noopener noreferrer', target: '_blank' }, 'source'));
  }
  box.append(meta);
  const text = el('div', { class: 'text' });
  if (view && view.text && view.article.version === ref.version) {
    highlight(text, view.text, evidence || [], which);
  } else {
    text.append(el('p', { class: 'muted' }, view ? 'The article was revised since: its passages are listed below.'
      : 'The article is no longer held (retention) or its owner did not answer.'));
  }
  box.append(text);
  return box;
}

/**
 * The normalised text with each matched passage in a mark element; where passages overlap, a quote wins, so
 * that a quotation inside a longer matched stretch is still marked as one.
 */
function highlight(target, text, evidence, which) {
  const level = new Uint8Array(text.length); // 0 plain, 1 matched, 2 quote
  const spans = evidence
    .map((p) => ({ start: p[which + 'Start'], end: p[which + 'End'], quote: !!p.quote }))
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end
      && s.end <= text.length);
  for (const s of spans) if (!s.quote) level.fill(1, s.start, s.end);
  for (const s of spans) if (s.quote) level.fill(2, s.start, s.end);
  let at = 0;
  while (at < text.length) {
    let to = at;
    while (to < text.length && level[to] === level[at]) to++;
    const run = text.slice(at, to);
    if (level[at] === 0) {
      target.append(run);
    } else {
      target.append(el('mark', { class: level[at] === 2 ? 'match quote' : 'match' }, run));
      if (level[at] === 2) target.append(el('span', { class: 'quote-label' }, 'quote'));
    }
    at = to;
  }
}

function passages(evidence) {
  const list = el('ol', { class: 'passages' });
  for (const p of evidence || []) {
    list.append(el('li', {},
      p.quote ? el('span', { class: 'quote-label' }, 'quote ') : null,
      'similarity ', Number(p.similarity).toFixed(2), p.truncated ? ' (cut)' : '',
      el('div', { class: 'old-side' }, el('span', { class: 'muted' }, 'original: '), p.originalText),
      el('div', { class: 'new-side' }, el('span', { class: 'muted' }, 'rewrite: '), p.candidateText)));
  }
  return list;
}

async function showArticle(id) {
  const detail = $('detail');
  detail.hidden = false;
  detail.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  let view;
  try {
    view = await api('/articles/' + encodeURIComponent(id));
  } catch (e) {
    detail.replaceChildren(el('p', { class: 'error' }, 'Could not load the article: ' + e.message));
    return;
  }
  const table = el('table', { id: 'versions' },
    el('tr', {}, el('th', {}, 'version'), el('th', {}, 'published'), el('th', {}, 'characters'), el('th', {}, 'text hash')));
  for (const v of view.versions) {
    table.append(el('tr', {}, el('td', {}, v.version), el('td', {}, v.publishedAt), el('td', {}, v.characters),
      el('td', {}, Number(v.textHash).toString(16))));
  }
  const changes = el('div', { id: 'changes' });
  const revisions = (view.rewrites.asRewrite || []).filter((a) => a.kind === 'REVISED');
  for (const r of revisions) {
    changes.append(el('h3', {}, 'Version ', r.original.version, ' → ', r.article.version));
    const list = el('ul', {});
    for (const p of r.evidence || []) {
      list.append(el('li', {}, el('span', { class: 'old' }, p.originalText), ' ', el('span', { class: 'new' }, p.candidateText)));
    }
    changes.append(list);
  }
  if (revisions.length === 0) changes.append(el('p', { class: 'muted' }, 'No revision recorded.'));
  const related = el('ul', {});
  for (const a of (view.rewrites.asRewrite || []).concat(view.rewrites.asOriginal || [])) {
    if (a.kind === 'REVISED') continue;
    state.alerts.set(a.alertId, a);
    related.append(el('li', {}, el('a', { href: '#/alert/' + encodeURIComponent(a.alertId) },
      a.kind, ': ', label(a.article), ' ← ', label(a.original))));
  }
  detail.replaceChildren(
    el('h2', {}, view.article.title || view.article.id),
    el('p', { class: 'muted' }, view.article.source || '', ' · id ', view.article.id, ' · served by ', view.servedBy),
    el('h3', {}, 'Versions'), table,
    el('h3', {}, 'What changed'), changes,
    el('h3', {}, 'Rewrites'), related);
}

// --- start --------------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('cred-value').value.trim();
    if (value) signIn($('cred-kind').value, value);
  });
  $('signout').addEventListener('click', () => signOut(null));
  $('kind-filter').addEventListener('change', renderFeed);
  window.addEventListener('hashchange', route);
  const saved = sessionStorage.getItem('radar.cred');
  if (saved) {
    try {
      const c = JSON.parse(saved);
      signIn(c.kind, c.value);
    } catch (e) {
      sessionStorage.removeItem('radar.cred');
    }
  }
});
