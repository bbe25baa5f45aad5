import { readFile } from "node:fs/promises";
import path from "node:path";
import wasm from "@prisma/prisma-schema-wasm";
import pg from "pg";

/**
 * Compares what prisma/schema.prisma describes with what the migrations
 * actually built in a database, since `prisma migrate diff` needs the schema
 * engine we cannot download. Returns one line per difference; [] means no
 * drift. Covers tables, columns (type, list, nullability, presence of a
 * default), enums, primary keys, unique and plain indexes (columns, order,
 * direction) and foreign keys (columns, target, ON DELETE). Expression and
 * partial indexes are left to the migrations: Prisma's schema cannot name them.
 */

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  nativeType: unknown;
  default?: { name?: string } | string | number | boolean | unknown[];
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

export async function readDmmf(schemaPath = SCHEMA_PATH): Promise<Dmmf> {
  const schema = await readFile(schemaPath, "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};
const ON_DELETE: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
/** Defaults Prisma computes in the client, which leave no DEFAULT in the database. */
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

interface DbColumn {
  table: string;
  column: string;
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
  precision: number | null;
}
interface DbIndex {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
}
interface DbForeignKey {
  table: string;
  columns: string[];
  target: string;
  targetColumns: string[];
  onDelete: string;
}

async function introspect(client: pg.Client) {
  const tables = await client.query<{ table: string }>(
    `SELECT table_name AS table FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const columns = await client.query<DbColumn>(
    `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS udt,
            c.is_nullable = 'YES' AS nullable, c.column_default IS NOT NULL AS "hasDefault",
            c.datetime_precision AS precision
       FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`,
  );
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  const indexes = await client.query<DbIndex>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            array_agg(a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                      ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
        -- Expression and partial indexes (full-text search) cannot be declared in schema.prisma.
        AND ix.indexprs IS NULL AND ix.indpred IS NULL
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`,
  );
  const foreignKeys = await client.query<DbForeignKey>(
    `SELECT t.relname AS table, r.relname AS target, c.confdeltype AS "onDelete",
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS "targetColumns"
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  return {
    tables: new Set(tables.rows.map((row) => row.table)),
    columns: columns.rows,
    enums: enums.rows,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

export async function schemaDrift(databaseUrl: string, dmmf?: Dmmf): Promise<string[]> {
  const { datamodel } = dmmf ?? (await readDmmf());
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const db = await introspect(client).finally(() => client.end());
  const drift: string[] = [];

  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  for (const schemaEnum of datamodel.enums) {
    const name = schemaEnum.dbName ?? schemaEnum.name;
    const expected = schemaEnum.values.map((value) => value.dbName ?? value.name);
    const actual = db.enums.find((e) => e.name === name);
    if (!actual) drift.push(`enum "${name}" is missing`);
    else if (!same(actual.labels, expected)) drift.push(`enum "${name}" has [${actual.labels}], schema says [${expected}]`);
  }
  for (const extra of db.enums.filter((e) => ![...enumNames.values()].includes(e.name))) {
    drift.push(`enum "${extra.name}" exists in the database but not in the schema`);
  }

  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: DmmfModel, field: string) => {
    const found = model.fields.find((f) => f.name === field);
    return found?.dbName ?? field;
  };
  const expectedIndexes: { table: string; unique: boolean; primary: boolean; columns: string[] }[] = [];

  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    if (!db.tables.has(table)) {
      drift.push(`table "${table}" is missing`);
      continue;
    }
    const scalarFields = model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
    for (const field of scalarFields) {
      const column = field.dbName ?? field.name;
      const where = `"${table}"."${column}"`;
      const actual = db.columns.find((c) => c.table === table && c.column === column);
      if (!actual) {
        drift.push(`column ${where} is missing`);
        continue;
      }
      if (field.nativeType) drift.push(`column ${where}: native types (@db.*) are not checked yet; extend schema-drift.ts`);
      const base = field.kind === "enum" ? enumNames.get(field.type)! : SCALAR_TYPES[field.type];
      const expectedType = field.isList ? `_${base}` : base;
      if (actual.udt !== expectedType) drift.push(`column ${where} is ${actual.udt}, schema says ${expectedType}`);
      if (field.type === "DateTime" && actual.precision !== 3) {
        drift.push(`column ${where} has precision ${actual.precision}, Prisma uses TIMESTAMP(3)`);
      }
      // Prisma creates list columns without NOT NULL.
      const nullable = field.isList || !field.isRequired;
      if (actual.nullable !== nullable) {
        drift.push(`column ${where} is ${actual.nullable ? "nullable" : "NOT NULL"}, schema says ${nullable ? "nullable" : "NOT NULL"}`);
      }
      const defaultName = typeof field.default === "object" && field.default !== null && "name" in field.default ? field.default.name : undefined;
      const dbDefault = field.default !== undefined && !CLIENT_SIDE_DEFAULTS.has(defaultName ?? "");
      if (actual.hasDefault !== dbDefault) {
        drift.push(`column ${where} ${actual.hasDefault ? "has" : "lacks"} a DEFAULT, schema says it ${dbDefault ? "has one" : "has none"}`);
      }
    }
    const known = new Set(scalarFields.map((field) => field.dbName ?? field.name));
    for (const extra of db.columns.filter((c) => c.table === table && !known.has(c.column))) {
      drift.push(`column "${table}"."${extra.column}" exists in the database but not in the schema`);
    }

    for (const relation of model.fields.filter((field) => field.kind === "object" && field.relationFromFields?.length)) {
      const columns = relation.relationFromFields!.map((f) => columnOf(model, f));
      const targetModel = datamodel.models.find((m) => m.name === relation.type)!;
      const target = tableOf.get(relation.type)!;
      const targetColumns = relation.relationToFields!.map((f) => columnOf(targetModel, f));
      const onDelete = relation.relationOnDelete ?? (relation.isRequired ? "Restrict" : "SetNull");
      const fk = db.foreignKeys.find((k) => k.table === table && same(k.columns, columns));
      const where = `foreign key "${table}"(${columns}) → "${target}"(${targetColumns})`;
      if (!fk) drift.push(`${where} is missing`);
      else if (fk.target !== target || !same(fk.targetColumns, targetColumns)) drift.push(`${where} points at "${fk.target}"(${fk.targetColumns})`);
      else if (ON_DELETE[fk.onDelete] !== onDelete) drift.push(`${where} is ON DELETE ${ON_DELETE[fk.onDelete]}, schema says ${onDelete}`);
    }
  }
  for (const table of db.tables) {
    if (![...tableOf.values()].includes(table)) drift.push(`table "${table}" exists in the database but not in the schema`);
  }

  for (const index of datamodel.indexes) {
    const model = datamodel.models.find((m) => m.name === index.model)!;
    expectedIndexes.push({
      table: tableOf.get(index.model)!,
      primary: index.type === "id",
      unique: index.type !== "normal",
      columns: index.fields.map((f) => columnOf(model, f.name) + (f.sortOrder === "desc" ? " DESC" : "")),
    });
  }
  const describe = (i: { table: string; primary: boolean; unique: boolean; columns: string[] }) =>
    `${i.primary ? "primary key" : i.unique ? "unique index" : "index"} on "${i.table}"(${i.columns.join(", ")})`;
  const matches = (a: (typeof expectedIndexes)[number], b: DbIndex) =>
    a.table === b.table && a.primary === b.primary && a.unique === b.unique && same(a.columns, b.columns);
  for (const expected of expectedIndexes) {
    if (!db.indexes.some((actual) => matches(expected, actual))) drift.push(`${describe(expected)} is missing`);
  }
  for (const actual of db.indexes) {
    if (db.tables.has(actual.table) && [...tableOf.values()].includes(actual.table) && !expectedIndexes.some((e) => matches(e, actual))) {
      drift.push(`${describe(actual)} ("${actual.name}") exists in the database but not in the schema`);
    }
  }
  return drift;
}
