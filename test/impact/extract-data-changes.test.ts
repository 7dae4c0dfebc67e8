import { describe, expect, it } from "@jest/globals";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { extractDataChanges, extractTableQueries } from "../../src/impact/extract-data-changes.js";
import { buildAddedFile } from "./patch-helpers.js";

type Row = [string, string, string, string | undefined, number, string];

function rows(path: string, code: string): Row[] {
  return extractDataChanges(path, buildAddedFile(code)).map((c) => [
    c.action,
    c.kind,
    c.name,
    c.table,
    c.line,
    c.tool,
  ]);
}

// Snippets in the shape of each tool's documentation (source named per case).
const cases: { name: string; path: string; code: string; expected: Row[] }[] = [
  {
    name: "PostgreSQL DDL (postgresql.org/docs/current/sql-createtable.html, sql-altertable.html, sql-createindex.html)",
    path: "db/migrations/20240101_orders.sql",
    code: `CREATE TABLE IF NOT EXISTS orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL
);
ALTER TABLE orders
    ADD COLUMN total_cents bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
CREATE UNIQUE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
ALTER TABLE distributors DROP COLUMN address;
ALTER TABLE distributors ALTER COLUMN address TYPE varchar(80);
DROP TABLE legacy_orders;
DROP INDEX IF EXISTS old_idx;`,
    expected: [
      ["created", "table", "orders", undefined, 1, "SQL"],
      ["created", "column", "total_cents", "orders", 5, "SQL"],
      ["created", "constraint", "orders_customer_fk", "orders", 5, "SQL"],
      ["created", "index", "orders_customer_idx", "orders", 8, "SQL"],
      ["dropped", "column", "address", "distributors", 9, "SQL"],
      ["altered", "column", "address", "distributors", 10, "SQL"],
      ["dropped", "table", "legacy_orders", undefined, 11, "SQL"],
      ["dropped", "index", "old_idx", undefined, 12, "SQL"],
    ],
  },
  {
    name: "Flyway versioned migration naming (documentation.red-gate.com/fd/migrations) ",
    path: "src/main/resources/db/migration/V2__add_email.sql",
    code: "ALTER TABLE person ADD email varchar(255);",
    expected: [["created", "column", "email", "person", 1, "Flyway"]],
  },
  {
    name: "golang-migrate up/down files (github.com/golang-migrate/migrate, GETTING_STARTED.md)",
    path: "migrations/000001_create_users_table.up.sql",
    code: "CREATE TABLE IF NOT EXISTS users(\n   user_id serial PRIMARY KEY,\n   email VARCHAR (300) UNIQUE NOT NULL\n);",
    expected: [["created", "table", "users", undefined, 1, "golang-migrate"]],
  },
  {
    name: "Django migration operations (docs.djangoproject.com/en/stable/ref/migration-operations)",
    path: "shop/migrations/0002_order_total.py",
    code: `from django.db import migrations, models

class Migration(migrations.Migration):
    operations = [
        migrations.CreateModel(
            name="Refund",
            fields=[("id", models.AutoField(primary_key=True))],
        ),
        migrations.AddField(model_name="order", name="total", field=models.DecimalField(max_digits=10, decimal_places=2)),
        migrations.RemoveField(model_name="order", name="legacy_total"),
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["customer"], name="order_customer_idx"),
        ),
    ]`,
    expected: [
      ["created", "table", "Refund", undefined, 5, "Django"],
      ["created", "column", "total", "order", 9, "Django"],
      ["dropped", "column", "legacy_total", "order", 10, "Django"],
      ["created", "index", "order_customer_idx", "order", 11, "Django"],
    ],
  },
  {
    name: "Alembic operations (alembic.sqlalchemy.org/en/latest/ops.html, tutorial)",
    path: "alembic/versions/1975ea83b712_create_account_table.py",
    code: `def upgrade():
    op.create_table(
        'account',
        sa.Column('id', sa.Integer, primary_key=True),
    )
    op.add_column('account', sa.Column('last_transaction_date', sa.DateTime))
    op.create_index(op.f('ix_account_name'), 'account', ['name'])
    op.drop_column('organization', 'legacy')`,
    expected: [
      ["created", "table", "account", undefined, 2, "Alembic"],
      ["created", "column", "last_transaction_date", "account", 6, "Alembic"],
      ["created", "index", "ix_account_name", "account", 7, "Alembic"],
      ["dropped", "column", "legacy", "organization", 8, "Alembic"],
    ],
  },
  {
    name: "TypeORM migration API (typeorm.io/docs/migrations/api)",
    path: "src/migrations/1700000000000-Question.ts",
    code: `export class QuestionRefactoring1700000000000 implements MigrationInterface {
    async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.createTable(new Table({ name: "question", columns: [{ name: "id", type: "int" }] }), true)
        await queryRunner.addColumn("answer", new TableColumn({ name: "questionId", type: "int" }))
        await queryRunner.createIndex("question", new TableIndex({ name: "IDX_QUESTION_NAME", columnNames: ["name"] }))
        await queryRunner.query(\`ALTER TABLE "post" RENAME COLUMN "title" TO "name"\`)
    }
}`,
    expected: [
      ["created", "table", "question", undefined, 3, "TypeORM"],
      ["created", "column", "questionId", "answer", 4, "TypeORM"],
      ["created", "index", "IDX_QUESTION_NAME", "question", 5, "TypeORM"],
      ["altered", "column", "title → name", "post", 6, "SQL"],
    ],
  },
  {
    name: "Knex schema builder (knexjs.org/guide/schema-builder.html)",
    path: "migrations/20240101_users.js",
    code: `exports.up = function (knex) {
  return knex.schema
    .createTable('users', function (table) {
      table.increments('id');
      table.string('email').notNullable();
    })
    .alterTable('accounts', function (table) {
      table.string('nickname');
      table.dropColumn('legacy');
      table.index(['owner_id'], 'accounts_owner_idx');
    });
};`,
    expected: [
      ["created", "table", "users", undefined, 2, "Knex"],
      ["created", "column", "nickname", "accounts", 8, "Knex"],
      ["dropped", "column", "legacy", "accounts", 9, "Knex"],
      ["created", "index", "owner_id", "accounts", 10, "Knex"],
    ],
  },
  {
    name: "Liquibase XML change types (docs.liquibase.com/change-types/create-table.html, add-column.html)",
    path: "src/main/resources/db/changelog/db.changelog-1.1.xml",
    code: `<databaseChangeLog>
  <changeSet id="1" author="bob">
    <createTable tableName="department">
      <column name="id" type="int"/>
    </createTable>
    <addColumn tableName="person">
      <column name="middlename" type="varchar(50)"/>
    </addColumn>
    <createIndex indexName="idx_address" tableName="person">
      <column name="address"/>
    </createIndex>
  </changeSet>
</databaseChangeLog>`,
    expected: [
      ["created", "table", "department", undefined, 3, "Liquibase"],
      ["created", "column", "middlename", "person", 6, "Liquibase"],
      ["created", "index", "idx_address", "person", 9, "Liquibase"],
    ],
  },
];

describe("extractDataChanges", () => {
  it.each(cases)("$name", ({ path, code, expected }) => {
    expect(rows(path, code)).toEqual(expected);
  });

  it("reads Prisma schema models and fields, added, changed and removed (prisma.io/docs/orm/prisma-schema/data-model/models)", () => {
    const hunks = parsePatch(
      [
        "@@ -1,6 +1,10 @@",
        " model User {",
        "   id    Int     @id @default(autoincrement())",
        "-  name  String",
        "+  name  String?",
        "+  email String  @unique",
        "+  @@index([email])",
        " }",
        "-model Legacy {",
        "-  id Int @id",
        "-}",
        "+model Post {",
        "+  id Int @id",
        "+}",
      ].join("\n"),
    );
    expect(
      extractDataChanges("prisma/schema.prisma", hunks).map((c) => [
        c.action,
        c.kind,
        c.name,
        c.table,
        c.line,
      ]),
    ).toEqual([
      ["altered", "column", "name", "User", 3],
      ["created", "column", "email", "User", 4],
      ["created", "index", "index (email)", "User", 5],
      ["created", "table", "Post", undefined, 7],
      ["dropped", "table", "Legacy", undefined, 5],
    ]);
  });

  it("reads no SQL from files that are not migrations", () => {
    expect(rows("src/services/report.js", "const sql = 'CREATE TABLE tmp (id int)';")).toEqual([]);
  });
});

describe("extractTableQueries", () => {
  it("finds tables read and written by new SQL in code, not in prose or migrations", () => {
    const code = `const rows = await db.query(
  "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $1",
  [id],
);
await db.query('INSERT INTO audit_log (event) VALUES ($1)', ['read']);
await db.query("UPDATE orders SET seen = true WHERE id = $1", [id]);
// select the rows from the cache first
cursor.execute("DELETE FROM sessions WHERE expires_at < now()")`;
    expect(
      extractTableQueries("src/orders.js", buildAddedFile(code)).map((q) => [q.operation, q.table, q.line]),
    ).toEqual([
      ["select", "orders", 2],
      ["select", "customers", 2],
      ["insert", "audit_log", 5],
      ["update", "orders", 6],
      ["delete", "sessions", 8],
    ]);
    expect(extractTableQueries("db/migrations/1.sql", buildAddedFile("SELECT 1 FROM t"))).toEqual([]);
  });
});
