// Page preview webview script: renders the runtime's page state as BC's web client lays it out (action bar with
// promoted actions, groups of typed editors, list rows, content parts, the FactBox pane, cues), the dialogs the
// session waits on (Confirm, StrMenu, Message) and BC's error dialog, and sends the user's clicks to the extension.
// Data is only ever inserted as text (textContent), never as HTML.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @type {any} */ let state;
  /** @type {{id:number,task?:number,object:string,state:string}[]} */ let tasks = [];
  /** @type {{level:string,text:string}|undefined} */ let banner;
  /** @type {any[]} dialogs the session waits on (Confirm, StrMenu) and messages/errors to acknowledge, oldest first */
  let dialogs = [];
  /** @type {{field:string,text:string}|undefined} the last field edit that failed: shown under the field */
  let fieldError;
  /** @type {any} the last field edit sent (to tie an error to its field) */
  let pendingEdit;
  let busy = false;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'checked' || k === 'selected') /** @type {any} */ (e)[k] = !!v;
      else if (v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== undefined && c !== null && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  function send(msg) {
    busy = true;
    if (msg.type === 'setField') pendingEdit = msg;
    render();
    vscode.postMessage(msg);
  }

  /** The editor of a field: checkbox, dropdown of captions, or a text box (Evaluate runs in the runtime). */
  function editor(f, id, page, inPart) {
    const canEdit = f.editable && page.open && !inPart;
    const common = { id, class: 'value', 'data-field': f.name, 'data-type': f.type || 'Text' };
    if (!canEdit) return el('span', { ...common, class: 'value readonly' }, f.type === 'Boolean' ? (f.value === 'Yes' ? '☑ Yes' : '☐ No') : f.value);
    const set = (value) => send({ type: 'setField', field: f.name, value });
    if (f.type === 'Boolean') {
      return el('input', { ...common, type: 'checkbox', checked: f.value === 'Yes', onchange: (ev) => set(ev.target.checked ? 'Yes' : 'No') });
    }
    if (f.options && f.options.length) {
      const current = f.options.find((o) => o.caption === f.value || o.value === f.value);
      return el('select', { ...common, onchange: (ev) => set(ev.target.value) },
        ...f.options.map((o) => el('option', { value: o.value, selected: current === o }, o.caption || ' ')));
    }
    const numeric = ['Decimal', 'Integer', 'BigInteger'].includes(f.type);
    return el('input', { ...common, class: `value${numeric ? ' numeric' : ''}`, value: f.value, placeholder: f.type === 'Date' ? 'MM/DD/YY' : undefined, onchange: (ev) => set(ev.target.value) });
  }

  function fieldRow(f, page, inPart) {
    const id = `${inPart ? `p${page.pageInstanceId}-` : ''}field-${f.name}`;
    const err = !inPart && fieldError && fieldError.field === f.name ? el('div', { class: 'field-error', role: 'alert' }, fieldError.text) : undefined;
    return el('div', { class: `field${f.enabled === false ? ' disabled' : ''}` }, el('label', { for: id }, f.caption || f.name), el('div', {}, editor(f, id, page, inPart), err));
  }

  function repeater(g, page, inPart) {
    const cols = g.fields.filter((f) => f.visible !== false);
    const rows = page.rows || [];
    return el('table', { class: 'repeater', 'data-repeater': g.name },
      el('thead', {}, el('tr', {}, ...cols.map((f) => el('th', {}, f.caption || f.name)))),
      el('tbody', {}, ...rows.map((r, i) => el('tr', {
        class: i === page.selected ? 'selected' : '',
        'data-row': i,
        onclick: inPart || busy ? undefined : () => { if (i !== page.selected) send({ type: 'pageRecord', op: 'select', row: i }); },
      }, ...cols.map((f) => el('td', { class: ['Decimal', 'Integer'].includes(f.type) ? 'numeric' : '' }, (i === page.selected ? (f.value ?? r.values[f.name]) : r.values[f.name]) ?? ''))))),
      rows.length ? undefined : el('caption', { class: 'muted' }, '(There is nothing to show in this view)'));
  }

  function groupsOf(page, inPart) {
    return page.groups.filter((g) => g.visible !== false).map((g) => {
      const fields = g.fields.filter((f) => f.visible !== false);
      if (g.repeater) return el('section', { class: 'group list', 'data-group': g.name }, repeater(g, page, inPart));
      if (g.cue) {
        return el('section', { class: 'group cues', 'data-group': g.name }, el('h2', {}, g.caption || g.name),
          el('div', { class: 'cue-tiles' }, ...fields.map((f) => el('div', { class: 'cue', 'data-field': f.name }, el('div', { class: 'cue-value' }, f.value), el('div', { class: 'cue-caption' }, f.caption || f.name)))));
      }
      const title = g.name && !(page.groups.length === 1 && inPart) ? el('h2', {}, g.caption || g.name) : undefined;
      return el('section', { class: 'group', 'data-group': g.name }, title, el('div', { class: 'fields' }, ...fields.map((f) => fieldRow(f, page, inPart))));
    });
  }

  function partBox(p) {
    const body = p.page
      ? groupsOf(p.page, true)
      : [el('p', { class: 'muted' }, p.system ? `(${p.caption})` : p.error ? '' : 'not shown')];
    const err = p.error ? el('div', { class: 'banner error part-error' }, p.error.text) : undefined;
    return el('section', { class: `part ${p.area}`, 'data-part': p.name, 'data-page-instance': p.page ? p.page.pageInstanceId : '' },
      el('h3', {}, p.caption), err, ...body);
  }

  function actionBar() {
    const visible = state.actions.filter((a) => a.visible !== false);
    const button = (a) => el('button', { class: `action${a.promoted ? ' promoted' : ''}`, 'data-action': a.name, title: a.runObject ? `Runs ${a.runObject}` : a.caption, disabled: busy || !state.open || a.enabled === false, onclick: () => send({ type: 'invokeAction', action: a.name }) }, a.caption || a.name);
    const promoted = visible.filter((a) => a.promoted);
    const byGroup = new Map();
    for (const a of visible.filter((x) => !x.promoted)) {
      const g = a.group || 'Actions';
      if (!byGroup.has(g)) byGroup.set(g, []);
      byGroup.get(g).push(a);
    }
    // New and Delete: the client's own actions on a page with a source table that can be edited.
    const record = !state.sourceTable || state.pageType.toLowerCase().endsWith('part') ? [] : [
      el('button', { id: 'new', class: 'action system', disabled: busy || !state.open, onclick: () => send({ type: 'pageRecord', op: 'new' }) }, '+ New'),
      el('button', { id: 'delete', class: 'action system', disabled: busy || !state.open || !state.recordId, onclick: () => confirmDelete() }, '🗑 Delete'),
    ];
    return el('nav', { class: 'actions', 'aria-label': 'Actions' },
      el('div', { class: 'action-row' }, ...record, ...promoted.map(button)),
      ...[...byGroup].map(([g, acts]) => el('div', { class: 'action-row grouped' }, el('span', { class: 'action-group' }, g), ...acts.map(button))));
  }

  function confirmDelete() {
    // The client asks before deleting (the runtime then runs OnDeleteRecord and the table's OnDelete).
    dialogs.push({ kind: 'Confirm', local: 'delete', text: `Delete ${state.recordId || 'this record'}?`, default: false });
    render();
  }

  function answer(d, value) {
    dialogs = dialogs.filter((x) => x !== d);
    if (d.local === 'delete') {
      if (value === true) send({ type: 'pageRecord', op: 'delete' });
      else render();
      return;
    }
    if (d.local === 'error' || d.local === 'message') {
      render();
      return;
    }
    vscode.postMessage({ type: 'dialogAnswer', id: d.id, answer: value });
    render();
  }

  function dialogBox(d) {
    const kind = d.local === 'error' ? 'Error' : d.kind;
    const buttons = [];
    if (kind === 'Confirm') {
      buttons.push(el('button', { 'data-answer': 'yes', class: d.default !== false ? '' : 'secondary', onclick: () => answer(d, true) }, 'Yes'));
      buttons.push(el('button', { 'data-answer': 'no', class: d.default === false ? '' : 'secondary', onclick: () => answer(d, false) }, 'No'));
    } else if (kind === 'StrMenu') {
      const opts = d.options || [];
      const list = el('div', { class: 'strmenu' }, ...opts.map((o, i) => el('label', {}, el('input', { type: 'radio', name: `strmenu-${d.id}`, value: String(i + 1), checked: i + 1 === d.default }), ' ', o)));
      buttons.push(el('button', { 'data-answer': 'ok', onclick: () => {
        const picked = /** @type {HTMLInputElement|null} */ (list.querySelector('input:checked'));
        answer(d, picked ? Number(picked.value) : d.default || 1);
      } }, 'OK'));
      buttons.push(el('button', { 'data-answer': 'cancel', class: 'secondary', onclick: () => answer(d, 0) }, 'Cancel'));
      return el('div', { class: 'dialog-backdrop' }, el('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'data-kind': kind },
        el('div', { class: 'dialog-text' }, d.text || 'Choose one of the following options:'), list, el('div', { class: 'dialog-buttons' }, ...buttons)));
    } else {
      buttons.push(el('button', { 'data-answer': 'ok', onclick: () => answer(d, true) }, 'OK'));
    }
    const extra = kind === 'Error' && d.error && d.error.file !== undefined
      ? el('button', { class: 'secondary', 'data-answer': 'location', onclick: () => vscode.postMessage({ type: 'openLocation', file: d.error.file, line: d.error.line, character: d.error.character }) }, 'Go to the AL code')
      : undefined;
    return el('div', { class: 'dialog-backdrop' }, el('div', { class: `dialog${kind === 'Error' ? ' error' : ''}`, role: 'dialog', 'aria-modal': 'true', 'data-kind': kind },
      kind === 'Error' ? el('div', { class: 'dialog-title' }, 'Something went wrong.') : undefined,
      el('div', { class: 'dialog-text' }, d.text),
      el('div', { class: 'dialog-buttons' }, ...buttons, extra)));
  }

  function render() {
    if (!state) return;
    const header = el('header', { class: 'page-header' },
      el('div', { class: 'titles' },
        el('div', { class: 'page-type' }, state.pageType),
        el('h1', { id: 'caption' }, state.caption || state.name),
        el('div', { class: 'record', id: 'record-id' }, state.newRecord ? '(new record)' : state.recordId || 'no record')),
      el('div', { class: 'nav' },
        el('button', { id: 'previous', title: 'Previous record', disabled: busy || !state.open || state.hasPrevious === false, onclick: () => send({ type: 'navigate', direction: 'previous' }) }, '◀ Previous'),
        el('button', { id: 'next', title: 'Next record', disabled: busy || !state.open || state.hasNext === false, onclick: () => send({ type: 'navigate', direction: 'next' }) }, 'Next ▶'),
        el('button', { id: 'close', class: 'secondary', title: 'Close the page', onclick: () => vscode.postMessage({ type: 'close' }) }, 'Close')));
    const parts = state.parts || [];
    const content = el('div', { class: 'content' }, ...groupsOf(state, false), ...parts.filter((p) => p.area === 'content' && p.visible).map(partBox));
    const factboxes = parts.filter((p) => p.area === 'factboxes' && p.visible);
    const pane = factboxes.length ? el('aside', { class: 'factbox-pane', 'aria-label': 'FactBoxes' }, ...factboxes.map(partBox)) : undefined;
    const taskList = el('section', { class: 'tasks', id: 'tasks' },
      el('h2', {}, 'Running page background tasks'),
      tasks.length
        ? el('ul', {}, ...tasks.map((t) => el('li', { 'data-session': t.id }, `task ${t.task ?? '?'} · session ${t.id} · ${t.object} · ${t.state}`)))
        : el('p', { class: 'muted' }, 'none running'));
    const bannerEl = banner ? el('div', { class: `banner ${banner.level}`, id: 'banner', role: 'alert' }, banner.text) : undefined;
    const closed = state.open ? undefined : el('div', { class: 'banner info' }, 'This page is closed.');
    const body = el('div', { class: `body${pane ? ' with-factboxes' : ''}` }, content, pane);
    const dialog = dialogs.length ? dialogBox(dialogs[0]) : undefined;
    app.replaceChildren(header, actionBar(), ...(bannerEl ? [bannerEl] : []), ...(closed ? [closed] : []), body, taskList, ...(dialog ? [dialog] : []));
    report();
  }

  /** Tells the extension what is shown, so tests in the extension host can check the DOM's content. */
  function report() {
    const fields = {};
    for (const e of app.querySelectorAll('.content [data-field]')) fields[e.getAttribute('data-field')] = e instanceof HTMLInputElement ? (e.type === 'checkbox' ? (e.checked ? 'Yes' : 'No') : e.value) : e instanceof HTMLSelectElement ? e.options[e.selectedIndex]?.textContent : e.textContent;
    const parts = {};
    for (const p of app.querySelectorAll('[data-part]')) {
      const values = {};
      for (const f of p.querySelectorAll('[data-field]')) values[f.getAttribute('data-field')] = f.textContent;
      parts[p.getAttribute('data-part')] = values;
    }
    const rows = [...app.querySelectorAll('.content table.repeater tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    vscode.postMessage({
      type: 'rendered', fields, recordId: state.recordId, tasks: tasks.map((t) => `task ${t.task} ${t.state}`), banner: banner ? banner.text : '',
      parts, rows, dialog: dialogs.length ? `${dialogs[0].local === 'error' ? 'Error' : dialogs[0].kind}: ${dialogs[0].text}` : '',
      actions: [...app.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action')),
      fieldError: fieldError ? `${fieldError.field}: ${fieldError.text}` : '',
    });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'state') {
      state = m.state;
      busy = false;
      vscode.setState({ pageInstanceId: state.pageInstanceId });
      if (m.fromOperation) {
        // The answer of the user's own operation: its error is BC's error dialog (and inline under the edited field).
        fieldError = state.error && pendingEdit ? { field: pendingEdit.field, text: state.error.text } : undefined;
        if (state.error) dialogs.push({ kind: 'Error', local: 'error', text: state.error.text, error: state.error });
        pendingEdit = undefined;
      }
    } else if (m.type === 'tasks') tasks = m.tasks;
    else if (m.type === 'banner') banner = { level: m.level, text: m.text };
    else if (m.type === 'busy') busy = m.busy;
    else if (m.type === 'dialog') dialogs.push(m.dialog.kind === 'Message' ? { ...m.dialog, local: 'message' } : m.dialog);
    else if (m.type === 'dialogClosed') dialogs = dialogs.filter((d) => d.id !== m.id || d.local);
    else if (m.type === 'answerDialog') {
      // Test-only: the extension host answers the dialog on top as a click would.
      const d = dialogs[0];
      if (d) answer(d, m.answer);
      return;
    }
    render();
  });
  vscode.postMessage({ type: 'ready' });
})();
