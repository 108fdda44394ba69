import {
  ApiError,
  download,
  ENTITY_PANEL,
  FACT_PANEL,
  graphql,
  NEIGHBORHOOD,
  SEARCH,
  SUBGRAPH,
} from './api.js';
import { h } from './dom.js';
import { GraphView, TYPE_COLORS, TYPE_NAMES } from './graph-view.js';
import { renderEntity, renderFact, renderMessage } from './panel.js';

/**
 * The explorer: the view holds a set of entity ids (the ones searched and the neighbourhoods
 * expanded) and shows every fact among them that passes the filters, as the GraphQL field
 * `subgraph` answers it; a download posts the same ids and filters to /export, so the file is
 * what the view shows.
 */

// The relationship types, as the server's model declares them (/explore/model.json, derived from
// src/model/graph-model.ts): not copied here, and not from introspection, which may be off.
const RELATIONSHIP_TYPES = await fetch('/explore/model.json')
  .then((response) => response.json())
  .then((model) => model.relationshipTypes.map((t) => t.type));

/** The most entities `subgraph` takes. */
const MAX_VIEW = 500;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const $ = (id) => document.getElementById(id);

const state = {
  ids: new Set(),
  expanded: new Set(),
  types: new Set(RELATIONSHIP_TYPES),
  dateFrom: null,
  dateTo: null,
  depth: 1,
  truncated: false,
  /** The entity the view was started from (the URL's `focus`). */
  focus: null,
};

const view = new GraphView($('graph'), { onNode: openNode, onEdge: openFact });
// For people poking at the page from the console, and for the browser tests.
window.explorer = { view, state };

function status(text) {
  $('status').textContent = text;
}

function failed(error) {
  status(error instanceof ApiError ? `Error: ${error.message}` : `Error: ${String(error)}`);
  if (!(error instanceof ApiError)) console.error(error);
}

/** The filters as GraphQL variables (null: no filter). */
function filters() {
  const all = state.types.size === RELATIONSHIP_TYPES.length;
  return {
    types: all ? null : [...state.types],
    dateFrom: state.dateFrom,
    dateTo: state.dateTo,
  };
}

/** Fetches what the view holds under the current filters and shows it. */
async function refresh(anchor) {
  if (state.types.size === 0) {
    status('Tick at least one relationship type.');
    return;
  }
  if (state.ids.size === 0) {
    view.clear();
    renderInView([]);
    status('Search an entity to start. Click a node to expand it and read its facts.');
    return;
  }
  const { subgraph } = await graphql(SUBGRAPH, { ids: [...state.ids], ...filters() });
  view.show(subgraph, anchor);
  for (const id of state.expanded) view.markExpanded(id);
  renderInView(subgraph.nodes);
  const hidden = state.ids.size - subgraph.nodes.length;
  status(
    `${subgraph.nodes.length} entities, ${subgraph.edges.length} facts` +
      (hidden > 0 ? ` (${hidden} outside the date range)` : '') +
      (state.truncated
        ? '. Some large neighbourhoods were cut: expand their nodes one by one.'
        : '.'),
  );
}

/** Adds the neighbourhood of `id` to the view. */
async function expand(id) {
  const { neighborhood } = await graphql(NEIGHBORHOOD, { id, depth: state.depth, ...filters() });
  state.expanded.add(id);
  state.truncated ||= neighborhood.truncated;
  for (const node of neighborhood.nodes) {
    if (state.ids.size >= MAX_VIEW) {
      state.truncated = true;
      break;
    }
    state.ids.add(node.id);
  }
  await refresh(id);
}

async function showEntity(id) {
  view.select(id);
  try {
    renderEntity($('panel'), await graphql(ENTITY_PANEL, { id }), (other) => openNode(other));
  } catch (error) {
    renderMessage($('panel'), `Could not load ${id}: ${error.message}`);
  }
}

/** A node was clicked (or picked in a list): expand it once, and show its facts. */
async function openNode(id) {
  try {
    state.ids.add(id);
    const panel = showEntity(id);
    if (!state.expanded.has(id)) await expand(id);
    else view.select(id);
    await panel;
  } catch (error) {
    failed(error);
  }
}

async function openFact(id) {
  view.select(id);
  try {
    const { fact } = await graphql(FACT_PANEL, { id });
    renderFact($('panel'), fact, (other) => openNode(other));
  } catch (error) {
    renderMessage($('panel'), `Could not load the fact: ${error.message}`);
  }
}

/** A search hit was chosen: start a new view around it. */
async function start(id) {
  state.focus = id;
  writeUrl();
  state.ids = new Set([id]);
  state.expanded = new Set();
  state.truncated = false;
  view.clear();
  await openNode(id);
}

// --- search --------------------------------------------------------------------------------
// Type, then Enter picks the highlighted suggestion (the first, unless the arrow keys moved
// it); Escape closes the list. The mouse works too.

let searchTimer;
let searchRun = 0;
/** The suggestions shown: for which text, the hits, and which one Enter picks. */
const suggestions = { text: null, hits: [], active: -1 };
window.explorer.suggestions = suggestions;

function pick(node) {
  closeSuggestions();
  $('search-text').value = node.name;
  void start(node.id);
}

function closeSuggestions() {
  $('search-results').hidden = true;
  $('search-text').setAttribute('aria-expanded', 'false');
  $('search-text').removeAttribute('aria-activedescendant');
}

function highlight(index) {
  const buttons = [...$('search-results').querySelectorAll('button:not([disabled])')];
  if (buttons.length === 0) return;
  suggestions.active = (index + buttons.length) % buttons.length;
  buttons.forEach((button, i) => {
    const active = i === suggestions.active;
    button.classList.toggle('active', active);
    button.setAttribute('aria-selected', String(active));
    if (active) {
      $('search-text').setAttribute('aria-activedescendant', button.id);
      button.scrollIntoView({ block: 'nearest' });
    }
  });
}

async function search(text) {
  const run = ++searchRun;
  const list = $('search-results');
  if (!/[\p{L}\p{N}]/u.test(text)) {
    suggestions.text = text;
    suggestions.hits = [];
    closeSuggestions();
    return;
  }
  try {
    const { search } = await graphql(SEARCH, { text });
    if (run !== searchRun) return;
    const hits = search.edges;
    suggestions.text = text;
    suggestions.hits = hits.map(({ node }) => node);
    list.replaceChildren(
      ...(hits.length
        ? hits.map(({ node, matchedName }, index) =>
            h(
              'li',
              { role: 'presentation' },
              h(
                'button',
                {
                  type: 'button',
                  id: `search-hit-${index}`,
                  role: 'option',
                  tabindex: '-1',
                  onclick: () => pick(node),
                },
                node.name,
                h(
                  'span',
                  { class: 'type' },
                  TYPE_NAMES[node.__typename.toUpperCase()],
                  matchedName !== node.name ? ` · “${matchedName}”` : '',
                ),
              ),
            ),
          )
        : [
            h('li', { class: 'hint' }, h('button', { type: 'button', disabled: true }, 'No match')),
          ]),
    );
    list.hidden = false;
    $('search-text').setAttribute('aria-expanded', 'true');
    highlight(0);
  } catch (error) {
    if (run === searchRun) failed(error);
  }
}

$('search-text').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void search(event.target.value), 200);
});
$('search-text').addEventListener('keydown', (event) => {
  const list = $('search-results');
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (list.hidden && suggestions.hits.length > 0) {
      list.hidden = false;
      $('search-text').setAttribute('aria-expanded', 'true');
      highlight(0);
    } else {
      highlight(suggestions.active + (event.key === 'ArrowDown' ? 1 : -1));
    }
  } else if (event.key === 'Escape') {
    event.preventDefault();
    closeSuggestions();
  }
});
// Enter: the highlighted suggestion for the text as typed, searching first if the suggestions
// are not there yet (Enter pressed before the typing pause).
$('search').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('search-text').value;
  clearTimeout(searchTimer);
  if (suggestions.text !== text) await search(text);
  if (suggestions.text !== text) return;
  const node = suggestions.hits[Math.max(0, suggestions.active)];
  if (node) pick(node);
});
document.addEventListener('click', (event) => {
  if (!$('search').contains(event.target)) closeSuggestions();
});

// --- filters -------------------------------------------------------------------------------

$('type-filters').append(
  ...RELATIONSHIP_TYPES.map((type) =>
    h(
      'label',
      {},
      h('input', {
        type: 'checkbox',
        value: type,
        checked: true,
        onchange: (event) => {
          if (event.target.checked) state.types.add(type);
          else state.types.delete(type);
          writeUrl();
          refresh().catch(failed);
        },
      }),
      type.toLowerCase().replaceAll('_', ' '),
    ),
  ),
);

function readDates() {
  const from = $('date-from').value.trim();
  const to = $('date-to').value.trim();
  const bad = [from, to].find((d) => d && !DATE.test(d));
  $('date-error').hidden = !bad;
  if (bad) {
    $('date-error').textContent = `“${bad}” is not a date such as 2021, 2021-04 or 2021-04-19.`;
    return;
  }
  state.dateFrom = from || null;
  state.dateTo = to || null;
  writeUrl();
  refresh().catch(failed);
}
$('date-from').addEventListener('change', readDates);
$('date-to').addEventListener('change', readDates);
$('depth').addEventListener('change', (event) => {
  state.depth = Number(event.target.value);
  writeUrl();
});

$('legend').append(
  ...Object.entries(TYPE_COLORS).map(([type, color]) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${color}` }), TYPE_NAMES[type]),
  ),
);

function renderInView(nodes) {
  $('in-view-count').textContent = String(nodes.length);
  $('in-view-list').replaceChildren(
    ...[...nodes]
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((node) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', onclick: () => void openNode(node.id), dataset: { id: node.id } },
            node.label,
            h('span', { class: 'type' }, TYPE_NAMES[node.type]),
          ),
        ),
      ),
  );
}

$('clear').addEventListener('click', () => {
  state.focus = null;
  writeUrl();
  state.ids.clear();
  state.expanded.clear();
  state.truncated = false;
  renderMessage($('panel'), 'The view is empty: search an entity to start again.');
  refresh().catch(failed);
});

// --- downloads -----------------------------------------------------------------------------

for (const button of document.querySelectorAll('.downloads button')) {
  button.addEventListener('click', async () => {
    if (state.ids.size === 0) {
      status('The view is empty: nothing to download yet.');
      return;
    }
    try {
      const { types, dateFrom, dateTo } = filters();
      const name = await download(button.dataset.format, {
        ids: [...state.ids],
        relationshipTypes: types,
        dateFrom,
        dateTo,
      });
      status(`Downloaded ${name}.`);
    } catch (error) {
      failed(error);
    }
  });
}

// --- the view in the URL -------------------------------------------------------------------
// /explore?focus=vietnam&depth=2&types=CHAIRED,PARTICIPATED_IN&from=2019&to=2021-04: the
// entity the view starts from, the levels per expansion, the relationship types and the date
// range; a link with them reopens the same view.

function writeUrl() {
  const params = new URLSearchParams();
  if (state.focus) params.set('focus', state.focus);
  if (state.depth !== 1) params.set('depth', String(state.depth));
  const { types, dateFrom, dateTo } = filters();
  if (types) params.set('types', types.join(','));
  if (dateFrom) params.set('from', dateFrom);
  if (dateTo) params.set('to', dateTo);
  const query = params.toString().replaceAll('%2C', ',');
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const depth = Number(params.get('depth'));
  if ([1, 2, 3].includes(depth)) {
    state.depth = depth;
    $('depth').value = String(depth);
  }
  const types = params.get('types');
  if (types !== null) {
    state.types = new Set(types.split(',').filter((t) => RELATIONSHIP_TYPES.includes(t)));
    for (const box of $('type-filters').querySelectorAll('input')) {
      box.checked = state.types.has(box.value);
    }
  }
  for (const [param, input, key] of [
    ['from', 'date-from', 'dateFrom'],
    ['to', 'date-to', 'dateTo'],
  ]) {
    const value = params.get(param);
    if (value && DATE.test(value)) {
      state[key] = value;
      $(input).value = value;
    }
  }
  return params.get('focus');
}

const focus = readUrl();
if (focus) void start(focus);
