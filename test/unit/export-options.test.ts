import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/read/errors.js';
import { parseExportOptions, parseViewRequest } from '../../src/explore/export.js';

// `npm run export -- --gexf-version 1.2` and `/export/gexf?version=1.2` both come here.
describe('the GEXF version of an export', () => {
  it('is 1.3 unless 1.2 is asked for, and only GEXF has one', () => {
    expect(parseExportOptions({ format: 'gexf' }).gexfVersion).toBe('1.3');
    expect(parseExportOptions({ format: 'gexf', version: '1.2' }).gexfVersion).toBe('1.2');
    expect(parseViewRequest('gexf', { ids: ['asean'] }, '1.2').gexfVersion).toBe('1.2');
    expect(parseExportOptions({ format: 'graphml' }).gexfVersion).toBeUndefined();
    expect(() => parseExportOptions({ format: 'gexf', version: '1.1' })).toThrow(BadInputError);
    expect(() => parseExportOptions({ format: 'graphml', version: '1.2' })).toThrow(/gexf only/);
  });
});
