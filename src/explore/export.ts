import { BadInputError } from '../read/errors.js';
import {
  ENTITY_LABELS,
  isRelationshipType,
  type EntityLabel,
  type RelationshipType,
} from '../model/graph-model.js';
import { parsePartialDate, type PartialDate } from '../model/partial-date.js';
import type { ExploreData, GraphFilter, NeighborhoodArgs } from './explore-data.js';
import {
  EXPORT_FORMATS,
  GEXF_VERSIONS,
  isExportFormat,
  type ExportFormat,
  type GexfVersion,
} from './formats.js';
import type { GraphRecord } from './graph.js';

/**
 * What an export asks for, from the HTTP endpoints (src/server/routes/export.ts) and the CLI
 * (src/cli/export.ts) alike: a format and a scope, which is the neighbourhood of one entity,
 * a set of entities (the explorer's current view), or the whole graph.
 */
export type ExportScope =
  | { kind: 'around'; id: string; args: NeighborhoodArgs }
  | { kind: 'ids'; ids: string[]; filter: GraphFilter }
  | { kind: 'whole' };

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  /** Set for GEXF only. */
  gexfVersion?: GexfVersion;
}

/** Options as text, as a query string or a command line gives them; lists may be comma-separated. */
export interface RawExportOptions {
  format?: string | undefined;
  /** The GEXF version (1.3 or 1.2); gexf only. */
  version?: string | undefined;
  around?: string | undefined;
  depth?: string | undefined;
  limit?: string | undefined;
  perNodeLimit?: string | undefined;
  types?: readonly string[] | undefined;
  nodeTypes?: readonly string[] | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
}

export function exportFormat(value: string | undefined): ExportFormat {
  if (value !== undefined && isExportFormat(value)) return value;
  throw new BadInputError(
    `format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}, got "${value ?? ''}"`,
  );
}

/** The GEXF version asked for: 1.3 when none is; only GEXF has versions. */
export function gexfVersionOf(
  format: ExportFormat,
  version: string | undefined,
): { gexfVersion?: GexfVersion } {
  if (version === undefined || version === '')
    return format === 'gexf' ? { gexfVersion: '1.3' } : {};
  if (format !== 'gexf') throw new BadInputError(`a version applies to gexf only, not ${format}`);
  const known = GEXF_VERSIONS.find((v) => v === version);
  if (!known) {
    throw new BadInputError(
      `the GEXF version must be ${GEXF_VERSIONS.join(' or ')}, got "${version}"`,
    );
  }
  return { gexfVersion: known };
}

/** The neighbourhood (with `around`) or whole-graph request the options describe. */
export function parseExportOptions(raw: RawExportOptions): ExportRequest {
  const format = exportFormat(raw.format);
  const version = gexfVersionOf(format, raw.version);
  const filter = parseFilter(raw);
  if (raw.around === undefined || raw.around === '') {
    const given = (['depth', 'limit', 'perNodeLimit'] as const).filter((k) => raw[k] !== undefined);
    if (given.length > 0 || Object.values(filter).some((v) => v !== null)) {
      throw new BadInputError('depth, limit and the filters need --around / around=<id>');
    }
    return { format, ...version, scope: { kind: 'whole' } };
  }
  return {
    format,
    ...version,
    scope: {
      kind: 'around',
      id: raw.around,
      args: {
        ...filter,
        depth: integer('depth', raw.depth),
        limit: integer('limit', raw.limit),
        perNodeLimit: integer('perNodeLimit', raw.perNodeLimit),
      },
    },
  };
}

/** A set of entities and filters, as the explorer posts its current view. */
export function parseViewRequest(
  format: ExportFormat,
  body: unknown,
  version?: string,
): ExportRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadInputError('the body must be a JSON object such as {"ids": ["asean"]}');
  }
  const { ids, relationshipTypes, nodeTypes, dateFrom, dateTo, ...rest } = body as Record<
    string,
    unknown
  >;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new BadInputError(`unknown field(s): ${unknown.join(', ')}`);
  return {
    format,
    ...gexfVersionOf(format, version),
    scope: {
      kind: 'ids',
      ids: stringList('ids', ids) ?? [],
      filter: parseFilter({
        types: stringList('relationshipTypes', relationshipTypes),
        nodeTypes: stringList('nodeTypes', nodeTypes),
        dateFrom: optionalString('dateFrom', dateFrom),
        dateTo: optionalString('dateTo', dateTo),
      }),
    },
  };
}

/** The graph an export request asks for; the whole graph stops at `maxWholeNodes`. */
export function exportGraph(
  explore: ExploreData,
  scope: ExportScope,
  maxWholeNodes = Infinity,
): Promise<GraphRecord> {
  switch (scope.kind) {
    case 'around':
      return explore.neighborhood(scope.id, scope.args);
    case 'ids':
      return explore.subgraph(scope.ids, scope.filter);
    case 'whole':
      return explore.wholeGraph(maxWholeNodes);
  }
}

/** A file name that says what the export holds: `antonio-guterres-depth-2.graphml`. */
export function exportFileName({ format, scope }: ExportRequest): string {
  const stem =
    scope.kind === 'around'
      ? `${scope.id}-depth-${scope.args.depth ?? 1}`
      : scope.kind === 'ids'
        ? 'explorer-view'
        : 'diplomacy-graph';
  return `${stem}.${EXPORT_FORMATS[format].extension}`;
}

function parseFilter(raw: RawExportOptions): Required<GraphFilter> {
  const types = listValues(raw.types);
  const badType = types.find((t) => !isRelationshipType(t));
  if (badType !== undefined) throw new BadInputError(`"${badType}" is not a relationship type`);
  const nodeTypes = listValues(raw.nodeTypes).map(entityLabel);
  return {
    relationshipTypes: types.length ? (types as RelationshipType[]) : null,
    nodeTypes: nodeTypes.length ? nodeTypes : null,
    dateFrom: isoDate('dateFrom', raw.dateFrom),
    dateTo: isoDate('dateTo', raw.dateTo),
  };
}

/** An entity type as the API spells it (PERSON) or as the graph does (Person). */
function entityLabel(value: string): EntityLabel {
  const label = ENTITY_LABELS.find((l) => l.toUpperCase() === value.toUpperCase());
  if (!label) throw new BadInputError(`"${value}" is not an entity type`);
  return label;
}

function listValues(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function integer(name: string, value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,6}$/.test(value))
    throw new BadInputError(`${name} must be an integer, got "${value}"`);
  return Number(value);
}

function isoDate(name: string, value: string | undefined): PartialDate | null {
  if (value === undefined || value === '') return null;
  const date = parsePartialDate(value);
  if (!date) {
    throw new BadInputError(`${name} must be a date such as 2021, 2021-04 or 2021-04-19`);
  }
  return date;
}

function stringList(name: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new BadInputError(`${name} must be a list of strings`);
  }
  return value;
}

function optionalString(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadInputError(`${name} must be a string`);
  return value;
}
