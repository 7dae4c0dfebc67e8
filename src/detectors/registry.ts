import { corsAnyOriginWithCredentials } from "./cors-any-origin-with-credentials.js";
import type { Detector } from "./detector.js";
import { evalOrShellInjection } from "./eval-or-shell-injection.js";
import { httpClientWithoutTimeout } from "./http-client-without-timeout.js";
import { jwtWithoutVerification } from "./jwt-without-verification.js";
import { nPlusOne } from "./n-plus-one.js";
import { sensitiveDataInLogs } from "./sensitive-data-in-logs.js";
import { sqlStringBuilding } from "./sql-string-building.js";
import { syncIoInHandler } from "./sync-io-in-handler.js";
import { tlsVerificationDisabled } from "./tls-verification-disabled.js";
import { unboundedQuery } from "./unbounded-query.js";
import { unsafeMigration } from "./unsafe-migration.js";
import { weakRandomnessForSecrets } from "./weak-randomness-for-secrets.js";

/** Every rule-based detector, in the order their findings are reported. */
export const detectorRegistry: readonly Detector[] = [
  sqlStringBuilding,
  evalOrShellInjection,
  jwtWithoutVerification,
  tlsVerificationDisabled,
  corsAnyOriginWithCredentials,
  weakRandomnessForSecrets,
  sensitiveDataInLogs,
  nPlusOne,
  unboundedQuery,
  syncIoInHandler,
  httpClientWithoutTimeout,
  unsafeMigration,
];

export const detectorIds: readonly string[] = detectorRegistry.map((detector) => detector.id);
