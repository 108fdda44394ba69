import type { EntityLabel } from '../../model/graph-model.js';
import { dayParameter } from '../../db/dates.js';
import type { PartialDate } from '../../model/partial-date.js';
import type { Db } from '../db.js';
import { BadInputError } from '../errors.js';
import { checkEntityId } from '../ids.js';
import type { EntityPageRow, Lookups } from '../lookups/lookups.js';
import { pageQuery, pageRequest, type PageArgs, type PageRequest } from '../pagination.js';
import type { EntityEdge, LazyConnection } from '../records.js';
import { luceneQuery } from '../search/ranking.js';
import {
  AS_OF_ON_R,
  labelExpression,
  orderDirection,
  RETURNED_PROPERTIES,
  sortProperty,
  statement,
  type Fragment,
  type Statement,
} from '../statements.js';

/** Names a list's text filter may match; more would make the filter no filter. */
export const TEXT_FILTER_LIMIT = 10_000;

export interface MeetingQuery {
  /** Meetings whose period overlaps [dateFrom.min, dateTo.max]. */
  dateFrom: PartialDate | null;
  dateTo: PartialDate | null;
  kinds: string[] | null;
  chairedBy: string | null;
  participant: string | null;
  theme: string | null;
  place: string | null;
  partOf: string | null;
  text: string | null;
  orderBy: 'START' | 'NAME';
  descending: boolean;
}

export interface EntityQuery {
  labels: readonly EntityLabel[];
  /** Stored kinds (organizations only). */
  kinds: string[] | null;
  memberOf: string | null;
  /** A day (YYYY-MM-DD) at which the membership must hold. */
  asOf: string | null;
  text: string | null;
}

/**
 * A root list's page before it is read: its page statement (returning key, id and the node as
 * `returned` says: its properties and labels, or the node itself for the query planner to
 * project), its count statement, and their parameters.
 */
export interface ListQuery {
  request: PageRequest;
  page(returned: Fragment): Statement;
  params: Record<string, unknown>;
  count: Statement;
  /** The count's parameters. */
  filters: Record<string, unknown>;
}

/**
 * The root lists (meetings, actors, persons ...) with their filters, in keyset pages. Each list
 * is a page statement and a count statement that runs only when totalCount is asked for; the
 * batched path reads them here, the query planner projects the same page statement.
 */
export class Lists {
  constructor(
    private readonly db: Db,
    private readonly lookups: Lookups,
  ) {}

  async meetings(query: MeetingQuery, args: PageArgs): Promise<LazyConnection<EntityEdge>> {
    return this.read(await this.meetingList(query, args));
  }

  async entityList(query: EntityQuery, args: PageArgs): Promise<LazyConnection<EntityEdge>> {
    return this.read(await this.entityListQuery(query, args));
  }

  /**
   * The meeting list's page as statements and parameters (ids checked, the text filter read), or
   * 'nothing' when no meeting can match; the batched path and the query planner both read it.
   */
  async meetingList(query: MeetingQuery, args: PageArgs): Promise<ListQuery | 'nothing'> {
    const request = pageRequest(args);
    const ids = ['chairedBy', 'participant', 'theme', 'place', 'partOf'] as const;
    for (const name of ids) {
      const id = query[name];
      if (id !== null) checkEntityId(id, name);
    }
    const text = await this.textFilter(query.text, ['Meeting']);
    if (text === 'nothing') return 'nothing';
    // '', [] and null stand for "no filter": see cypher/read/lists/fragments/meeting-filter-*.
    const filters = {
      ...text,
      kinds: query.kinds ?? [],
      dateFrom: dayParameter(query.dateFrom?.min),
      dateTo: dayParameter(query.dateTo?.max),
      chairedBy: query.chairedBy ?? '',
      participant: query.participant ?? '',
      theme: query.theme ?? '',
      place: query.place ?? '',
      partOf: query.partOf ?? '',
    };
    const key = sortProperty(query.orderBy === 'NAME' ? 'nameKey' : 'sortKey');
    const { params, descending } = pageQuery(request, query.descending);
    if (query.orderBy === 'START' && query.dateTo) endSeekAtDay(params, query.dateTo.max);
    return {
      request,
      page: (returned) =>
        statement('read/lists/meeting-page', { key, order: orderDirection(descending), returned }),
      params: { ...filters, ...params },
      count: statement('read/lists/meeting-count'),
      filters,
    };
  }

  /** An entity list's page as statements and parameters (see meetingList). */
  async entityListQuery(query: EntityQuery, args: PageArgs): Promise<ListQuery | 'nothing'> {
    const request = pageRequest(args);
    if (query.memberOf !== null) checkEntityId(query.memberOf, 'memberOf');
    const text = await this.textFilter(query.text, query.labels);
    if (text === 'nothing') return 'nothing';
    const labels = labelExpression(query.labels);
    const filters = {
      ...text,
      kinds: query.kinds ?? [],
      memberOf: query.memberOf ?? '',
      asOf: dayParameter(query.asOf),
    };
    const { params, descending } = pageQuery(request);
    return {
      request,
      page: (returned) =>
        statement('read/lists/entity-page', {
          ...AS_OF_ON_R,
          labels,
          key: sortProperty('sortKey'),
          order: orderDirection(descending),
          returned,
        }),
      params: { ...filters, ...params },
      count: statement('read/lists/entity-count', { labels, ...AS_OF_ON_R }),
      filters,
    };
  }

  private async read(list: ListQuery | 'nothing'): Promise<LazyConnection<EntityEdge>> {
    if (list === 'nothing') return emptyConnection();
    const rows = await this.db.read(list.page(RETURNED_PROPERTIES), list.params);
    return {
      ...this.lookups.entityPage(rows as unknown as EntityPageRow[], list.request),
      totalCount: this.count(list.count, list.filters),
    };
  }

  /**
   * A list's text filter as page query parameters: the ids of the entities whose names match, or
   * 'nothing' when none do (the page is then empty without asking).
   */
  private async textFilter(
    text: string | null,
    labels: readonly EntityLabel[],
  ): Promise<{ byText: boolean; textIds: string[] } | 'nothing'> {
    if (text === null) return { byText: false, textIds: [] };
    const [row] = await this.db.read(statement('read/lists/text-matches'), {
      query: luceneQuery(text),
      limit: TEXT_FILTER_LIMIT + 1,
      labels,
    });
    if (Number(row?.matched ?? 0) > TEXT_FILTER_LIMIT) {
      throw new BadInputError(
        `"${text}" matches more than ${TEXT_FILTER_LIMIT} names; add a word to narrow it`,
      );
    }
    const ids = (row?.ids as string[] | undefined) ?? [];
    return ids.length === 0 ? 'nothing' : { byText: true, textIds: ids };
  }

  /** A count that runs once, when first asked for. */
  private count(st: Statement, params: Record<string, unknown>): () => Promise<number> {
    let total: Promise<number> | undefined;
    return () => (total ??= this.db.read(st, params).then(([row]) => Number(row?.total ?? 0)));
  }
}

/**
 * Ordered by start, meetings that start after `day` cannot overlap a range ending on it: the
 * index seek may stop there instead of reading to the end of the list (the date filter still
 * decides). A sortKey is the start as given ("2021", "2021-04", "2021-04-19"), and a shorter
 * date sorts before its extensions, so sortKey <= day exactly when the start's first day is.
 * A cursor bound already below `day` is kept.
 */
function endSeekAtDay(params: Record<string, unknown>, day: string): void {
  if (String(params.upperKey) > day) {
    params.upperKey = day;
    params.upperId = '';
  }
}

export function emptyConnection(): LazyConnection<EntityEdge> {
  const pageInfo = {
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: null,
    endCursor: null,
  };
  return { edges: [], pageInfo, totalCount: async () => 0 };
}
