// Ambient dashboard: plain JS, no build step. Every call carries the API token from local storage; the page
// re-reads only what the server's events say changed.
(() => {
  'use strict';
  const TOKEN_KEY = 'ambient-token';
  const main = document.getElementById('main');
  let events = null;
  let charts = [];
  // A new device's credentials stay on the Devices page through live re-renders, until the page is left.
  let credentials = '';

  const token = () => localStorage.getItem(TOKEN_KEY);

  class Unauthorized extends Error {}

  async function api(path, options = {}) {
    const headers = Object.assign({ Authorization: 'Bearer ' + token() }, options.body ? { 'Content-Type': 'application/json' } : {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) { throw new Unauthorized(); }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) { const e = new Error((body && body.title) || response.statusText); e.body = body; e.status = response.status; throw e; }
    return body;
  }

  const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const when = (iso) => iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : 'never';
  function ago(iso, now) {
    if (!iso) { return 'never'; }
    const s = Math.max(0, ((now ? new Date(now) : new Date()) - new Date(iso)) / 1000);
    if (s < 90) { return Math.round(s) + ' s ago'; }
    if (s < 5400) { return Math.round(s / 60) + ' min ago'; }
    if (s < 172800) { return Math.round(s / 3600) + ' h ago'; }
    return Math.round(s / 86400) + ' d ago';
  }

  // ---- sign-in ------------------------------------------------------------------------------------------------
  async function showLogin(message) {
    closeEvents();
    document.getElementById('nav').hidden = true;
    main.replaceChildren(document.getElementById('login').content.cloneNode(true));
    document.getElementById('login-error').textContent = message || '';
    try {
      const info = await (await fetch('/dashboard/info')).json();
      document.getElementById('token-file').textContent = info.tokenFromConfiguration
        ? 'The token is set in the configuration (Api:Token).'
        : 'cat ' + info.tokenFile;
    } catch { /* the generic text stays */ }
    document.getElementById('login-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      localStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
      try {
        await api('/api/health');
        route();
      } catch (err) {
        localStorage.removeItem(TOKEN_KEY);
        document.getElementById('login-error').textContent = err instanceof Unauthorized
          ? 'That token is not right. Copy it again from the token file.' : 'The gateway did not answer: ' + err.message;
      }
    });
  }

  // ---- live updates -------------------------------------------------------------------------------------------
  let onChange = () => {};
  function openEvents() {
    if (events) { return; }
    events = new EventSource('/api/dashboard/events?token=' + encodeURIComponent(token()));
    const live = document.getElementById('live');
    events.onopen = () => { live.hidden = false; };
    events.onerror = () => { live.hidden = true; };
    for (const topic of ['devices', 'plants', 'telemetry', 'feed', 'reminders', 'settings']) {
      events.addEventListener(topic, () => onChange(topic));
    }
  }
  function closeEvents() { if (events) { events.close(); events = null; } }

  // ---- pages --------------------------------------------------------------------------------------------------
  const pages = {
    household: { topics: ['devices', 'plants', 'settings'], render: household },
    plant: { topics: ['telemetry', 'plants'], render: plant },
    feed: { topics: ['feed'], render: feed },
    calendar: { topics: ['reminders', 'settings'], render: calendar },
    devices: { topics: ['devices'], render: devices },
    settings: { topics: [], render: settings },
  };

  async function household() {
    const h = await api('/api/dashboard/household');
    const w = h.weather;
    const weather = w ? `<div class="card" id="weather"><h2>Weather</h2>
        <div class="big">${Math.round(w.temperatureCelsius)}°</div>
        <div>${esc(w.condition)}, ${Math.round(w.lowCelsius)}–${Math.round(w.highCelsius)}°</div>
        <div class="muted">for ${w.latitude.toFixed(2)}, ${w.longitude.toFixed(2)} · fetched <span id="weather-fetched">${esc(when(w.fetchedAt))}</span>${w.stale ? ' · <strong>stale</strong>' : ''}</div></div>` : '';
    const plants = h.plants.map((p) => `<a class="card plant-card" href="#/plant/${encodeURIComponent(p.deviceId)}" data-device="${esc(p.deviceId)}" style="text-decoration:none;color:inherit">
        <h2>${esc(p.plantName)} <span class="badge ${esc(p.condition)}">${esc(p.condition)}</span></h2>
        <div class="muted">${esc(p.species)} · ${esc(p.deviceId)}</div>
        <div>Soil ${p.moisturePercent ?? '–'}%${p.daysUntilDry != null ? ` · dry in <strong>${Math.max(0, Math.floor(p.daysUntilDry))}</strong> days` : ''}</div>
        <div class="muted">${p.lastWatered ? 'watered ' + esc(ago(p.lastWatered, h.now)) : 'no watering seen'}</div></a>`).join('');
    const rows = h.devices.map((d) => `<tr data-device="${esc(d.id)}">
        <td><strong>${esc(d.id)}</strong><div class="muted">${esc(d.kind)}</div></td>
        <td><span class="badge ${d.online ? 'online' : 'offline'}">${d.online ? 'online' : 'offline'}</span></td>
        <td>${esc(ago(d.lastSeen, h.now))}</td>
        <td>${d.batteryMillivolts != null ? (d.batteryMillivolts / 1000).toFixed(2) + ' V' : '–'}</td>
        <td class="optional">${d.rssiDbm != null ? d.rssiDbm + ' dBm' : '–'}</td>
        <td class="optional">${esc(d.firmware ?? '–')}</td></tr>`).join('');
    main.innerHTML = `<h1>Household</h1>${weather}
      <h2>Plants</h2><div class="grid" id="plants">${plants || '<p class="muted">No pots configured.</p>'}</div>
      <h2>Devices</h2><div class="card scroll"><table id="devices"><thead><tr><th>Device</th><th>State</th><th>Last seen</th><th>Battery</th><th class="optional">Signal</th><th class="optional">Firmware</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="6" class="muted">No devices yet: add one under Devices.</td></tr>'}</tbody></table></div>`;
  }

  async function plant(device, query) {
    const range = query.get('range') || '24h';
    const c = await api(`/api/dashboard/plants/${encodeURIComponent(device)}/chart?range=${range}`);
    const link = (r) => `<a href="#/plant/${encodeURIComponent(device)}?range=${r}" class="${r === range ? 'active' : ''}">${r}</a>`;
    main.innerHTML = `<h1>${esc(c.plant || device)} <span class="muted">${esc(device)}</span></h1>
      <div class="ranges">${['24h', '7d', '30d'].map(link).join('')}</div>
      <p class="muted" id="chart-summary" data-points="${c.times.length}">${c.times.length} ${c.resolution === 'hour' ? 'hourly means' : 'samples'} · ${c.waterings.length} watering(s) marked</p>
      <div class="card"><h2>Soil moisture (%)</h2><div class="chart" id="chart-moisture"></div></div>
      <div class="card"><h2>Light (lx)</h2><div class="chart" id="chart-light"></div></div>
      <div class="card"><h2>Temperature (°C)</h2><div class="chart" id="chart-temperature"></div></div>`;
    destroyCharts();
    const waterings = c.waterings.map((w) => w.time);
    const draw = [
      ['chart-moisture', c.moisture, '#2b6cb0', 'moisture'],
      ['chart-light', c.light, '#c28a00', 'light'],
      ['chart-temperature', c.temperature, '#b3261e', 'temperature'],
    ];
    for (const [id, values, colour, label] of draw) {
      const element = document.getElementById(id);
      const opts = {
        width: element.clientWidth || 600, height: 220,
        series: [{}, { label, stroke: colour, width: 2, spanGaps: true, points: { show: c.times.length < 80 } }],
        axes: [{}, { size: 50 }],
        hooks: { draw: [(u) => markWaterings(u, waterings)] },
      };
      charts.push(new uPlot(opts, [c.times, values], element));
    }
  }

  // Waterings as dashed vertical lines across every chart, so a jump in moisture has its cause next to it.
  function markWaterings(u, times) {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = '#2f7d4f';
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 2;
    for (const t of times) {
      const x = Math.round(u.valToPos(t, 'x', true));
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { continue; }
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
    }
    ctx.restore();
  }
  function destroyCharts() { charts.forEach((c) => c.destroy()); charts = []; }

  async function feed(_, query, live) {
    const q = query.get('q') || '';
    const items = await api('/api/memory?limit=100' + (q ? '&q=' + encodeURIComponent(q) : ''));
    if (live && editing()) { return; }
    const list = items.map((m) => `<li data-kind="${esc(m.kind)}"><div><span class="badge">${esc(m.kind)}</span> <strong>${esc(m.device || m.person || 'household')}</strong>
        <span class="muted">· ${esc(when(m.at))} · ${esc(m.madeBy)}${m.latencyMs != null ? ` · ${m.latencyMs.toFixed(1)} ms` : ''}</span></div>
        <div>${esc(m.text)}</div></li>`).join('');
    main.innerHTML = `<h1>Feed</h1>
      <form id="search" class="card"><label for="q">Search what was said</label><input id="q" name="q" value="${esc(q)}" placeholder="e.g. rain, basil, dentist"><button type="submit">Search</button></form>
      <div class="card"><ul class="feed" id="feed-list">${list || '<li class="muted">Nothing yet.</li>'}</ul></div>`;
    document.getElementById('search').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = document.getElementById('q').value.trim();
      location.hash = '#/feed' + (value ? '?q=' + encodeURIComponent(value) : '');
    });
  }

  async function calendar() {
    const [cal, reminders] = await Promise.all([api('/api/dashboard/calendar'), api('/api/reminders')]);
    const upcoming = cal.upcoming.map((o) => `<tr><td>${esc(when(o.start))}${o.isAllDay ? ' (all day)' : ''}</td><td>${esc(o.summary)}</td><td class="optional">${esc(o.location || '')}</td><td class="optional">${esc(o.calendar)}</td></tr>`).join('');
    const group = (statuses) => reminders.filter((r) => statuses.includes(r.status)).map((r) => `<tr data-reminder="${r.id}"><td>${esc(when(r.dueAt))}</td><td>${esc(r.summary)}</td>
        <td><span class="badge ${esc(r.status)}">${esc(r.status)}</span>${r.snoozedUntil ? ' until ' + esc(when(r.snoozedUntil)) : ''}</td><td class="optional">${esc(r.owner || '')}</td></tr>`).join('') || '<tr><td colspan="4" class="muted">None.</td></tr>';
    const table = (id, body) => `<div class="card scroll"><table id="${id}"><thead><tr><th>Due</th><th>What</th><th>State</th><th class="optional">For</th></tr></thead><tbody>${body}</tbody></table></div>`;
    const status = cal.calendars.map((c) => `${esc(c.name)}: ${c.loaded ? 'loaded' : 'not loaded'}${c.lastError ? ' (' + esc(c.lastError) + ')' : ''}`).join(' · ');
    main.innerHTML = `<h1>Calendar &amp; reminders</h1><p class="muted">${status || 'No calendars configured.'} · ${esc(cal.timeZone)}</p>
      <h2>Next 7 days</h2><div class="card scroll"><table id="upcoming"><thead><tr><th>When</th><th>What</th><th class="optional">Where</th><th class="optional">Calendar</th></tr></thead>
      <tbody>${upcoming || '<tr><td colspan="4" class="muted">Nothing planned.</td></tr>'}</tbody></table></div>
      <h2>Reminders: upcoming</h2>${table('reminders-upcoming', group(['pending', 'sent']))}
      <h2>Snoozed</h2>${table('reminders-snoozed', group(['snoozed']))}
      <h2>Acknowledged</h2>${table('reminders-acknowledged', group(['acknowledged']))}`;
  }

  async function devices(_, __, live) {
    const [h, ha] = await Promise.all([api('/api/dashboard/household'), api('/api/dashboard/homeassistant').catch(() => null)]);
    if (live && editing()) { return; }
    const rows = h.devices.map((d) => `<tr data-device="${esc(d.id)}"><td><strong>${esc(d.id)}</strong></td><td>${esc(d.kind)}</td>
        <td><span class="badge ${d.online ? 'online' : 'offline'}">${d.online ? 'online' : 'offline'}</span></td>
        <td><button class="danger" data-revoke="${esc(d.id)}">Revoke</button></td></tr>`).join('');
    const haCard = ha ? `<div class="card"><h2>Home Assistant</h2><p>Add the MQTT integration in Home Assistant with this broker; Ambient's devices appear by themselves (MQTT discovery, prefix <code>${esc(ha.discoveryPrefix)}</code>).</p>
        <pre>broker: ${esc(ha.host)}:${ha.port}\nuser: ${esc(ha.userName)}\npassword: ${esc(ha.password)}</pre></div>` : '';
    main.innerHTML = `<h1>Devices</h1>
      <form id="provision" class="card"><h2>Add a device</h2><div class="row">
        <div><label for="device-id">Device id</label><input id="device-id" name="id" placeholder="hall-fern" pattern="[a-z0-9-]+" required>
        <p class="error" data-error-for="id"></p></div>
        <div><label for="device-kind">Kind</label><select id="device-kind" name="kind"><option>planter</option><option>fridge-magnet</option><option>earbud</option></select>
        <p class="error" data-error-for="kind"></p></div></div>
        <button type="submit">Add device</button></form>
      <div id="credentials">${credentials}</div>
      <div class="card scroll"><table id="device-list"><thead><tr><th>Device</th><th>Kind</th><th>State</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>${haCard}`;
    document.getElementById('provision').addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(e.target);
      try {
        const r = await api('/api/dashboard/devices', { method: 'POST', body: JSON.stringify({ id: document.getElementById('device-id').value.trim(), kind: document.getElementById('device-kind').value }) });
        credentials = `<div class="card" id="new-device"><h2>${esc(r.device.id)} added</h2>
          <p><strong>Copy these now: the secret is shown only once</strong> (the gateway keeps only its hash).</p>
          <label>Broker</label><div class="secret" id="cred-broker">${esc(r.brokerHost)}:${r.brokerPort}</div>
          <label>User name / client id</label><div class="secret" id="cred-id">${esc(r.device.id)}</div>
          <label>Secret</label><div class="secret" id="cred-secret">${esc(r.secret)}</div>
          <label>Connection URI</label><div class="secret" id="cred-uri">${esc(r.uri)}</div>
          <div class="qr" id="cred-qr" title="Scan with the phone that flashes the device">${r.qrSvg}</div></div>`;
        document.getElementById('credentials').innerHTML = credentials;
      } catch (err) { if (!showErrors(e.target, err)) { throw err; } }
    });
    for (const button of main.querySelectorAll('[data-revoke]')) {
      button.addEventListener('click', async () => {
        const id = button.dataset.revoke;
        if (!confirm(`Revoke ${id}? It will no longer be able to connect.`)) { return; }
        await api('/api/dashboard/devices/' + encodeURIComponent(id), { method: 'DELETE' });
        route();
      });
    }
  }

  async function settings() {
    const s = await api('/api/settings');
    const c = s.current;
    const configured = s.configuredCalendars.map((k) => `<li>${esc(k.name)}: ${esc(k.source)}${k.owner ? ' (' + esc(k.owner) + ')' : ''}</li>`).join('');
    const field = (id, label, value, extra = '') => `<div><label for="${id}">${label}</label><input id="${id}" name="${id}" value="${esc(value ?? '')}" ${extra}><p class="error" data-error-for="${id}"></p></div>`;
    main.innerHTML = `<h1>Settings</h1>
      <form id="settings-form" class="card" novalidate>
        <h2>Location (for the weather)</h2><div class="row">${field('latitude', 'Latitude', c.latitude, 'inputmode="decimal"')}${field('longitude', 'Longitude', c.longitude, 'inputmode="decimal"')}</div>
        <h2>Greeting</h2><div class="row">${field('person', 'Name to greet', c.person)}
          <div><label for="persona">Persona</label><select id="persona" name="persona">${s.personas.map((p) => `<option ${p === c.persona ? 'selected' : ''}>${p}</option>`).join('')}</select><p class="error" data-error-for="persona"></p></div></div>
        <div class="row">${field('morningStart', 'Morning window start', c.morningStart, 'placeholder="06:30"')}${field('morningEnd', 'Morning window end', c.morningEnd, 'placeholder="09:30"')}</div>
        <h2>Quiet hours</h2><p class="muted">When Ambient should keep quiet (${esc(s.timeZone)}); leave both empty for none.</p>
        <div class="row">${field('quietStart', 'Quiet hours start', c.quietStart, 'placeholder="22:00"')}${field('quietEnd', 'Quiet hours end', c.quietEnd, 'placeholder="07:00"')}</div>
        <h2>Calendars</h2>${configured ? `<p class="muted">From the configuration file:</p><ul>${configured}</ul>` : ''}
        <div id="calendar-rows"></div><button type="button" class="secondary" id="add-calendar">Add a calendar</button>
        <p class="error" data-error-for="settings"></p>
        <button type="submit">Save</button> <span id="saved" class="ok-msg" role="status"></span>
        <p class="muted">${s.savedAt ? 'Last saved ' + esc(when(s.savedAt)) : 'Not changed from the dashboard yet.'} Changes apply at once: the weather is fetched again for a new location, and each magnet gets the new morning window when it next says hello.</p>
      </form>`;
    const rows = document.getElementById('calendar-rows');
    const addRow = (cal = {}) => {
      const i = rows.children.length;
      const div = document.createElement('div');
      div.className = 'row calendar-row';
      div.innerHTML = `<div><label>Name</label><input data-cal="name" value="${esc(cal.name || '')}"><p class="error" data-error-for="calendars[${i}].name"></p></div>
        <div><label>.ics URL or file</label><input data-cal="source" value="${esc(cal.source || '')}" placeholder="https://…/basic.ics"><p class="error" data-error-for="calendars[${i}].source"></p></div>
        <div><label>Whose</label><input data-cal="owner" value="${esc(cal.owner || '')}"><p class="error" data-error-for="calendars[${i}].owner"></p></div>`;
      rows.appendChild(div);
    };
    (c.calendars || []).forEach(addRow);
    document.getElementById('add-calendar').addEventListener('click', () => addRow());
    document.getElementById('settings-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(e.target);
      document.getElementById('saved').textContent = '';
      const num = (id) => { const v = document.getElementById(id).value.trim(); return v === '' || isNaN(Number(v)) ? null : Number(v); };
      const val = (id) => document.getElementById(id).value.trim() || null;
      const calendars = [...rows.children].map((r) => ({ name: r.querySelector('[data-cal=name]').value.trim(), source: r.querySelector('[data-cal=source]').value.trim(), owner: r.querySelector('[data-cal=owner]').value.trim() || null }))
        .filter((k) => k.name || k.source || k.owner);
      const form = { latitude: num('latitude'), longitude: num('longitude'), person: val('person'), persona: val('persona'), morningStart: val('morningStart'), morningEnd: val('morningEnd'), quietStart: val('quietStart'), quietEnd: val('quietEnd'), calendars };
      try {
        await api('/api/settings', { method: 'PUT', body: JSON.stringify(form) });
        document.getElementById('saved').textContent = 'Saved — in effect now.';
      } catch (err) { if (!showErrors(e.target, err)) { throw err; } }
    });
  }

  function clearErrors(form) { form.querySelectorAll('[data-error-for]').forEach((p) => { p.textContent = ''; }); }
  function showErrors(form, err) {
    if (!err.body || !err.body.errors) { return false; }
    for (const [key, messages] of Object.entries(err.body.errors)) {
      const target = form.querySelector(`[data-error-for="${CSS.escape(key)}"]`) || form.querySelector('[data-error-for=settings]') || form.querySelector('[data-error-for]');
      if (target) { target.textContent = messages.join(' '); }
    }
    return true;
  }

  // ---- routing ------------------------------------------------------------------------------------------------
  // A person is typing in one of the page's forms. A live update neither starts a re-render then nor, for the pages
  // with forms, swaps the page once its data arrives (the person may have started typing while it was fetched).
  function editing() {
    return Boolean(document.activeElement && document.activeElement.closest && document.activeElement.closest('form'));
  }
  let rendering = Promise.resolve();
  async function route() {
    if (!token()) { return showLogin(); }
    document.getElementById('nav').hidden = false;
    const [path, search] = (location.hash.slice(1) || '/').split('?');
    const parts = path.split('/').filter(Boolean);
    const name = parts[0] === 'plant' ? 'plant' : (parts[0] || 'household');
    const page = pages[name] || pages.household;
    document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === name));
    const render = (live) => page.render(decodeURIComponent(parts[1] || ''), new URLSearchParams(search || ''), live);
    onChange = (topic) => {
      // Re-render only pages that show what changed, and never under a person typing in a form.
      if (page.topics.includes(topic) && !editing()) {
        rendering = rendering.then(() => run(true));
      }
    };
    const run = async (live = false) => {
      try { await render(live); main.dataset.page = name; } catch (err) {
        if (err instanceof Unauthorized) { localStorage.removeItem(TOKEN_KEY); return showLogin('Your token was not accepted; sign in again.'); }
        main.innerHTML = `<div class="card error">Could not load this page: ${esc(err.message)}</div>`;
      }
    };
    destroyCharts();
    openEvents();
    rendering = rendering.then(() => run());
    await rendering;
  }

  window.addEventListener('hashchange', () => { if (!location.hash.startsWith('#/devices')) { credentials = ''; } route(); });
  window.addEventListener('resize', () => { for (const c of charts) { c.setSize({ width: c.root.parentElement.clientWidth, height: 220 }); } });
  route();
})();
