/**
 * What a pull request does to the system, read from its diff: the vocabulary of the "Architecture
 * impact" section. Every string in it comes from the pull request and is untrusted: it is encoded where
 * it is rendered, never before.
 */

export type EndpointFramework =
  | "Express"
  | "Fastify"
  | "NestJS"
  | "Koa"
  | "FastAPI"
  | "Flask"
  | "Django"
  | "Django REST framework"
  | "net/http"
  | "gin"
  | "echo"
  | "chi"
  | "gorilla/mux"
  | "Spring";

export type ImpactChange = "added" | "changed" | "removed";

/** A place in the pull request: path and line (new-file numbers; old-file numbers for removed things). */
export interface ImpactLocation {
  path: string;
  line: number;
}

export interface Endpoint extends ImpactLocation {
  change: ImpactChange;
  /** `GET`, `POST`, … or `ANY` when the route accepts every method (or the diff does not say). */
  method: string;
  /** The route as written (with a class- or group-level prefix when the diff shows one). */
  route: string;
  framework: EndpointFramework;
  /** Whether an authentication guard (middleware, decorator, dependency) is visible in the diff. */
  authGuard: "visible" | "not-visible";
}

export type DataObjectKind = "table" | "column" | "index" | "constraint";

export interface DataChange extends ImpactLocation {
  kind: DataObjectKind;
  action: "created" | "altered" | "dropped";
  /** The object's name (`orders`, `total_cents`, `orders_customer_idx`). */
  name: string;
  /** The table a column, index or constraint belongs to, when the change names it. */
  table?: string;
  /** How the change is written: SQL, Django, Alembic, Prisma, TypeORM, Knex, Liquibase. */
  tool: string;
}

export interface TableQuery extends ImpactLocation {
  table: string;
  operation: "select" | "insert" | "update" | "delete";
}

export interface OutboundDependency extends ImpactLocation {
  kind: "http" | "queue" | "cache";
  /** A host, a topic or queue name, or a client (`axios`, `Redis`). */
  name: string;
  /** `host`, `topic`, `queue`, `client`… */
  detail: string;
}

export interface ConfigKey extends ImpactLocation {
  name: string;
  source: "environment" | "configuration";
}

export interface ManifestDependency extends ImpactLocation {
  name: string;
  version?: string;
  /** `package.json`, `go.mod`, `requirements.txt`, `pom.xml`, … */
  manifest: string;
}

/**
 * A non-breaking change to an API description (a new operation, an optional field, an enum value),
 * listed in the section as written. Filled by the API-contract stage; empty when it did not run.
 */
export interface ApiAddition {
  /** One line of plain text (untrusted: encoded when rendered). */
  description: string;
  path?: string;
  line?: number;
}

export interface ArchitectureImpact {
  endpoints: Endpoint[];
  dataChanges: DataChange[];
  queries: TableQuery[];
  outbound: OutboundDependency[];
  configKeys: ConfigKey[];
  dependencies: ManifestDependency[];
  /** Non-breaking API additions (another stage fills this list). */
  apiAdditions: ApiAddition[];
}

export function createEmptyImpact(): ArchitectureImpact {
  return {
    endpoints: [],
    dataChanges: [],
    queries: [],
    outbound: [],
    configKeys: [],
    dependencies: [],
    apiAdditions: [],
  };
}

/** True when the change touches nothing the section reports: then the section is left out. */
export function isEmptyImpact(impact: ArchitectureImpact): boolean {
  return (
    impact.endpoints.length +
      impact.dataChanges.length +
      impact.queries.length +
      impact.outbound.length +
      impact.configKeys.length +
      impact.dependencies.length +
      impact.apiAdditions.length ===
    0
  );
}
