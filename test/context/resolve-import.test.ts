import { describe, expect, it } from "@jest/globals";
import { findImports } from "../../src/context/find-imports.js";
import { type ProjectInfo, parseTsconfig, resolveImport } from "../../src/context/resolve-import.js";
import type { DetectorLanguage } from "../../src/detectors/detector.js";

const paths = [
  "src/app.ts",
  "src/routes/users.ts",
  "src/db/index.ts",
  "src/db/users-repo.ts",
  "src/lib/auth.tsx",
  "app/__init__.py",
  "app/models.py",
  "app/services/__init__.py",
  "app/services/billing.py",
  "app/services/accounts.py",
  "internal/store/store.go",
  "internal/store/queries.go",
  "internal/store/store_test.go",
  "cmd/api/main.go",
  "src/main/java/com/acme/shop/OrderService.java",
  "src/main/java/com/acme/shop/web/OrderController.java",
];
const project: ProjectInfo = {
  ...parseTsconfig(
    '{ // comment\n "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"], "~auth": ["src/lib/auth"], }, } }',
    "",
  ),
  goModules: [{ module: "github.com/acme/shop", dir: "" }],
};
const has = (p: string) => paths.includes(p);

interface Case {
  name: string;
  from: string;
  spec: string;
  language: DetectorLanguage;
  expected: string[];
}

const resolved: Case[] = [
  {
    name: "relative import without extension",
    from: "src/routes/users.ts",
    spec: "../db/users-repo",
    language: "typescript",
    expected: ["src/db/users-repo.ts"],
  },
  {
    name: "ESM .js import of a .ts file",
    from: "src/routes/users.ts",
    spec: "../db/users-repo.js",
    language: "typescript",
    expected: ["src/db/users-repo.ts"],
  },
  {
    name: "directory index",
    from: "src/app.ts",
    spec: "./db",
    language: "typescript",
    expected: ["src/db/index.ts"],
  },
  {
    name: "tsconfig wildcard alias",
    from: "src/app.ts",
    spec: "@/db/users-repo",
    language: "typescript",
    expected: ["src/db/users-repo.ts"],
  },
  {
    name: "tsconfig exact alias",
    from: "src/app.ts",
    spec: "~auth",
    language: "typescript",
    expected: ["src/lib/auth.tsx"],
  },
  {
    name: "baseUrl import",
    from: "src/app.ts",
    spec: "src/routes/users",
    language: "typescript",
    expected: ["src/routes/users.ts"],
  },
  {
    name: "Python absolute module",
    from: "app/services/billing.py",
    spec: "app.models",
    language: "python",
    expected: ["app/models.py"],
  },
  {
    name: "Python package",
    from: "app/models.py",
    spec: "app.services",
    language: "python",
    expected: ["app/services/__init__.py"],
  },
  {
    name: "Python relative module",
    from: "app/services/billing.py",
    spec: ".accounts",
    language: "python",
    expected: ["app/services/accounts.py"],
  },
  {
    name: "Python parent-relative module",
    from: "app/services/billing.py",
    spec: "..models",
    language: "python",
    expected: ["app/models.py"],
  },
  {
    name: "Go package of the same module (tests excluded)",
    from: "cmd/api/main.go",
    spec: "github.com/acme/shop/internal/store",
    language: "go",
    expected: ["internal/store/queries.go", "internal/store/store.go"],
  },
  {
    name: "Java class import",
    from: "src/main/java/com/acme/shop/web/OrderController.java",
    spec: "com.acme.shop.OrderService",
    language: "java",
    expected: ["src/main/java/com/acme/shop/OrderService.java"],
  },
];

const unresolved: Case[] = [
  {
    name: "third-party npm package",
    from: "src/app.ts",
    spec: "express",
    language: "typescript",
    expected: [],
  },
  {
    name: "relative path above the repository root",
    from: "src/app.ts",
    spec: "../../../etc/passwd",
    language: "typescript",
    expected: [],
  },
  {
    name: "Python standard library",
    from: "app/models.py",
    spec: "os.path",
    language: "python",
    expected: [],
  },
  {
    name: "Go module of another repository",
    from: "cmd/api/main.go",
    spec: "github.com/jackc/pgx/v5",
    language: "go",
    expected: [],
  },
  {
    name: "Java class not in the repository",
    from: "src/main/java/com/acme/shop/OrderService.java",
    spec: "java.util.List",
    language: "java",
    expected: [],
  },
];

describe("resolveImport", () => {
  it.each(resolved)("resolves $name", ({ from, spec, language, expected }) => {
    expect(resolveImport({ fromPath: from, spec, language, has, paths, project }).sort()).toEqual(expected);
  });
  it.each(unresolved)("finds nothing for $name", ({ from, spec, language }) => {
    expect(resolveImport({ fromPath: from, spec, language, has, paths, project })).toEqual([]);
  });
});

describe("findImports", () => {
  it.each([
    {
      name: "ES modules: named, aliased, default, namespace, type-only",
      language: "typescript" as const,
      text: 'import db, { query as q, tx } from "./db";\nimport * as auth from "@/auth";\nimport type { User } from "./types";',
      expected: [
        {
          spec: "./db",
          names: [
            { imported: "query", local: "q" },
            { imported: "tx", local: "tx" },
            { imported: "default", local: "db" },
          ],
          namespace: "db",
          line: 1,
        },
        { spec: "@/auth", names: [], namespace: "auth", line: 2 },
        { spec: "./types", names: [{ imported: "User", local: "User" }], line: 3 },
      ],
    },
    {
      name: "CommonJS require",
      language: "javascript" as const,
      text: 'const { findUser: find } = require("./repo");\nconst pool = require("./pool");',
      expected: [
        { spec: "./repo", names: [{ imported: "findUser", local: "find" }], line: 1 },
        { spec: "./pool", names: [{ imported: "default", local: "pool" }], namespace: "pool", line: 2 },
      ],
    },
    {
      name: "Python from-import and import-as",
      language: "python" as const,
      text: "from .models import (Account,\n    Invoice as Inv)\nimport app.db as database",
      expected: [
        {
          spec: ".models",
          names: [
            { imported: "Account", local: "Account" },
            { imported: "Invoice", local: "Inv" },
          ],
          line: 1,
        },
        { spec: "app.db", names: [], namespace: "database", line: 3 },
      ],
    },
    {
      name: "Go import block with an alias",
      language: "go" as const,
      text: 'package main\n\nimport (\n\t"fmt"\n\tst "github.com/acme/shop/internal/store"\n)',
      expected: [
        { spec: "fmt", names: [], namespace: "fmt", line: 3 },
        { spec: "github.com/acme/shop/internal/store", names: [], namespace: "st", line: 3 },
      ],
    },
    {
      name: "Java imports, static and wildcard",
      language: "java" as const,
      text: "import com.acme.shop.OrderService;\nimport static com.acme.shop.Money.cents;\nimport com.acme.util.*;",
      expected: [
        { spec: "com.acme.shop.OrderService", names: [], namespace: "OrderService", line: 1 },
        { spec: "com.acme.shop.Money", names: [{ imported: "cents", local: "cents" }], line: 2 },
        { spec: "com.acme.util.*", names: [], line: 3 },
      ],
    },
  ])("reads $name", ({ language, text, expected }) => {
    expect(findImports(text, language)).toEqual(expected);
  });
});
