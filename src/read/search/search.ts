import type { EntityLabel } from '../../model/graph-model.js';
import type { Position } from '../cursor.js';
import type { Db } from '../db.js';
import { BadInputError } from '../errors.js';
import type { Lookups } from '../lookups/lookups.js';
import { edgesOf, pageOf, pageRequest, type PageArgs } from '../pagination.js';
import {
  propsFrom,
  toEntity,
  type Connection,
  type Props,
  type SearchHitRecord,
} from '../records.js';
import { statement } from '../statements.js';
import { compareTuples, luceneQuery, nameMatcher } from './ranking.js';

/** Hits the full-text index hands over for ranking; beyond it, a search is too vague to page. */
export const SEARCH_LIMIT = 1000;

/** What a slim hit is read as: what the ranking needs (names, aliases) and the id and name. */
const SLIM_PROPERTIES = ['id', 'name', 'labelTexts', 'labelLangs', 'aliasTexts', 'aliasLangs'];

export class Search {
  constructor(
    private readonly db: Db,
    private readonly lookups: Lookups,
  ) {}

  /**
   * Ranked search: the full-text index finds the hits, then each is ranked by its best-matching
   * name (whole name, words in a row, all words), then by score. The index alone would put
   * "Atelier ASEAN-ONU" above the United Nations for "ONU", as its name field is shorter.
   */
  async search(
    text: string,
    labels: readonly EntityLabel[],
    args: Pick<PageArgs, 'first' | 'after'>,
    { slim = false }: { slim?: boolean } = {},
  ): Promise<Connection<SearchHitRecord>> {
    const request = pageRequest(args);
    if (request.after !== null && !Array.isArray(request.after[0])) {
      throw new BadInputError('this cursor is not from a search');
    }
    const rows = await this.db.read(statement('read/search/search'), {
      query: luceneQuery(text),
      limit: SEARCH_LIMIT,
      labels,
      slim: slim ? SLIM_PROPERTIES : null,
    });
    const matchName = nameMatcher(text);
    const hits = rows
      .map((r) => {
        // Slim hits are partial: they stay out of the request's entity cache.
        const node = slim
          ? toEntity(propsFrom(SLIM_PROPERTIES, r.node as unknown[]), r.labels)
          : this.lookups.prime(r.node as Props, r.labels);
        const score = Number(r.score);
        const match = matchName(node);
        return { key: [match.tier, -score], id: node.id, node, score, match };
      })
      .sort((a, b) => comparePositions([a.key, a.id], [b.key, b.id]));
    const after = request.after;
    const read = hits
      .filter((hit) => after === null || comparePositions([hit.key, hit.id], after) > 0)
      .slice(0, (request.first ?? 0) + 1);
    const { rows: page, pageInfo } = pageOf(read, request);
    return {
      totalCount: hits.length,
      pageInfo,
      edges: edgesOf(page, (row) => ({
        node: row.node,
        score: row.score,
        matchedName: row.match.text,
        matchedLanguage: row.match.language,
      })),
    };
  }
}

/** Search positions: [tier, -score] then id, as the hits are sorted. */
function comparePositions(a: Position, b: Position): number {
  const byKey = compareTuples(a[0] as number[], b[0] as number[]);
  if (byKey !== 0) return byKey;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
