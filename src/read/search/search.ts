import { ENTITY_LABELS, foldedWords, type EntityLabel } from '../../model/graph-model.js';
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
import { luceneQuery, nameMatcher } from './ranking.js';

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
   * Ranked search (cypher/read/search/search.cypher): the full-text index finds the hits, the
   * statement ranks them by their best-matching name (whole name, words in a row, all words),
   * then by score, and reads one page; the name that matched is found here for the page's hits.
   */
  async search(
    text: string,
    labels: readonly EntityLabel[],
    args: Pick<PageArgs, 'first' | 'after'>,
    { slim = false }: { slim?: boolean } = {},
  ): Promise<Connection<SearchHitRecord>> {
    const request = pageRequest(args);
    const after = request.after;
    if (after !== null && !(Array.isArray(after[0]) && after[0].length === 2)) {
      throw new BadInputError('this cursor is not from a search');
    }
    const query = luceneQuery(text);
    const words = foldedWords(text);
    const key = words.join(' ');
    const last = words[words.length - 1] ?? '';
    const [row] = await this.db.read(statement('read/search/search'), {
      query,
      limit: SEARCH_LIMIT,
      // null: every label, which spares the statement a filter.
      labels: ENTITY_LABELS.every((label) => labels.includes(label)) ? null : labels,
      key,
      phrase: ` ${key} `,
      start: ` ${key}`,
      words: words.map((w) => ` ${w} `),
      head: words.slice(0, -1).map((w) => ` ${w} `),
      lastStart: ` ${last}`,
      // The cursor's key is [tier, -score], as the hits are sorted.
      after: after === null ? null : [after[0][0], -(after[0][1] as number), after[1]],
      first: (request.first ?? 0) + 1,
      slim: slim ? SLIM_PROPERTIES : null,
    });
    const matchName = nameMatcher(text);
    const read = (row?.page as unknown[][]).map(([tier, score, props, nodeLabels]) => {
      // Slim hits are partial: they stay out of the request's entity cache.
      const node = slim
        ? toEntity(propsFrom(SLIM_PROPERTIES, props as unknown[]), nodeLabels as string[])
        : this.lookups.prime(props as Props, nodeLabels as string[]);
      return {
        key: [Number(tier), -Number(score)],
        id: node.id,
        node,
        score: Number(score),
        match: matchName(node),
      };
    });
    const { rows: page, pageInfo } = pageOf(read, request);
    return {
      totalCount: Number(row?.total),
      pageInfo,
      edges: edgesOf(page, (hit) => ({
        node: hit.node,
        score: hit.score,
        matchedName: hit.match.text,
        matchedLanguage: hit.match.language,
      })),
    };
  }
}
