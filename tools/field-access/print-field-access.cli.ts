// npm run docs:field-access: writes docs/field-access.md from the field-access table
// (libs/domain/src/field-access.ts). tools/field-access/field-access.spec.ts fails when the
// committed file differs from what the table renders.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFieldAccessDoc } from '@vfr/domain';

export const DOC_FILE = join(__dirname, '..', '..', 'docs', 'field-access.md');

writeFileSync(DOC_FILE, renderFieldAccessDoc());
console.log('Wrote docs/field-access.md');
