/**
 * Which changed files are server-side code. The one place these rules live: evaluated in order,
 * the first rule whose globs match a path decides (`keep` or leave out with `reason`).
 * Globs are picomatch globs matched against the full path (`dot: true`, `nocase` for names).
 */
export interface ServerFileRule {
  /** Why a matched file is left out; undefined for rules that keep files. */
  reason?: string;
  keep: boolean;
  globs: string[];
}

const frontendDirs = [
  "**/public/**",
  "**/static/**",
  "**/assets/**",
  "**/frontend/**",
  "**/client/**",
  "**/web/**",
  "**/www/**",
  "**/ui/**",
  "**/components/**",
  "**/pages/**",
  "**/styles/**",
];

export const serverFileRules: ServerFileRule[] = [
  {
    keep: false,
    reason: "vendored code",
    globs: [
      "**/vendor/**",
      "**/node_modules/**",
      "**/third_party/**",
      "**/third-party/**",
      "**/bower_components/**",
    ],
  },
  {
    keep: false,
    reason: "lock file",
    globs: [
      "**/package-lock.json",
      "**/npm-shrinkwrap.json",
      "**/yarn.lock",
      "**/pnpm-lock.yaml",
      "**/bun.lockb",
      "**/go.sum",
      "**/*.lock",
      "**/*.lockfile",
    ],
  },
  {
    keep: false,
    reason: "generated file",
    globs: [
      "**/dist/**",
      "**/build/**",
      "**/out/**",
      "**/target/**",
      "**/coverage/**",
      "**/__generated__/**",
      "**/generated/**",
      "**/*.generated.*",
      "**/*.gen.*",
      "**/*.min.js",
      "**/*.min.css",
      "**/*.map",
      "**/*.pb.go",
      "**/*_pb2.py",
      "**/*_pb2_grpc.py",
      "**/*.pb.*.go",
      "**/*_grpc.pb.go",
      "**/*.snap",
      "**/zz_generated*.go",
      "**/mock_*.go",
      "**/*_mock.go",
    ],
  },
  {
    keep: false,
    reason: "documentation",
    globs: [
      "**/*.md",
      "**/*.mdx",
      "**/*.rst",
      "**/*.adoc",
      "**/*.txt",
      "**/docs/**",
      "**/doc/**",
      "**/LICENSE*",
      "**/CHANGELOG*",
    ],
  },
  {
    keep: false,
    reason: "frontend asset",
    globs: [
      "**/*.{css,scss,sass,less,styl,html,htm,vue,svelte,astro}",
      "**/*.{svg,png,jpg,jpeg,gif,webp,ico,bmp,avif,woff,woff2,ttf,otf,eot,mp3,mp4,webm}",
      "**/*.{jsx,tsx}",
    ],
  },
  {
    keep: true,
    globs: [
      // Deployment: containers, manifests, infrastructure as code.
      "**/Dockerfile",
      "**/Dockerfile.*",
      "**/*.dockerfile",
      "**/Containerfile",
      "**/docker-compose*.{yml,yaml}",
      "**/compose*.{yml,yaml}",
      "**/{k8s,kubernetes,helm,charts,deploy,deployment,deployments,manifests,infra,ops}/**/*.{yml,yaml,json,tpl}",
      "**/*.{tf,tfvars,hcl}",
      "**/Procfile",
      "**/serverless.{yml,yaml}",
      "**/app.yaml",
      // API schemas.
      "**/*.{proto,graphql,gql,graphqls,avsc,thrift}",
      "**/{openapi,swagger,asyncapi}*.{yml,yaml,json}",
      "**/{api,schema,schemas}/**/*.{yml,yaml,json}",
      // Databases.
      "**/*.{sql,prisma}",
      "**/{migrations,migration,migrate,db,database,schema}/**",
    ],
  },
  {
    // Server routes that live inside front-end frameworks' folders (Next.js, Nuxt, SvelteKit).
    keep: true,
    globs: [
      "**/pages/api/**/*.{js,mjs,cjs,ts,mts,cts}",
      "**/app/api/**/*.{js,mjs,cjs,ts,mts,cts}",
      "**/server/**/*.{js,mjs,cjs,ts,mts,cts}",
    ],
  },
  {
    keep: false,
    reason: "frontend code",
    globs: frontendDirs.map((dir) => `${dir}/*.{js,mjs,cjs,ts,mts,cts}`),
  },
  {
    keep: true,
    globs: [
      // Backend languages.
      "**/*.{js,mjs,cjs,ts,mts,cts}",
      "**/*.{py,pyi,go,java,kt,kts,scala,groovy,rb,php,cs,fs,rs,ex,exs,erl,hrl,clj,cljs,swift,c,cc,cpp,h,hpp,lua,pl,sh}",
    ],
  },
];

/** Reason given to files no rule matches. */
export const notServerCodeReason = "not server-side code";
