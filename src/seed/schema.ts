import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { SeedIssue } from './types.js';
import type { YamlSource } from './yaml-source.js';

/** The JSON Schema of the seed files (seeds/seed.schema.json), compiled once per process. */
interface CompiledSchema {
  ajv: Ajv2020;
  id: string;
  defs: Record<string, { properties?: Record<string, { items?: { $ref?: string } }> }>;
  validators: Map<string, ValidateFunction>;
}

let compiled: CompiledSchema | undefined;

function schemaOf(seedsDir: string): CompiledSchema {
  if (!compiled) {
    const schema = JSON.parse(fs.readFileSync(path.join(seedsDir, 'seed.schema.json'), 'utf8')) as {
      $id: string;
      $defs: CompiledSchema['defs'];
    };
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(schema);
    compiled = { ajv, id: schema.$id, defs: schema.$defs, validators: new Map() };
  }
  return compiled;
}

/** The validator of one $defs entry (a whole file, such as personsFile, or one item, such as person). */
export function validatorFor(seedsDir: string, def: string): ValidateFunction {
  const schema = schemaOf(seedsDir);
  let validate = schema.validators.get(def);
  if (!validate) {
    validate = schema.ajv.getSchema(`${schema.id}#/$defs/${def}`);
    if (!validate) throw new Error(`seed.schema.json has no $defs/${def}`);
    schema.validators.set(def, validate);
  }
  return validate;
}

/** The $defs entry of the items of a file's list (personsFile.persons -> person). */
export function itemDefOf(seedsDir: string, fileDef: string, key: string): string {
  const ref = schemaOf(seedsDir).defs[fileDef]?.properties?.[key]?.items?.$ref;
  const match = ref ? /^#\/\$defs\/(.+)$/.exec(ref) : null;
  if (!match?.[1]) throw new Error(`seed.schema.json: $defs/${fileDef}.${key} has no item $ref`);
  return match[1];
}

/**
 * Schema errors as located issues. `prefix` is the path of the validated value inside its file,
 * when an item is validated on its own, so messages name it as in the whole file.
 */
export function schemaIssues(
  source: YamlSource,
  errors: ErrorObject[],
  prefix: ReadonlyArray<string | number> = [],
): SeedIssue[] {
  return errors
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'oneOf')
    .map((e) => {
      const where: (string | number)[] = [
        ...prefix,
        ...e.instancePath
          .split('/')
          .slice(1)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~'))),
      ];
      let message = e.message ?? 'is invalid';
      if (e.keyword === 'additionalProperties') {
        const name = (e.params as { additionalProperty: string }).additionalProperty;
        where.push(name);
        message = `unknown property "${name}"`;
      } else if (e.keyword === 'propertyNames') {
        message = `property not allowed here (${e.message})`;
      } else if (e.keyword === 'enum') {
        message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      }
      const at = where.length
        ? where.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')
        : 'file';
      return source.issue(where, `${at.replace(/^\./, '')}: ${message}`);
    });
}
