import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { parseBlockYaml } from './block-yaml.js';

/**
 * js-yaml parses seed files about ten times faster than `yaml` (measured: 36 vs 3.2 MB/s on a
 * facts file), which decides how fast millions of facts validate; but it keeps no positions, so
 * it only ever serves the first, clean parse (see YamlSource.parseFast). Both are declared
 * dependencies: the one YAML path of the one seed validator is js-yaml for clean files and `yaml`
 * wherever a position is needed (should js-yaml be absent, `yaml` alone gives the same result).
 * Its CORE_SCHEMA resolves plain scalars as `yaml`'s default YAML 1.2 core schema does (no
 * timestamps: a date stays a string), and it rejects duplicate keys as `uniqueKeys` does.
 */

export type FastParse =
  | { ok: true; value: unknown }
  | { ok: false; error?: { line: number; column: number; message: string } };

/**
 * Parses with js-yaml; `ok: false` (with js-yaml's error) means "ask `yaml`" for its positions.
 * Text in the seed files' plain block layout (every facts file the generator writes, and the chunks
 * of items of its entity files and documents.yaml) is read by
 * parseBlockYaml first, which gives what js-yaml would for it in a fraction of the time.
 */
export function fastYamlParse(text: string): FastParse {
  const block = parseBlockYaml(text);
  if (block !== undefined) return { ok: true, value: block };
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) };
  } catch (error) {
    const e = error as Partial<YAMLException> & Error;
    return {
      ok: false,
      error: {
        line: (e.mark?.line ?? 0) + 1,
        column: (e.mark?.column ?? 0) + 1,
        message: e.reason ?? e.message,
      },
    };
  }
}
