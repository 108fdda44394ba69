import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { parsePartialDate, type PartialDate } from '../../model/partial-date.js';

function isoDate(value: unknown): PartialDate {
  const date = typeof value === 'string' ? parsePartialDate(value) : undefined;
  if (!date) {
    throw new GraphQLError(
      `IsoDate must be a date such as 2021, 2021-04 or 2021-04-19, got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return date;
}

/** Input arrives parsed (value, precision and bounds), so filters can widen it to its period. */
export const IsoDate = new GraphQLScalarType<PartialDate, string>({
  name: 'IsoDate',
  serialize: (value) => (typeof value === 'string' ? value : isoDate(value).value),
  parseValue: isoDate,
  parseLiteral: (ast) => isoDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** graphql-scalars' LocalDate (YYYY-MM-DD, calendar-checked) under the schema's name, Date. */
export const DateScalar = new GraphQLScalarType({ ...GraphQLLocalDate.toConfig(), name: 'Date' });
