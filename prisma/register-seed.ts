// The demo registers of social enterprises of Kazakhstan and Tajikistan (prisma/registers/*.csv), imported
// as a ministry would: the enterprises whose numbers they list (prisma/demo-legal.ts) show as registered.
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyRegisterImport } from "~/models/register.server";
import type { Tx } from "~/utils/db.server";
import { projectRoot } from "~/utils/project-root.server";
import { findHeaderRow, guessRegisterColumns } from "~/utils/register-columns";
import { readRegisterTable } from "~/utils/register-file.server";

const DEMO_REGISTERS = [
  { country: "KZ", file: "kz-register.csv" },
  { country: "TJ", file: "tj-register.csv" },
] as const;

export async function seedRegisters(tx: Tx, { importerId }: { importerId: string }) {
  for (const { country, file } of DEMO_REGISTERS) {
    const table = await readRegisterTable(readFileSync(path.join(projectRoot(), "prisma", "registers", file)));
    if (!table.ok) throw new Error(`The demo register ${file} cannot be read: ${table.problem}`);
    const created = await tx.registerImport.create({
      data: { country, fileName: file, table: table.rows, importedById: importerId, createdAt: new Date(Date.now() - 30 * 86_400_000) },
      select: { id: true },
    });
    const columns = guessRegisterColumns(table.rows[findHeaderRow(table.rows)]!);
    const applied = await applyRegisterImport(tx, { id: created.id, columns, now: new Date(Date.now() - 30 * 86_400_000) });
    if (!applied.ok) throw new Error(`The demo register ${file} was not imported: ${applied.error}`);
  }
}
