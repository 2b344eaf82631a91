// Page preview webview script: renders the runtime's page state (groups, fields, actions, record navigation) and
// sends the user's clicks to the extension. Data is only ever inserted as text (textContent), never as HTML.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @type {any} */ let state;
  /** @type {{id:number,task?:number,object:string,state:string}[]} */ let tasks = [];
  /** @type {{level:string,text:string}|undefined} */ let banner;
  let busy = false;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== undefined && c !== null) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  function send(msg) {
    busy = true;
    render();
    vscode.postMessage(msg);
  }

  function render() {
    if (!state) return;
    const header = el('header', { class: 'page-header' },
      el('div', { class: 'titles' },
        el('h1', { id: 'caption' }, state.caption || state.name),
        el('div', { class: 'record', id: 'record-id' }, state.recordId || 'no record')),
      el('div', { class: 'nav' },
        el('button', { id: 'previous', title: 'Previous record', disabled: busy || !state.open, onclick: () => send({ type: 'navigate', direction: 'previous' }) }, '◀ Previous'),
        el('button', { id: 'next', title: 'Next record', disabled: busy || !state.open, onclick: () => send({ type: 'navigate', direction: 'next' }) }, 'Next ▶'),
        el('button', { id: 'close', class: 'secondary', title: 'Close the page', onclick: () => vscode.postMessage({ type: 'close' }) }, 'Close')));
    const actions = el('nav', { class: 'actions', 'aria-label': 'Actions' },
      ...state.actions.map((a) => el('button', { class: 'action', 'data-action': a.name, disabled: busy || !state.open, onclick: () => send({ type: 'invokeAction', action: a.name }) }, a.caption || a.name)));
    const groups = state.groups.map((g) =>
      el('section', { class: 'group', 'data-group': g.name },
        el('h2', {}, g.caption || g.name),
        el('div', { class: 'fields' }, ...g.fields.map((f) => {
          const id = `field-${f.name}`;
          const value = f.editable
            ? el('input', { id, class: 'value', 'data-field': f.name, value: f.value, disabled: !state.open, onchange: (ev) => send({ type: 'setField', field: f.name, value: ev.target.value }) })
            : el('span', { id, class: 'value readonly', 'data-field': f.name }, f.value);
          return el('div', { class: 'field' }, el('label', { for: id }, f.caption || f.name), value);
        }))));
    const taskList = el('section', { class: 'tasks', id: 'tasks' },
      el('h2', {}, 'Running page background tasks'),
      tasks.length
        ? el('ul', {}, ...tasks.map((t) => el('li', { 'data-session': t.id }, `task ${t.task ?? '?'} · session ${t.id} · ${t.object} · ${t.state}`)))
        : el('p', { class: 'muted' }, 'none running'));
    const bannerEl = banner ? el('div', { class: `banner ${banner.level}`, id: 'banner', role: 'alert' }, banner.text) : undefined;
    const closed = state.open ? undefined : el('div', { class: 'banner info' }, 'This page is closed.');
    app.replaceChildren(header, actions, ...(bannerEl ? [bannerEl] : []), ...(closed ? [closed] : []), ...groups, taskList);
    report();
  }

  /** Tells the extension what is shown, so tests in the extension host can check the DOM's content. */
  function report() {
    const fields = {};
    for (const e of app.querySelectorAll('[data-field]')) fields[e.getAttribute('data-field')] = e instanceof HTMLInputElement ? e.value : e.textContent;
    vscode.postMessage({ type: 'rendered', fields, recordId: state.recordId, tasks: tasks.map((t) => `task ${t.task} ${t.state}`), banner: banner ? banner.text : '' });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'state') { state = m.state; busy = false; vscode.setState({ pageInstanceId: state.pageInstanceId }); }
    else if (m.type === 'tasks') tasks = m.tasks;
    else if (m.type === 'banner') banner = { level: m.level, text: m.text };
    else if (m.type === 'busy') busy = m.busy;
    render();
  });
  vscode.postMessage({ type: 'ready' });
})();
