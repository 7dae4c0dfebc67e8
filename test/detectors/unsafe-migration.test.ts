import { describe, expect, it } from "@jest/globals";
import { runDetectors } from "../../src/detectors/run-detectors.js";
import { unsafeMigration } from "../../src/detectors/unsafe-migration.js";
import { buildAddedFile } from "./build-added-file.js";

function findLines(path: string, code: string): number[] {
  return runDetectors([buildAddedFile(path, code)], { detectors: [unsafeMigration] }).map((f) => f.line);
}

const djangoHeader =
  "from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    operations = [\n";

describe("unsafe-migration in framework migrations", () => {
  it.each([
    {
      name: "Django RenameField",
      op: '        migrations.RenameField(model_name="a", old_name="f", new_name="g"),\n',
    },
    { name: "Django RenameModel", op: '        migrations.RenameModel(old_name="A", new_name="B"),\n' },
    {
      name: "Django AddField with db_index",
      op: '        migrations.AddField(model_name="u", name="e", field=models.EmailField(db_index=True, null=True)),\n',
    },
    {
      name: "Django AddField with preserve_default=False",
      op: '        migrations.AddField(model_name="a", name="n", field=models.IntegerField(default=1), preserve_default=False),\n',
    },
  ])("reports $name", ({ op }) => {
    expect(findLines("app/migrations/0002_x.py", `${djangoHeader}${op}    ]\n`)).toEqual([5]);
  });

  it("does not report a many-to-many field or a nullable column", () => {
    const ops =
      '        migrations.AddField(model_name="b", name="m", field=models.ManyToManyField(to="app.A")),\n' +
      '        migrations.AddField(model_name="a", name="n", field=models.IntegerField(null=True)),\n';
    expect(findLines("app/migrations/0003_y.py", `${djangoHeader}${ops}    ]\n`)).toEqual([]);
  });

  it("does not report changes to a table created in the same Alembic migration", () => {
    const code =
      'def upgrade():\n    op.create_table("user", sa.Column("id", sa.Integer()))\n    op.create_index(op.f("ix_user_email"), "user", ["email"], unique=True)\n';
    expect(findLines("alembic/versions/e2_init.py", code)).toEqual([]);
  });

  it("reads DROP INDEX and REINDEX in raw SQL of a migration", () => {
    const code =
      'def upgrade():\n    op.execute("DROP INDEX ix_orders_status")\n    op.execute("REINDEX TABLE orders")\n';
    expect(findLines("alembic/versions/4a_x.py", code)).toEqual([2, 3]);
  });
});
