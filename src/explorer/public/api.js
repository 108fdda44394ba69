/**
 * The page's only ways to the server: the public GraphQL API, and /export for downloads (which
 * takes the same ids and filters as the GraphQL field `subgraph`).
 */
export class ApiError extends Error {}

export async function graphql(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => ({}));
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join('; '));
  }
  if (!response.ok || !body.data) throw new ApiError(`the server answered ${response.status}`);
  return body.data;
}

/** Fetches an export of the view and hands it to the browser as a file download. */
export async function download(format, view) {
  const response = await fetch(`/export/${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(view),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(body.errors?.[0]?.message ?? `the server answered ${response.status}`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `explorer-view.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

const QUOTE = `fragment Quote on Evidence {
  quote
  document { id name title language published { value } }
}`;

export const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 8) {
    edges { matchedName node { id name __typename } }
  }
}`;

/** Ids the view gains when an entity is expanded (the filters apply). */
export const NEIGHBORHOOD = `query Expand($id: ID!, $depth: Int, $types: [RelationshipType!],
  $dateFrom: IsoDate, $dateTo: IsoDate) {
  neighborhood(id: $id, depth: $depth, relationshipTypes: $types, dateFrom: $dateFrom,
    dateTo: $dateTo, limit: 100) {
    truncated
    nodes { id }
  }
}`;

/** What the view shows: the entities it holds and every fact among them that passes the filters. */
export const SUBGRAPH = `query View($ids: [ID!]!, $types: [RelationshipType!], $dateFrom: IsoDate,
  $dateTo: IsoDate) {
  subgraph(ids: $ids, relationshipTypes: $types, dateFrom: $dateFrom, dateTo: $dateTo) {
    nodes { id label type properties }
    edges { id source target type properties }
  }
}`;

/** The side panel of an entity: what it is, and each of its facts with their quotes. */
export const ENTITY_PANEL = `query Panel($id: ID!) {
  node(id: $id) {
    id
    __typename
    ... on Entity { name wikidataId evidence { ...Quote } }
    ... on Organization { organizationKind: kind }
    ... on Meeting { meetingKind: kind format start { value } end { value } }
    ... on Document { title language published { value } }
  }
  neighborhood(id: $id, depth: 1, limit: 200, perNodeLimit: 200) {
    truncated
    nodes { id label type }
    edges {
      id source target type properties
      fact { onBehalfOf { id name } }
      evidence { ...Quote }
    }
  }
}
${QUOTE}`;

/** The side panel of one fact (a clicked edge). */
export const FACT_PANEL = `query Fact($id: ID!) {
  fact(id: $id) {
    id type role capacity title
    start { value } end { value } attested { value }
    onBehalfOf { id name }
    subject { id ... on Entity { name } }
    object { id ... on Entity { name } }
    evidence { ...Quote }
  }
}
${QUOTE}`;
