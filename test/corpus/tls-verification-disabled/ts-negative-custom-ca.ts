// expect: none
import { readFileSync } from "node:fs";
import https from "node:https";

const ca = readFileSync(process.env.INTERNAL_CA_PATH ?? "/etc/ssl/internal-ca.pem");

export const agent = new https.Agent({ keepAlive: true, ca, rejectUnauthorized: true });

export const featureFlags = { rejectUnauthorizedWarnings: false, strictMode: true };
