import { h } from './dom.js';
import { TYPE_COLORS } from './graph-view.js';
import { TYPE_NAMES } from './model.js';

/**
 * The details panel: an entity with each of its facts and the quotes that state them (with the
 * article's title and date), or one fact. Names of other entities are buttons that select them.
 */

const QUALIFIERS = [
  ['role', 'role'],
  ['capacity', 'capacity'],
  ['title', 'title'],
  ['onBehalfOf', 'on behalf of'],
  ['start', 'from'],
  ['end', 'to'],
  ['attested', 'attested'],
];

function quoteBlock(evidence) {
  const doc = evidence.document;
  return h(
    'blockquote',
    { class: 'quote', lang: doc.language ?? undefined },
    `« ${evidence.quote} »`,
    h(
      'footer',
      {},
      '— ',
      h('cite', {}, doc.title ?? doc.name),
      doc.published ? `, ${doc.published.value}` : '',
    ),
  );
}

function entityMeta(node) {
  const parts = [TYPE_NAMES[node.__typename.toUpperCase()] ?? node.__typename];
  const kind = node.organizationKind ?? node.meetingKind;
  if (kind) parts.push(kind.toLowerCase().replaceAll('_', ' '));
  if (node.format) parts.push(node.format.toLowerCase().replaceAll('_', ' '));
  if (node.start) {
    const end = node.end && node.end.value !== node.start.value ? ` – ${node.end.value}` : '';
    parts.push(`${node.start.value}${end}`);
  }
  if (node.published) parts.push(`published ${node.published.value}`);
  return parts.join(' · ');
}

export function renderMessage(panel, text) {
  panel.replaceChildren(h('p', { class: 'hint' }, text));
}

/** `data`: the ENTITY_PANEL answer. `select(id)` opens another entity. */
export function renderEntity(panel, data, select) {
  const { node, neighborhood } = data;
  const names = new Map(neighborhood.nodes.map((n) => [n.id, n.label]));
  // The selected entity reads as "this meeting" in its own facts: its name is the heading.
  const self = `this ${(TYPE_NAMES[node.__typename.toUpperCase()] ?? 'entity').toLowerCase()}`;
  const nameOf = (id) =>
    id === node.id
      ? h('span', { class: 'self', title: node.name }, self)
      : h(
          'button',
          { class: 'link', type: 'button', onclick: () => select(id) },
          names.get(id) ?? id,
        );
  const facts = neighborhood.edges
    .filter((e) => e.source === node.id || e.target === node.id)
    .sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));

  const items = facts.map((edge) => {
    const qualifiers = QUALIFIERS.filter(([key]) => edge.properties[key] !== undefined).map(
      ([key, label]) => {
        const value = edge.properties[key];
        return `${label}: ${key === 'onBehalfOf' ? (edge.fact.onBehalfOf?.name ?? value) : value}`;
      },
    );
    return h(
      'li',
      { class: 'fact', dataset: { factId: edge.id } },
      h(
        'div',
        { class: 'fact-line' },
        nameOf(edge.source),
        ' ',
        h('span', { class: 'rel' }, edge.type),
        ' ',
        nameOf(edge.target),
      ),
      qualifiers.length ? h('div', { class: 'qualifiers' }, qualifiers.join(' · ')) : null,
      edge.evidence.map(quoteBlock),
    );
  });

  const parts = [
    h(
      'h2',
      { class: 'entity-name' },
      h('span', {
        class: 'swatch',
        style: `background:${TYPE_COLORS[node.__typename.toUpperCase()]}`,
      }),
      ' ',
      node.name,
    ),
    h(
      'p',
      { class: 'meta' },
      entityMeta(node),
      node.wikidataId
        ? [
            ' · ',
            h(
              'a',
              {
                href: `https://www.wikidata.org/wiki/${node.wikidataId}`,
                rel: 'noreferrer',
                target: '_blank',
              },
              node.wikidataId,
            ),
          ]
        : null,
    ),
    h('h3', {}, `Facts (${facts.length}${neighborhood.truncated ? ', more not shown' : ''})`),
    facts.length ? h('ol', { class: 'facts' }, items) : h('p', { class: 'hint' }, 'No facts.'),
    ...(node.evidence?.length
      ? [h('h3', {}, 'Quotes that name it'), ...node.evidence.map(quoteBlock)]
      : []),
  ];
  panel.replaceChildren(...parts);
}

/** `fact`: the FACT_PANEL answer's fact. */
export function renderFact(panel, fact, select) {
  const link = (entity) =>
    h(
      'button',
      { class: 'link', type: 'button', onclick: () => select(entity.id) },
      entity.name ?? entity.id,
    );
  const qualifiers = [
    fact.role && `role: ${fact.role}`,
    fact.capacity && `capacity: ${fact.capacity}`,
    fact.title && `title: ${fact.title}`,
    fact.onBehalfOf && `on behalf of: ${fact.onBehalfOf.name}`,
    fact.start && `from: ${fact.start.value}`,
    fact.end && `to: ${fact.end.value}`,
    fact.attested && `attested: ${fact.attested.value}`,
  ].filter(Boolean);
  panel.replaceChildren(
    h('h2', { class: 'entity-name' }, 'Fact'),
    h('p', { class: 'meta' }, fact.id),
    h(
      'ol',
      { class: 'facts' },
      h(
        'li',
        { class: 'fact', dataset: { factId: fact.id } },
        h(
          'div',
          { class: 'fact-line' },
          link(fact.subject),
          ' ',
          h('span', { class: 'rel' }, fact.type),
          ' ',
          link(fact.object),
        ),
        qualifiers.length ? h('div', { class: 'qualifiers' }, qualifiers.join(' · ')) : null,
        fact.evidence.map(quoteBlock),
      ),
    ),
  );
}
