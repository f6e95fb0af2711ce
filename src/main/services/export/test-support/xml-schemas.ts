// Validation of what the app writes against the formats' published schemas (test-fixtures/schemas),
// with libxml2 compiled to WebAssembly (`xmllint-wasm`): no system package needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = join(__dirname, '../../../../../test-fixtures/schemas');
const read = (name: string) => ({ fileName: name, contents: readFileSync(join(SCHEMAS, name), 'utf8') });

const schemaFiles = {
  eaf: { schema: 'EAFv3.0.xsd', preload: [] as string[] },
  xliff: { schema: 'xliff-core-1.2-strict.xsd', preload: ['xml.xsd'] },
};

/** The schema's complaints about the document (none when it is valid). */
export async function schemaErrors(kind: keyof typeof schemaFiles, xml: string): Promise<string[]> {
  const { schema, preload } = schemaFiles[kind];
  const result = await validateXML({ xml: [{ fileName: `document.${kind}`, contents: xml }], schema: [read(schema)], preload: preload.map(read) });
  return result.errors.map((error) => error.message);
}
